/** The patient's allergy status as the chart states it, from the allergy statements and the active allergies. */
import type { Ctx } from '../shared/context.ts';
import type { AllergyList } from './clinical.schemas.ts';

type Statement = Pick<AllergyList, 'status' | 'recordedAt' | 'recordedBy'>;

/**
 * `has_allergies` while any allergy is active (dated by the newest statement or allergy);
 * otherwise `nka` when the newest statement is "no known allergies"; otherwise `unknown`
 * (never asked, or every recorded allergy has since been marked inactive: ask again).
 */
export async function allergyStatement(tx: Ctx, patientId: string, activeCount: number): Promise<Statement> {
  const latest = await tx.db
    .selectFrom('allergy_statements as s')
    .leftJoin('staff_directory as u', 'u.id', 's.recorded_by')
    .select(['s.status', 's.recorded_at', 's.recorded_by', 'u.display_name'])
    .where('s.organization_id', '=', tx.organizationId)
    .where('s.patient_id', '=', patientId)
    .orderBy('s.seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const status = activeCount > 0 ? 'has_allergies' : latest?.status === 'nka' ? 'nka' : 'unknown';
  if (status === 'unknown' || !latest || (status === 'has_allergies' && latest.status !== 'has_allergies')) {
    return { status, recordedAt: null, recordedBy: null };
  }
  return {
    status,
    recordedAt: latest.recorded_at.toISOString(),
    recordedBy: latest.recorded_by ? { id: latest.recorded_by, name: latest.display_name ?? '' } : null,
  };
}

/** Record a statement (the caller holds the allergy lock). */
export async function appendAllergyStatement(tx: Ctx, patientId: string, status: 'nka' | 'has_allergies', userId: string | null) {
  await tx.db
    .insertInto('allergy_statements')
    .values({ organization_id: tx.organizationId, patient_id: patientId, status, recorded_at: tx.clock.now(), recorded_by: userId })
    .execute();
}
