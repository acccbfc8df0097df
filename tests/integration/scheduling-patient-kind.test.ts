/**
 * New vs established patient at booking (CMS 3-year rule): a new-patient type refuses a
 * patient seen (checked out) here within 3 years, an established-patient type refuses one
 * who was not; appointment:override may book anyway, audited.
 */
import { FakeClock } from '@domain/shared/clock.ts';
import { describe, expect, it } from 'vitest';
import type { TestOrg } from '../helpers/factories.ts';
import { booking, newAppointmentType, newPatient, weeklyHours } from '../helpers/scheduling-factories.ts';
import { createTestApp } from '../helpers/test-app.ts';

// Wednesday 2026-03-04 08:30 in New York.
const clock = new FakeClock('2026-03-04T13:30:00Z');
const t = await createTestApp({ clock });

async function practice() {
  const org = await t.newOrg();
  await weeklyHours(t.db, org);
  const newType = await newAppointmentType(t.db, org, { name: 'New patient', patientKind: 'new' });
  const establishedType = await newAppointmentType(t.db, org, { name: 'Follow-up', patientKind: 'established' });
  const anyType = await newAppointmentType(t.db, org, { name: 'Physical', patientKind: 'any' });
  return { org, newType, establishedType, anyType };
}

/** A past visit of the patient, in the given status. */
async function pastVisit(
  org: TestOrg,
  patientId: string,
  typeId: string,
  startsAt: string,
  status: 'checked_out' | 'no_show' | 'arrived' | 'roomed' | 'with_provider' = 'checked_out',
) {
  const s = new Date(startsAt);
  const e = new Date(s.getTime() + 30 * 60_000);
  await t.db
    .insertInto('appointments')
    .values({
      organization_id: org.id,
      patient_id: patientId,
      provider_id: org.providerId,
      location_id: org.locationId,
      appointment_type_id: typeId,
      starts_at: s,
      ends_at: e,
      blocked_until: e,
      status,
    })
    .execute();
}

describe('patient kind at booking', () => {
  it('a new-patient type refuses a patient checked out here within 3 years (409 naming the patient), nothing is booked', async () => {
    const { org, newType, anyType } = await practice();
    const patientId = await newPatient(t.db, org);
    await pastVisit(org, patientId, anyType, '2024-06-10T14:00:00Z');
    const fd = t.as(org, 'front_desk');
    const res = await fd.post('/api/appointments', booking(org, patientId, newType, '2026-03-04T10:00'));
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json()).toMatchObject({ code: 'CONFLICT', reason: 'PATIENT_KIND', patientId, patientKind: 'new', established: true });
    // The message names the patient as staff know them, never by id.
    const named = await t.db
      .selectFrom('patients')
      .select(['given_name', 'family_name'])
      .where('id', '=', patientId)
      .executeTakeFirstOrThrow();
    expect(res.json().detail).toContain(`${named.given_name} ${named.family_name} is an established patient`);
    expect(res.json().detail).not.toContain(patientId);
    const rows = await t.db.selectFrom('appointments').select('id').where('patient_id', '=', patientId).execute();
    expect(rows).toHaveLength(1);
    // The same patient is welcome for an established-patient or any type.
    expect((await fd.post('/api/appointments', booking(org, patientId, anyType, '2026-03-04T11:00'))).statusCode).toBe(201);
  });

  it('an established-patient type refuses a patient never seen, seen over 3 years ago, or only as a no-show', async () => {
    const { org, establishedType, newType, anyType } = await practice();
    const fd = t.as(org, 'front_desk');
    const never = await newPatient(t.db, org);
    const longAgo = await newPatient(t.db, org);
    await pastVisit(org, longAgo, anyType, '2023-03-01T14:00:00Z');
    const noShow = await newPatient(t.db, org);
    await pastVisit(org, noShow, anyType, '2025-12-01T14:00:00Z', 'no_show');
    for (const [i, patientId] of [never, longAgo, noShow].entries()) {
      const res = await fd.post('/api/appointments', booking(org, patientId, establishedType, `2026-03-04T1${i}:00`));
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json()).toMatchObject({ reason: 'PATIENT_KIND', patientId, patientKind: 'established', established: false });
      // ... and is a new patient.
      expect((await fd.post('/api/appointments', booking(org, patientId, newType, `2026-03-04T1${i}:00`))).statusCode).toBe(201);
    }
    const seen = await newPatient(t.db, org);
    await pastVisit(org, seen, anyType, '2023-03-10T15:00:00Z');
    expect((await fd.post('/api/appointments', booking(org, seen, establishedType, '2026-03-04T14:00'))).statusCode).toBe(201);
  });

  it('a checked-out visit in another practice does not make the patient established here', async () => {
    const { org, newType } = await practice();
    const other = await practice();
    const patientId = await newPatient(t.db, org);
    const otherPatient = await newPatient(t.db, other.org);
    await pastVisit(other.org, otherPatient, other.anyType, '2025-06-10T14:00:00Z');
    expect((await t.as(org, 'front_desk').post('/api/appointments', booking(org, patientId, newType, '2026-03-04T10:00'))).statusCode).toBe(
      201,
    );
  });

  it('appointment:override books anyway when asked, audited; without the permission asking is forbidden', async () => {
    const { org, newType, anyType } = await practice();
    const patientId = await newPatient(t.db, org);
    await pastVisit(org, patientId, anyType, '2025-06-10T14:00:00Z');
    const body = booking(org, patientId, newType, '2026-03-04T10:00', { overridePatientKind: true });
    expect((await t.as(org, 'front_desk').post('/api/appointments', body)).statusCode).toBe(403);
    const res = await t.as(org, 'office_manager').post('/api/appointments', body);
    expect(res.statusCode, res.body).toBe(201);
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['user_id', 'details'])
      .where('organization_id', '=', org.id)
      .where('resource_type', '=', 'appointment')
      .where('resource_id', '=', res.json().id)
      .where('action', '=', 'create')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ user_id: org.users.office_manager.id, details: { patientKindOverride: 'new', override: true } });
    // Asking to override when the kind fits changes nothing and needs no right.
    const fresh = await newPatient(t.db, org);
    const fine = await t
      .as(org, 'front_desk')
      .post('/api/appointments', booking(org, fresh, newType, '2026-03-04T11:00', { overridePatientKind: true }));
    expect(fine.statusCode, fine.body).toBe(201);
  });

  it('a series reports the mismatch per occurrence; a reschedule keeps the kind it was booked with', async () => {
    const { org, newType, establishedType } = await practice();
    const fd = t.as(org, 'front_desk');
    const patientId = await newPatient(t.db, org);
    const series = await fd.post('/api/appointment-series', {
      patientId,
      providerId: org.providerId,
      appointmentTypeId: newType,
      locationId: org.locationId,
      start: '2026-03-04T10:00',
      count: 2,
    });
    expect(series.statusCode, series.body).toBe(201);
    const refused = await fd.post('/api/appointment-series', {
      patientId,
      providerId: org.providerId,
      appointmentTypeId: establishedType,
      locationId: org.locationId,
      start: '2026-03-05T10:00',
      count: 2,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().occurrences.map((o: { code: string }) => o.code)).toEqual(['PATIENT_KIND', 'PATIENT_KIND']);

    // Checked out since: now established, yet the booked new-patient visit may still move.
    await pastVisit(org, patientId, newType, '2026-03-02T14:00:00Z');
    const moved = await fd.post(`/api/appointments/${series.json().occurrences[1].appointmentId}/reschedule`, {
      start: '2026-03-11T11:00',
    });
    expect(moved.statusCode, moved.body).toBe(201);
  });

  it('a new patient with the provider right now is established for the follow-up booked before they leave', async () => {
    const { org, establishedType, anyType } = await practice();
    const fd = t.as(org, 'front_desk');
    // Earlier today (New York), before the fake clock's 08:30: the visit is under way.
    for (const [status, at] of [
      ['roomed', '2026-03-04T11:00:00Z'],
      ['with_provider', '2026-03-04T11:40:00Z'],
    ] as const) {
      const patientId = await newPatient(t.db, org);
      await pastVisit(org, patientId, anyType, at, status);
      const followUp = await fd.post(
        '/api/appointments',
        booking(org, patientId, establishedType, status === 'roomed' ? '2026-03-18T10:00' : '2026-03-18T11:00'),
      );
      expect(followUp.statusCode, `${status}: ${followUp.body}`).toBe(201);
    }
    // Only arrived (in the waiting room, not yet seen): still a new patient.
    const waiting = await newPatient(t.db, org);
    await pastVisit(org, waiting, anyType, '2026-03-04T12:20:00Z', 'arrived');
    const res = await fd.post('/api/appointments', booking(org, waiting, establishedType, '2026-03-18T12:00'));
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ reason: 'PATIENT_KIND', established: false });
    expect(res.json().detail).toMatch(/ is a new patient \(not seen here/);
  });
});
