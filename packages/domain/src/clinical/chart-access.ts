/**
 * The checks every clinical write shares: object access to the patient (restricted records,
 * break-glass) and a record that still takes entries (a merged record's lists live on the
 * surviving one). Also the practice's "today" for default dates.
 */
import { type PatientAccess, type Permission, requirePatientAccess } from '../access/index.ts';
import { patientStatus } from '../patients/index.ts';
import type { Ctx } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';

/** Access for a write; call inside the write's transaction. */
export async function requireWritableChart(tx: Ctx, patientId: string, permission: Permission): Promise<PatientAccess> {
  const access = await requirePatientAccess(tx, patientId, permission);
  if ((await patientStatus(tx, patientId)) === 'merged') {
    throw new AppError('CONFLICT', 'this record was merged; write on the surviving record');
  }
  return access;
}

/** Today's date on the clock of the caller's location (UTC when the request names none). */
export async function chartToday(tx: Ctx): Promise<string> {
  let zone = 'UTC';
  if (tx.locationId) {
    const loc = await tx.db
      .selectFrom('location_directory')
      .select('time_zone')
      .where('id', '=', tx.locationId)
      .where('organization_id', '=', tx.organizationId)
      .executeTakeFirst();
    if (loc) zone = loc.time_zone;
  }
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(tx.clock.now());
}
