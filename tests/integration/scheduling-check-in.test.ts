/**
 * The desk's check-in ticks (insurance card seen, demographics confirmed): given with the
 * check-in itself or afterwards from the dialog, stamped with who and when, audited, and
 * shown on the flow board.
 */
import { FakeClock } from '@domain/shared/clock.ts';
import { describe, expect, it } from 'vitest';
import { booking, newAppointmentType, newPatient, weeklyHours } from '../helpers/scheduling-factories.ts';
import { createTestApp } from '../helpers/test-app.ts';

// Wednesday 2026-03-04 08:30 in New York.
const clock = new FakeClock('2026-03-04T13:30:00Z');
const t = await createTestApp({ clock });

async function booked() {
  const org = await t.newOrg();
  await weeklyHours(t.db, org);
  const typeId = await newAppointmentType(t.db, org, { duration: 20 });
  const patientId = await newPatient(t.db, org);
  const fd = t.as(org, 'front_desk');
  const res = await fd.post('/api/appointments', booking(org, patientId, typeId, '2026-03-04T09:00'));
  expect(res.statusCode, res.body).toBe(201);
  return { org, fd, patientId, id: res.json().id as string };
}

async function boardRow(org: Awaited<ReturnType<typeof booked>>['org'], id: string) {
  const res = await t.as(org, 'nurse').get(`/api/flow-board?locationId=${org.locationId}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { appointmentId: string; insuranceConfirmed: boolean; demographicsConfirmed: boolean }[]).find(
    (i) => i.appointmentId === id,
  );
}

describe('check-in confirmations', () => {
  it('are stored with the check-in (status arrived), noted on the status event and shown on the flow board', async () => {
    const { org, fd, id } = await booked();
    const res = await fd.post(`/api/appointments/${id}/status`, {
      status: 'arrived',
      insuranceConfirmed: true,
      demographicsConfirmed: false,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'arrived', insuranceConfirmedAt: clock.now().toISOString(), demographicsConfirmedAt: null });
    expect(await boardRow(org, id)).toMatchObject({ insuranceConfirmed: true, demographicsConfirmed: false });

    const row = await t.db
      .selectFrom('appointments')
      .select(['insurance_confirmed_by', 'demographics_confirmed_by'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ insurance_confirmed_by: org.users.front_desk.id, demographics_confirmed_by: null });
    const detail = (await fd.get(`/api/appointments/${id}`)).json();
    expect(detail.events.at(-1)).toMatchObject({ toStatus: 'arrived', details: { insuranceConfirmed: true } });
  });

  it('can be given after a one-click check-in; repeating a tick or sending false keeps the first confirmation', async () => {
    const { org, fd, id, patientId } = await booked();
    expect((await fd.post(`/api/appointments/${id}/status`, { status: 'arrived' })).statusCode).toBe(200);
    expect(await boardRow(org, id)).toMatchObject({ insuranceConfirmed: false, demographicsConfirmed: false });

    const first = clock.now().toISOString();
    const res = await fd.post(`/api/appointments/${id}/check-in-confirmations`, { insuranceConfirmed: true, demographicsConfirmed: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ insuranceConfirmedAt: first, demographicsConfirmedAt: first });
    expect(await boardRow(org, id)).toMatchObject({ insuranceConfirmed: true, demographicsConfirmed: true });

    clock.advance(60_000);
    const again = await fd.post(`/api/appointments/${id}/check-in-confirmations`, {
      insuranceConfirmed: false,
      demographicsConfirmed: true,
    });
    expect(again.json()).toMatchObject({ insuranceConfirmedAt: first, demographicsConfirmedAt: first });

    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'patient_id', 'user_id', 'changes'])
      .where('organization_id', '=', org.id)
      .where('resource_type', '=', 'appointment')
      .where('resource_id', '=', id)
      .where('action', '=', 'update')
      .orderBy('seq')
      .execute();
    expect(audit.at(-1)).toMatchObject({
      patient_id: patientId,
      user_id: org.users.front_desk.id,
      changes: { insuranceConfirmed: { before: false, after: true }, demographicsConfirmed: { before: false, after: true } },
    });
    expect(audit).toHaveLength(2); // the check-in and one confirmation: the repeat changed nothing
  });

  it('refuses confirmations before check-in (409), with another status (400), empty (400), or from another practice (404)', async () => {
    const { org, fd, id } = await booked();
    const early = await fd.post(`/api/appointments/${id}/check-in-confirmations`, { insuranceConfirmed: true });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'CONFLICT', reason: 'NOT_CHECKED_IN' });
    expect((await fd.post(`/api/appointments/${id}/status`, { status: 'confirmed', insuranceConfirmed: true })).statusCode).toBe(400);
    expect((await fd.post(`/api/appointments/${id}/check-in-confirmations`, {})).statusCode).toBe(400);
    const other = await t.newOrg();
    expect(
      (await t.as(other, 'front_desk').post(`/api/appointments/${id}/check-in-confirmations`, { insuranceConfirmed: true })).statusCode,
    ).toBe(404);
    expect(
      (await t.as(org, 'biller').post(`/api/appointments/${id}/check-in-confirmations`, { insuranceConfirmed: true })).statusCode,
    ).toBe(403);
    const row = await t.db
      .selectFrom('appointments')
      .select(['status', 'insurance_confirmed_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'scheduled', insurance_confirmed_at: null });
  });
});
