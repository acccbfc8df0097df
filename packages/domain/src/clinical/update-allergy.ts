import { diffFields, recordAudit } from '../audit/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { requireWritableChart } from './chart-access.ts';
import type { Allergy, AllergyPatch } from './clinical.schemas.ts';
import { definedOnly, toAllergy } from './clinical-rows.ts';
import { lockAllergies } from './allergy-lock.ts';
import { appendAllergyStatement } from './allergy-statement.ts';

/**
 * Edit an allergy, or mark it inactive / active again. Reactivating one ends a "no known
 * allergies" statement as adding one does. `expectedVersion` comes from If-Match.
 */
export async function updateAllergy(
  ctx: Ctx,
  patientId: string,
  allergyId: string,
  patch: AllergyPatch,
  expectedVersion: number,
): Promise<Allergy> {
  return inTransaction(ctx, async (tx) => {
    const access = await requireWritableChart(tx, patientId, 'note:write');
    await lockAllergies(tx, patientId);
    const current = await tx.db
      .selectFrom('allergies')
      .selectAll()
      .where('id', '=', allergyId)
      .where('patient_id', '=', patientId)
      .where('organization_id', '=', tx.organizationId)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw new AppError('NOT_FOUND', 'allergy not found');
    if (current.version !== expectedVersion) {
      throw new AppError('VERSION_MISMATCH', `allergy is at version ${current.version}`, { extra: { current: toAllergy(current) } });
    }
    const p = definedOnly(patch);
    const row = await tx.db
      .updateTable('allergies')
      .set({
        substance: p.substance ?? current.substance,
        reaction: p.reaction ?? current.reaction,
        severity: p.severity ?? current.severity,
        status: p.status ?? current.status,
        onset_date: p.onsetDate !== undefined ? p.onsetDate : current.onset_date,
        note: p.note ?? current.note,
        version: current.version + 1,
        updated_at: tx.clock.now(),
      })
      .where('id', '=', allergyId)
      .where('organization_id', '=', tx.organizationId)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (current.status !== 'active' && row.status === 'active') {
      await appendAllergyStatement(tx, patientId, 'has_allergies', actorUserId(tx));
    }
    const { version: _bv, updatedAt: _bu, ...b } = toAllergy(current);
    const after = toAllergy(row);
    const { version: _av, updatedAt: _au, ...a } = after;
    await recordAudit(tx, { action: 'update', resourceType: 'allergy', resourceId: allergyId, access, changes: diffFields(b, a) });
    return after;
  });
}
