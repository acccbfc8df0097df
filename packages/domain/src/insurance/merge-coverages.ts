import { sql } from 'kysely';
import type { PatientMerge } from '../patients/index.ts';
import type { Ctx } from '../shared/context.ts';

/**
 * Coverages move to the survivor. Where one of the merged record's active
 * coverages overlaps the survivor's of the same priority, the survivor's wins
 * and the moved one is kept inactive (the exclusion constraint allows one).
 */
export async function mergeCoverages(tx: Ctx, { survivorId, mergedId }: PatientMerge): Promise<number> {
  await sql`
      update coverages c set active = false, updated_at = now()
       where c.patient_id = ${mergedId} and c.active
         and exists (select 1 from coverages s
                      where s.patient_id = ${survivorId} and s.active and s.priority = c.priority
                        and daterange(s.effective_date, s.termination_date, '[]') && daterange(c.effective_date, c.termination_date, '[]'))`.execute(
    tx.db,
  );
  const r = await tx.db.updateTable('coverages').set({ patient_id: survivorId }).where('patient_id', '=', mergedId).executeTakeFirst();
  return Number(r.numUpdatedRows);
}
