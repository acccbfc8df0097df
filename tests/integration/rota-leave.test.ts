/**
 * Time off marks the rota: approved time off over a person's shifts marks those shifts on
 * leave (with the time off's id) in the shift lists, coverage counts them as nobody on, and
 * cancelling (or a pending request, or a denial) leaves the shifts unmarked. A new shift, or a
 * swap, that would put someone to work on a day of their approved time off is refused.
 */
import { FakeClock } from '@domain/shared/clock.ts';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../helpers/test-app.ts';

// Wednesday 2026-04-15, 14:00 UTC (10:00 in New York).
const clock = new FakeClock('2026-04-15T14:00:00Z');
const t = await createTestApp({ clock });

interface ShiftItem {
  id: string;
  start: string;
  userId: string;
  onLeave: boolean;
  timeOffId: string | null;
}

describe('time off on the rota', () => {
  it('marks the shifts of approved time off, counts them as uncovered, and lifts the mark when cancelled', async () => {
    const org = await t.newOrg();
    const om = t.as(org, 'office_manager');
    const nurse = t.as(org, 'nurse');
    const rule = await om.post('/api/coverage-rules', {
      locationId: org.locationId,
      kind: 'minimum',
      duty: 'nurse',
      weekdays: [1, 2, 3, 4, 5],
      startTime: '09:00',
      endTime: '13:00',
      label: 'A nurse in the morning',
    });
    expect(rule.statusCode, rule.body).toBe(201);
    for (const date of ['2026-04-20', '2026-04-21', '2026-04-22']) {
      const s = await om.post('/api/shifts', {
        userId: org.users.nurse.id,
        locationId: org.locationId,
        duty: 'nurse',
        start: `${date}T08:00`,
        end: `${date}T16:00`,
      });
      expect(s.statusCode, s.body).toBe(201);
    }
    const week = async (): Promise<ShiftItem[]> => {
      const res = await om.get(`/api/shifts?locationId=${org.locationId}&from=2026-04-20&to=2026-04-26`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items;
    };
    const gapDays = async (): Promise<string[]> => {
      const res = await om.get(`/api/coverage-gaps?locationId=${org.locationId}&from=2026-04-20&to=2026-04-22`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items.map((g: { date: string }) => g.date);
    };
    expect(await gapDays()).toEqual([]);

    // A request still waiting marks nothing.
    const asked = await nurse.post('/api/time-off', {
      start: '2026-04-21',
      end: '2026-04-22',
      reason: 'Family',
      locationId: org.locationId,
    });
    expect(asked.statusCode, asked.body).toBe(201);
    expect((await week()).map((s) => s.onLeave)).toEqual([false, false, false]);

    const approved = await om.post(`/api/time-off/${asked.json().id}/decision`, { decision: 'approve' }, { 'if-match': '"1"' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect((await week()).map((s) => [s.start.slice(0, 10), s.onLeave, s.timeOffId])).toEqual([
      ['2026-04-20', false, null],
      ['2026-04-21', true, asked.json().id],
      ['2026-04-22', true, asked.json().id],
    ]);
    // The marked shifts count as nobody on: the two mornings are gaps.
    expect(await gapDays()).toEqual(['2026-04-21', '2026-04-22']);
    // The nurse's own shift, read alone, says so too.
    const one = (await week())[1] as ShiftItem;
    expect(one).toMatchObject({ userId: org.users.nurse.id, onLeave: true });

    const cancelled = await nurse.post(`/api/time-off/${asked.json().id}/cancel`, {}, { 'if-match': `"${approved.json().version}"` });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect((await week()).map((s) => s.onLeave)).toEqual([false, false, false]);
    expect(await gapDays()).toEqual([]);

    // A denial marks nothing either.
    const again = await nurse.post('/api/time-off', { start: '2026-04-20', end: '2026-04-20', locationId: org.locationId });
    const denied = await om.post(`/api/time-off/${again.json().id}/decision`, { decision: 'deny' }, { 'if-match': '"1"' });
    expect(denied.statusCode, denied.body).toBe(200);
    expect((await week()).map((s) => s.onLeave)).toEqual([false, false, false]);
  });

  it('marks a night shift that runs into the leave, across the DST change, and not one that ends at its first midnight', async () => {
    const org = await t.newOrg();
    const om = t.as(org, 'office_manager');
    // East is New York: clocks spring forward at 02:00 on Sunday 2026-03-08.
    const shift = async (start: string, end: string) => {
      const res = await om.post('/api/shifts', { userId: org.users.nurse.id, locationId: org.locationId, duty: 'nurse', start, end });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const endsAtMidnight = await shift('2026-03-07T16:00', '2026-03-08T00:00');
    const overnight = await shift('2026-03-08T22:00', '2026-03-09T06:00');
    const intoLeave = await shift('2026-03-09T20:00', '2026-03-10T04:00');
    const off = await om.post('/api/time-off', { userId: org.users.nurse.id, start: '2026-03-10', end: '2026-03-10', reason: 'Course' });
    expect(off.statusCode, off.body).toBe(201);
    expect(off.json().status).toBe('approved');
    const sundayOff = await om.post('/api/time-off', {
      userId: org.users.nurse.id,
      start: '2026-03-08',
      end: '2026-03-08',
      reason: 'Family',
    });
    expect(sundayOff.statusCode, sundayOff.body).toBe(201);
    const res = await om.get(`/api/shifts?locationId=${org.locationId}&from=2026-03-07&to=2026-03-10`);
    expect(res.statusCode, res.body).toBe(200);
    const marks = new Map(res.json().items.map((x: ShiftItem) => [x.id, x.timeOffId]));
    expect(marks.get(endsAtMidnight)).toBeNull();
    expect(marks.get(overnight)).toBe(sundayOff.json().id);
    expect(marks.get(intoLeave)).toBe(off.json().id);
  });

  it('refuses a new shift or a swap that puts someone to work on a day of their approved time off, and changes nothing', async () => {
    const org = await t.newOrg();
    const om = t.as(org, 'office_manager');
    const shift = (userId: string, start: string, end: string) =>
      om.post('/api/shifts', { userId, locationId: org.locationId, duty: 'nurse', start, end });
    const list = async () =>
      (await om.get(`/api/shifts?locationId=${org.locationId}&from=2026-04-19&to=2026-04-23`))
        .json()
        .items.map((x: ShiftItem) => [x.userId, x.start.slice(0, 16)]);
    // The nurse asks for the 21st; while it waits, the rota may still use that day.
    const asked = await t.as(org, 'nurse').post('/api/time-off', { start: '2026-04-21', end: '2026-04-21', locationId: org.locationId });
    expect(asked.statusCode, asked.body).toBe(201);
    const whilePending = await shift(org.users.nurse.id, '2026-04-21T13:00', '2026-04-21T15:00');
    expect(whilePending.statusCode, whilePending.body).toBe(201);
    expect((await om.delete(`/api/shifts/${whilePending.json().id}`)).statusCode).toBe(204);
    const approved = await om.post(`/api/time-off/${asked.json().id}/decision`, { decision: 'approve' }, { 'if-match': '"1"' });
    expect(approved.statusCode, approved.body).toBe(200);
    const before = await list();

    for (const [start, end] of [
      ['2026-04-21T08:00', '2026-04-21T16:00'],
      // A night from the 20th into the morning of the leave day.
      ['2026-04-20T22:00', '2026-04-21T06:00'],
    ] as const) {
      const refused = await shift(org.users.nurse.id, start, end);
      expect(refused.statusCode, refused.body).toBe(409);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.json().errors).toEqual([{ path: 'userId', message: 'On approved time off (2026-04-21).' }]);
      expect(refused.json().timeOffId).toBe(asked.json().id);
    }
    expect(await list()).toEqual(before);
    // The day before, ending at the leave's first midnight, and the day after are work days; and someone else works the 21st.
    expect((await shift(org.users.nurse.id, '2026-04-20T16:00', '2026-04-21T00:00')).statusCode).toBe(201);
    expect((await shift(org.users.nurse.id, '2026-04-22T08:00', '2026-04-22T16:00')).statusCode).toBe(201);
    const deskShift = await shift(org.users.front_desk.id, '2026-04-21T08:00', '2026-04-21T16:00');
    expect(deskShift.statusCode, deskShift.body).toBe(201);

    // The desk cannot hand the 21st to the nurse: refused when asked, nothing is recorded.
    const desk = t.as(org, 'front_desk');
    const asking = await desk.post(`/api/shifts/${deskShift.json().id}/swap-requests`, { toUserId: org.users.nurse.id });
    expect(asking.statusCode, asking.body).toBe(409);
    expect(asking.json().errors).toEqual([{ path: 'toUserId', message: 'On approved time off (2026-04-21).' }]);
    expect((await om.get(`/api/swap-requests?locationId=${org.locationId}`)).json().items).toEqual([]);

    // Leave approved after a swap was asked: the manager's approval is refused, and the shift stays the desk's.
    const later = await shift(org.users.front_desk.id, '2026-04-23T08:00', '2026-04-23T16:00');
    const swap = await desk.post(`/api/shifts/${later.json().id}/swap-requests`, { toUserId: org.users.nurse.id });
    expect(swap.statusCode, swap.body).toBe(201);
    const off = await om.post('/api/time-off', { userId: org.users.nurse.id, start: '2026-04-23', end: '2026-04-23', reason: 'Course' });
    expect(off.json().status).toBe('approved');
    const decided = await om.post(`/api/swap-requests/${swap.json().id}/decision`, { decision: 'approve' });
    expect(decided.statusCode, decided.body).toBe(409);
    expect(decided.json()).toMatchObject({
      errors: [{ path: 'toUserId', message: 'On approved time off (2026-04-23).' }],
      timeOffId: off.json().id,
    });
    const after = (await om.get(`/api/swap-requests?locationId=${org.locationId}`)).json().items;
    expect(after.map((x: { id: string; status: string }) => [x.id, x.status])).toEqual([[swap.json().id, 'pending']]);
    expect((await list()).filter(([, start]: string[]) => start?.startsWith('2026-04-2') && start >= '2026-04-21')).toEqual([
      [org.users.front_desk.id, deskShift.json().start.slice(0, 16)],
      [org.users.nurse.id, expect.stringMatching(/^2026-04-22/)],
      [org.users.front_desk.id, later.json().start.slice(0, 16)],
    ]);
  });
});
