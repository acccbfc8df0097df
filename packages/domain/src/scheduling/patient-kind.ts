/**
 * New vs established patient (the CMS 3-year rule): a patient is established when the
 * practice saw them (a checked-out visit, or one under way: roomed or with the provider)
 * within the 3 years before the date of service, new otherwise. A new patient with the
 * provider right now can so be booked for their follow-up before they leave. An appointment type for new patients refuses an established one and
 * the other way round, unless the booker overrides with appointment:override.
 */
import { sql } from 'kysely';
import { can } from '../access/index.ts';
import type { Ctx } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';

export type PatientKind = 'new' | 'established' | 'any';

/** Visits in which the practice has seen (or is now seeing) the patient. */
const SEEN = ['checked_out', 'roomed', 'with_provider'] as const;

/** Whether the patient was seen (SEEN) in the organization in the 3 years before `start`. */
export async function isEstablishedPatient(tx: Ctx, patientId: string, start: Date): Promise<boolean> {
  const row = await tx.db
    .selectFrom('appointments')
    .select('id')
    .where('organization_id', '=', tx.organizationId)
    .where('patient_id', '=', patientId)
    .where('status', 'in', SEEN)
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
  // The booker passed the record's access check: the message names the patient, never an id.
  const p = await tx.db
    .selectFrom('patient_names')
    .select(['given_name', 'family_name'])
    .where('id', '=', q.patientId)
    .where('organization_id', '=', tx.organizationId)
    .executeTakeFirst();
  const who = p ? `${p.given_name} ${p.family_name}` : 'This patient';
  const detail = established
    ? `${who} is an established patient (seen here within the 3 years before this visit): choose a type for established patients`
    : `${who} is a new patient (not seen here in the 3 years before this visit): choose a type for new patients`;
  throw new AppError('CONFLICT', detail, {
    extra: { reason: 'PATIENT_KIND', patientId: q.patientId, patientKind: q.patientKind, established },
  });
}
