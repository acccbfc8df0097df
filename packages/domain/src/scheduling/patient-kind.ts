/**
 * New vs established patient (the CMS 3-year rule): a patient is established when the
 * practice saw them (a checked-out visit) within the 3 years before the date of service,
 * new otherwise. An appointment type for new patients refuses an established one and
 * the other way round, unless the booker overrides with appointment:override.
 */
import { sql } from 'kysely';
import { can } from '../access/index.ts';
import type { Ctx } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';

export type PatientKind = 'new' | 'established' | 'any';

/** Whether the patient had a checked-out visit in the organization in the 3 years before `start`. */
export async function isEstablishedPatient(tx: Ctx, patientId: string, start: Date): Promise<boolean> {
  const row = await tx.db
    .selectFrom('appointments')
    .select('id')
    .where('organization_id', '=', tx.organizationId)
    .where('patient_id', '=', patientId)
    .where('status', '=', 'checked_out')
    .where('starts_at', '<', start)
    .where('starts_at', '>=', sql<Date>`${start}::timestamptz - interval '3 years'`)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * 409 CONFLICT (reason PATIENT_KIND, naming the patient) when the type's patient kind does
 * not fit. Returns true when the mismatch was overridden (the caller audits it); asking to
 * override without appointment:override is FORBIDDEN.
 */
export async function checkPatientKind(
  tx: Ctx,
  q: { patientKind: PatientKind; patientId: string; start: Date; override: boolean },
): Promise<boolean> {
  if (q.patientKind === 'any') return false;
  const established = await isEstablishedPatient(tx, q.patientId, q.start);
  if (established === (q.patientKind === 'established')) return false;
  if (q.override) {
    if (!can(tx, 'appointment:override')) throw new AppError('FORBIDDEN', 'overriding the patient kind needs appointment:override');
    return true;
  }
  const detail = established
    ? `patient ${q.patientId} is an established patient (a checked-out visit here within 3 years before this one): choose a type for established patients`
    : `patient ${q.patientId} is a new patient (no checked-out visit here within 3 years before this one): choose a type for new patients`;
  throw new AppError('CONFLICT', detail, {
    extra: { reason: 'PATIENT_KIND', patientId: q.patientId, patientKind: q.patientKind, established },
  });
}
