import { createSession } from '@domain/identity/sessions.ts';
import { JobRunner } from '@domain/jobs/index.ts';
import { FakeClock } from '@domain/shared/clock.ts';
import { jobHandlers } from '@server/jobs/index.ts';
import { describe, expect, it } from 'vitest';
import { booking, newAppointmentType, newPatient, newRoom, weeklyHours } from '../helpers/scheduling-factories.ts';
import { createTestApp } from '../helpers/test-app.ts';

// Wednesday 2026-03-04 08:30 in New York.
const clock = new FakeClock('2026-03-04T13:30:00Z');
const t = await createTestApp({ clock });

async function booked(start = '2026-03-04T09:00') {
  const org = await t.newOrg();
  await weeklyHours(t.db, org);
  const typeId = await newAppointmentType(t.db, org, { duration: 20 });
  const patientId = await newPatient(t.db, org);
  const fd = t.as(org, 'front_desk');
  const res = await fd.post('/api/appointments', booking(org, patientId, typeId, start));
  expect(res.statusCode, res.body).toBe(201);
  return { org, typeId, patientId, fd, id: res.json().id as string };
}

describe('patient flow', () => {
  it('walks scheduled → confirmed → arrived → roomed → with_provider → checked_out, recording who and when', async () => {
    const { org, fd, id } = await booked();
    const room = await newRoom(t.db, org, { name: 'Exam 3' });
    const nurse = t.as(org, 'nurse');
    expect((await fd.post(`/api/appointments/${id}/status`, { status: 'confirmed' })).json().status).toBe('confirmed');
    expect((await fd.post(`/api/appointments/${id}/status`, { status: 'arrived' })).json().arrivedAt).toBe(clock.now().toISOString());
    const roomed = await nurse.post(`/api/appointments/${id}/status`, { status: 'roomed', roomId: room });
    expect(roomed.json()).toMatchObject({ status: 'roomed', roomId: room });
    await t.as(org, 'clinician').post(`/api/appointments/${id}/status`, { status: 'with_provider' });
    expect((await fd.post(`/api/appointments/${id}/status`, { status: 'checked_out' })).json().status).toBe('checked_out');

    const detail = (await fd.get(`/api/appointments/${id}`)).json();
    expect(detail.events.map((e: { toStatus: string }) => e.toStatus)).toEqual([
      'scheduled',
      'confirmed',
      'arrived',
      'roomed',
      'with_provider',
      'checked_out',
    ]);
    expect(detail.events[3]).toMatchObject({ fromStatus: 'arrived', userId: org.users.nurse.id, at: clock.now().toISOString() });
    expect(detail.events[4].userId).toBe(org.users.clinician.id);
  });

  it('refuses illegal transitions with 409 ILLEGAL_TRANSITION and changes nothing', async () => {
    const { org, fd, id } = await booked();
    const skip = await fd.post(`/api/appointments/${id}/status`, { status: 'with_provider' });
    expect(skip.statusCode).toBe(409);
    expect(skip.json()).toMatchObject({ code: 'ILLEGAL_TRANSITION', from: 'scheduled', to: 'with_provider' });
    expect((await fd.post(`/api/appointments/${id}/status`, { status: 'cancelled' })).json().code).toBe('ILLEGAL_TRANSITION');
    await fd.post(`/api/appointments/${id}/cancel`, { reason: 'weather' });
    expect((await fd.post(`/api/appointments/${id}/status`, { status: 'arrived' })).json().code).toBe('ILLEGAL_TRANSITION');
    const room = await newRoom(t.db, org);
    expect((await fd.post(`/api/appointments/${id}/status`, { status: 'confirmed', roomId: room })).statusCode).toBe(400);
    const row = await t.db.selectFrom('appointments').select('status').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.status).toBe('cancelled');
    expect((await t.as(org, 'biller').post(`/api/appointments/${id}/status`, { status: 'arrived' })).statusCode).toBe(403);
  });

  it('cancels with a reason code and note, freeing the slot', async () => {
    const { org, typeId, fd, id } = await booked();
    expect((await fd.post(`/api/appointments/${id}/cancel`, { reason: 'other' })).statusCode).toBe(400);
    expect((await fd.post(`/api/appointments/${id}/cancel`, { reason: 'sick' })).statusCode).toBe(400);
    const res = await fd.post(`/api/appointments/${id}/cancel`, { reason: 'patient', note: 'car trouble' });
    expect(res.json()).toMatchObject({ status: 'cancelled', cancelReason: 'patient', cancelNote: 'car trouble' });
    const other = await newPatient(t.db, org);
    expect((await fd.post('/api/appointments', booking(org, other, typeId, '2026-03-04T09:00'))).statusCode).toBe(201);
  });

  it('reschedules keeping history: the old row is rescheduled and linked to the new one', async () => {
    const { org, typeId, fd, id } = await booked();
    // Overlapping its own old time is fine: the old slot is released first.
    const res = await fd.post(`/api/appointments/${id}/reschedule`, { start: '2026-03-04T09:10' });
    expect(res.statusCode, res.body).toBe(201);
    const moved = res.json();
    expect(moved).toMatchObject({ start: '2026-03-04T14:10:00.000Z', status: 'scheduled', rescheduledFromId: id });
    const old = (await fd.get(`/api/appointments/${id}`)).json();
    expect(old).toMatchObject({ status: 'rescheduled', rescheduledToId: moved.id });
    // Moving onto someone else's time is refused and changes nothing.
    const p2 = await newPatient(t.db, org);
    await fd.post('/api/appointments', booking(org, p2, typeId, '2026-03-04T10:00'));
    const clash = await fd.post(`/api/appointments/${moved.id}/reschedule`, { start: '2026-03-04T10:00' });
    expect(clash.json().code).toBe('SLOT_TAKEN');
    expect((await fd.get(`/api/appointments/${moved.id}`)).json().status).toBe('scheduled');
  });

  it('marks a no-show by hand, and automatically when the patient has not arrived in time', async () => {
    const { org, typeId, patientId, fd, id } = await booked('2026-03-04T09:00');
    const runner = new JobRunner({ db: t.db, clock, installation: t.installation, handlers: jobHandlers });
    const second = await fd.post('/api/appointments', booking(org, patientId, typeId, '2026-03-04T10:00'));
    const arrived = await fd.post('/api/appointments', booking(org, patientId, typeId, '2026-03-04T11:00'));
    await fd.post(`/api/appointments/${arrived.json().id}/status`, { status: 'arrived' });
    clock.set('2026-03-04T16:35:00Z'); // 11:35: 30 minutes past every start
    try {
      while (await runner.runOnce()) {}
      const status = async (x: string) =>
        (await t.db.selectFrom('appointments').select('status').where('id', '=', x).executeTakeFirstOrThrow()).status;
      expect(await status(id)).toBe('no_show');
      expect(await status(second.json().id)).toBe('no_show');
      expect(await status(arrived.json().id)).toBe('arrived');
      const ev = await t.db
        .selectFrom('appointment_events')
        .selectAll()
        .where('appointment_id', '=', id)
        .where('to_status', '=', 'no_show')
        .executeTakeFirstOrThrow();
      expect(ev).toMatchObject({ user_id: null, details: { automatic: true, afterMinutes: 30 } });
    } finally {
      clock.set('2026-03-04T13:30:00Z');
    }
    const fresh = await t.newOrg();
    await weeklyHours(t.db, fresh);
    const tt = await newAppointmentType(t.db, fresh, { duration: 20 });
    const pp = await newPatient(t.db, fresh);
    const manual = await t.as(fresh, 'front_desk').post('/api/appointments', booking(fresh, pp, tt, '2026-03-04T09:00'));
    const res = await t.as(fresh, 'front_desk').post(`/api/appointments/${manual.json().id}/status`, { status: 'no_show' });
    expect(res.json().status).toBe('no_show');

    const summary = (await fd.get(`/api/patients/${patientId}/appointments`)).json();
    expect(summary.counts).toMatchObject({ total: 3, noShow: 2 });
    expect(summary.items).toHaveLength(3);
  });

  it('refuses a move into the past before any slot check, and never marks a visit moved in the last hour a no-show', async () => {
    const { org, typeId, fd, id } = await booked('2026-03-04T09:00');
    // 08:30 now: 08:00 is gone, and refused even though it is free, naming the field; nothing changes.
    const past = await fd.post(`/api/appointments/${id}/reschedule`, { start: '2026-03-04T08:00' });
    expect(past.statusCode, past.body).toBe(400);
    expect(past.json().errors).toEqual([{ path: 'start', message: expect.stringContaining('already passed') }]);
    expect((await fd.get(`/api/appointments/${id}`)).json().status).toBe('scheduled');
    // Taken and past: still "already passed" first, not the slot conflict.
    const other = await newPatient(t.db, org);
    const early = await t.db
      .insertInto('appointments')
      .values({
        organization_id: org.id,
        patient_id: other,
        provider_id: org.providerId,
        location_id: org.locationId,
        appointment_type_id: typeId,
        starts_at: new Date('2026-03-04T12:40:00Z'),
        ends_at: new Date('2026-03-04T13:00:00Z'),
        blocked_until: new Date('2026-03-04T13:00:00Z'),
        status: 'checked_out',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(early.id).toBeTruthy();
    expect((await fd.post(`/api/appointments/${id}/reschedule`, { start: '2026-03-04T07:40' })).json().errors?.[0]?.path).toBe('start');

    // At 09:05 the visit is moved to 09:10; at 09:50 the patient is 40 minutes late, but the move is 45 minutes old.
    clock.set('2026-03-04T14:05:00Z');
    const runner = new JobRunner({ db: t.db, clock, installation: t.installation, handlers: jobHandlers });
    try {
      // A session started now (the factory's has idled out on the fake clock).
      const session = await createSession(t.db, clock, {
        userId: org.users.front_desk.id,
        organizationId: org.id,
        ip: null,
        userAgent: null,
      });
      const move = await t.app.inject({
        method: 'POST',
        url: `/api/appointments/${id}/reschedule`,
        headers: { authorization: `Bearer ${session.token}` },
        payload: { start: '2026-03-04T09:10' },
      });
      expect(move.statusCode, move.body).toBe(201);
      const movedId = move.json().id as string;
      const status = async () =>
        (await t.db.selectFrom('appointments').select('status').where('id', '=', movedId).executeTakeFirstOrThrow()).status;
      clock.set('2026-03-04T14:50:00Z');
      while (await runner.runOnce()) {}
      expect(await status()).toBe('scheduled');
      clock.set('2026-03-04T15:06:00Z'); // the hour since the move is over
      while (await runner.runOnce()) {}
      expect(await status()).toBe('no_show');
    } finally {
      clock.set('2026-03-04T13:30:00Z');
    }
  });

  it('waits for the no-show delay the organization set', async () => {
    const org = await t.newOrg({ settings: { no_show_after_minutes: 90 } });
    await weeklyHours(t.db, org);
    const typeId = await newAppointmentType(t.db, org, { duration: 20 });
    const patientId = await newPatient(t.db, org);
    const res = await t.as(org, 'front_desk').post('/api/appointments', booking(org, patientId, typeId, '2026-03-04T09:00'));
    const job = await t.db
      .selectFrom('jobs')
      .select('run_at')
      .where('dedupe_key', '=', `no-show:${res.json().id}`)
      .executeTakeFirstOrThrow();
    expect(new Date(job.run_at).toISOString()).toBe('2026-03-04T15:30:00.000Z');
  });

  it('lists appointments for a calendar with filters and keyset pages, and audits reads', async () => {
    const { org, typeId, patientId, fd, id } = await booked('2026-03-04T09:00');
    await fd.post('/api/appointments', booking(org, patientId, typeId, '2026-03-04T09:20'));
    await fd.post('/api/appointments', booking(org, patientId, typeId, '2026-03-04T09:40'));
    const range = 'from=2026-03-04T05:00:00Z&to=2026-03-05T05:00:00Z';
    const page1 = (await fd.get(`/api/appointments?${range}&providerId=${org.providerId}&limit=2`)).json();
    expect(page1.items.map((a: { id: string }) => a.id)[0]).toBe(id);
    const page2 = (await fd.get(`/api/appointments?${range}&limit=2&cursor=${page1.nextCursor}`)).json();
    expect(page2.items).toHaveLength(1);
    expect(page2.nextCursor).toBeNull();
    expect((await fd.get(`/api/appointments?${range}&locationId=${org.secondLocationId}`)).json().items).toEqual([]);
    expect((await fd.get(`/api/appointments?${range}&patientId=${patientId}`)).json().items).toHaveLength(3);
    const audits = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('organization_id', '=', org.id)
      .where('action', '=', 'search')
      .execute();
    expect(audits.length).toBeGreaterThanOrEqual(4);
    const stranger = await t.newOrg();
    expect((await t.as(stranger, 'front_desk').get(`/api/appointments/${id}`)).statusCode).toBe(404);
    expect((await t.as(stranger, 'front_desk').get(`/api/appointments?${range}`)).json().items).toEqual([]);
  });

  it("masks a restricted patient's name in lists for staff outside the care team", async () => {
    const org = await t.newOrg();
    await weeklyHours(t.db, org);
    const typeId = await newAppointmentType(t.db, org, { duration: 20 });
    const restricted = await newPatient(t.db, org, { restricted: true, givenName: 'Secret' });
    const res = await t.as(org, 'front_desk').post('/api/appointments', booking(org, restricted, typeId, '2026-03-04T09:00'));
    expect(res.statusCode).toBe(404); // not on the care team: as if it did not exist
    await t.db
      .insertInto('patient_care_team')
      .values({ organization_id: org.id, patient_id: restricted, user_id: org.users.clinician.id })
      .execute();
    const ok = await t.as(org, 'clinician').post('/api/appointments', booking(org, restricted, typeId, '2026-03-04T09:00'));
    expect(ok.json().patientName).toMatch(/^Secret /);
    const board = (await t.as(org, 'front_desk').get(`/api/flow-board?locationId=${org.locationId}`)).json();
    expect(board.items[0].patientName).toBe('Restricted patient');
  });

  it('shows the day on the flow board: status, arrival, minutes waiting, room and provider', async () => {
    const { org, fd, id } = await booked('2026-03-04T09:00');
    const room = await newRoom(t.db, org, { name: 'Exam 7' });
    await fd.post(`/api/appointments/${id}/status`, { status: 'arrived' });
    clock.advance(12 * 60_000);
    try {
      await t.as(org, 'nurse').post(`/api/appointments/${id}/status`, { status: 'roomed', roomId: room });
      const board = await fd.get(`/api/flow-board?locationId=${org.locationId}`);
      expect(board.statusCode, board.body).toBe(200);
      expect(board.json()).toMatchObject({ date: '2026-03-04', timeZone: 'America/New_York' });
      expect(board.json().items).toEqual([
        expect.objectContaining({
          appointmentId: id,
          status: 'roomed',
          minutesWaiting: 12,
          roomName: 'Exam 7',
          arrivedAt: '2026-03-04T13:30:00.000Z',
        }),
      ]);
      expect(board.json().items[0].providerName).toMatch(/^Pat Provider/);
      expect((await fd.get(`/api/flow-board?locationId=${org.secondLocationId}`)).json().items).toEqual([]);
      expect((await fd.get(`/api/flow-board?locationId=${org.locationId}&date=2026-03-05`)).json().items).toEqual([]);
    } finally {
      clock.set('2026-03-04T13:30:00Z');
    }
  });
});
