/**
 * Issue 11, items 1 and 3: saving time off lists the booked visits it falls on (and the list
 * can be read again later), and a move can be undone only from the version the mover saw.
 */
import { describe, expect, it } from 'vitest';
import { FakeClock } from '@domain/shared/clock.ts';
import { booking, newAppointmentType, newPatient, newProvider, weeklyHours } from '../helpers/scheduling-factories.ts';
import { createTestApp } from '../helpers/test-app.ts';

// Wednesday 2026-03-04 08:30 in New York.
const clock = new FakeClock('2026-03-04T13:30:00Z');
const t = await createTestApp({ clock });

async function practice() {
  const org = await t.newOrg();
  await weeklyHours(t.db, org);
  const typeId = await newAppointmentType(t.db, org, { duration: 20 });
  const fd = t.as(org, 'front_desk');
  const book = async (start: string, extra: Record<string, unknown> = {}) => {
    const patientId = await newPatient(t.db, org);
    const res = await fd.post('/api/appointments', booking(org, patientId, typeId, start, extra));
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number; start: string; providerId: string };
  };
  return { org, typeId, fd, book, manager: t.as(org, 'office_manager') };
}

describe('time off and the visits it falls on', () => {
  it('answers the booked visits of the provider an all-day time off covers, and only those', async () => {
    const { org, fd, book, manager } = await practice();
    const nine = await book('2026-03-05T09:00');
    const four = await book('2026-03-05T16:30');
    const nextDay = await book('2026-03-06T09:00');
    const cancelled = await book('2026-03-05T10:00');
    await fd.post(`/api/appointments/${cancelled.id}/cancel`, { reason: 'patient' });
    // Another provider's visit that day is not the time off's business.
    const other = await newProvider(t.db, org);
    await weeklyHours(t.db, org, { providerId: other });
    const colleague = await book('2026-03-05T09:00', { providerId: other });

    const res = await manager.post('/api/availability-exceptions', {
      kind: 'time_off',
      providerId: org.providerId,
      startDate: '2026-03-05',
      reason: 'conference',
    });
    expect(res.statusCode, res.body).toBe(201);
    const saved = res.json();
    expect(saved.collisions.map((a: { id: string }) => a.id)).toEqual([nine.id, four.id]);
    expect(saved.collisionsTruncated).toBe(false);
    expect(saved.collisions[0]).toMatchObject({ status: 'scheduled', providerId: org.providerId });
    expect([nextDay.id, colleague.id, cancelled.id]).not.toContain(saved.collisions[1].id);

    // Read again after one is moved away: the list follows the calendar.
    const moved = await fd.post(`/api/appointments/${nine.id}/reschedule`, { start: '2026-03-06T11:00' });
    expect(moved.statusCode, moved.body).toBe(201);
    const again = await fd.get(`/api/availability-exceptions/${saved.id}/collisions`);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ items: [expect.objectContaining({ id: four.id })], nextCursor: null, truncated: false });

    // The list of patients shown is audited with the exception it was about.
    const audit = await t.db
      .selectFrom('audit_events')
      .select('details')
      .where('organization_id', '=', org.id)
      .where('action', '=', 'search')
      .where('resource_type', '=', 'appointment')
      .execute();
    expect(audit.map((a) => a.details)).toContainEqual(expect.objectContaining({ exceptionId: saved.id, count: 2 }));
  });

  it('a part-day block over several days collides only with visits inside its hours; extra hours collide with nothing', async () => {
    const { org, book, manager } = await practice();
    const lunchThu = await book('2026-03-05T12:10');
    await book('2026-03-05T13:00');
    const lunchFri = await book('2026-03-06T11:50');
    const res = await manager.post('/api/availability-exceptions', {
      kind: 'blocked',
      providerId: org.providerId,
      locationId: org.locationId,
      startDate: '2026-03-05',
      endDate: '2026-03-06',
      startTime: '12:00',
      endTime: '13:00',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().collisions.map((a: { id: string }) => a.id)).toEqual([lunchThu.id, lunchFri.id]);

    const extra = await manager.post('/api/availability-exceptions', {
      kind: 'extra_hours',
      providerId: org.providerId,
      locationId: org.locationId,
      startDate: '2026-03-05',
      startTime: '08:00',
      endTime: '18:00',
    });
    expect(extra.json().collisions).toEqual([]);
  });

  it('a holiday at the location collides with every provider there; a bad id is 404 and bad input changes nothing', async () => {
    const { org, book, manager } = await practice();
    const other = await newProvider(t.db, org);
    await weeklyHours(t.db, org, { providerId: other });
    const a = await book('2026-03-09T09:00');
    const b = await book('2026-03-09T10:00', { providerId: other });
    const res = await manager.post('/api/availability-exceptions', {
      kind: 'holiday',
      locationId: org.locationId,
      startDate: '2026-03-09',
    });
    expect(
      res
        .json()
        .collisions.map((x: { id: string }) => x.id)
        .sort(),
    ).toEqual([a.id, b.id].sort());

    expect((await manager.get('/api/availability-exceptions/00000000-0000-4000-8000-000000000000/collisions')).statusCode).toBe(404);
    const stranger = t.as(await t.newOrg(), 'office_manager');
    expect((await stranger.get(`/api/availability-exceptions/${res.json().id}/collisions`)).statusCode).toBe(404);
    const before = await t.db.selectFrom('availability_exceptions').select('id').where('organization_id', '=', org.id).execute();
    const bad = await manager.post('/api/availability-exceptions', {
      kind: 'time_off',
      providerId: org.providerId,
      startDate: '2026-03-09',
      startTime: '12:00',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('endTime');
    // One exception spans a year at most: its collisions are bounded work.
    const long = await manager.post('/api/availability-exceptions', {
      kind: 'time_off',
      providerId: org.providerId,
      startDate: '2026-03-09',
      endDate: '2060-03-09',
    });
    expect(long.statusCode).toBe(400);
    expect(long.json().errors[0].path).toBe('endDate');
    const after = await t.db.selectFrom('availability_exceptions').select('id').where('organization_id', '=', org.id).execute();
    expect(after).toHaveLength(before.length);
  });
});

describe('undoing a move (If-Match on reschedule)', () => {
  it('moves back from the version the move answered, and refuses a stale one with 412 and the visit as it is', async () => {
    const { fd, book } = await practice();
    const first = await book('2026-03-04T10:00');
    const moved = await fd.post(
      `/api/appointments/${first.id}/reschedule`,
      { start: '2026-03-04T11:00', note: 'patient asked for later' },
      { 'if-match': `"${first.version}"` },
    );
    expect(moved.statusCode, moved.body).toBe(201);
    const m = moved.json();
    // The reason of the move is on the old visit's history.
    const history = (await fd.get(`/api/appointments/${first.id}`)).json().events;
    expect(history.at(-1)).toMatchObject({ toStatus: 'rescheduled', details: { to: m.start, note: 'patient asked for later' } });

    // Someone confirms the moved visit: an undo from the older version must not move it.
    const confirmed = await fd.post(`/api/appointments/${m.id}/status`, { status: 'confirmed' });
    expect(confirmed.json().version).toBeGreaterThan(m.version);
    const stale = await fd.post(`/api/appointments/${m.id}/reschedule`, { start: '2026-03-04T10:00' }, { 'if-match': `"${m.version}"` });
    expect(stale.statusCode).toBe(412);
    expect(stale.json()).toMatchObject({ code: 'VERSION_MISMATCH', current: { id: m.id, status: 'confirmed' } });
    expect((await fd.get(`/api/appointments/${m.id}`)).json()).toMatchObject({ status: 'confirmed', start: m.start });

    const undo = await fd.post(
      `/api/appointments/${m.id}/reschedule`,
      { start: '2026-03-04T10:00' },
      { 'if-match': `"${confirmed.json().version}"` },
    );
    expect(undo.statusCode, undo.body).toBe(201);
    expect(undo.json()).toMatchObject({ start: first.start, rescheduledFromId: m.id });
    expect(
      (await fd.post(`/api/appointments/${undo.json().id}/reschedule`, { start: '2026-03-04T12:00' }, { 'if-match': 'nope' })).statusCode,
    ).toBe(412);
  });
});
