import { FakeClock } from '@domain/shared/clock.ts';
import { createSession } from '@domain/identity/sessions.ts';
import { describe, expect, it } from 'vitest';
import { demoPractice } from '../helpers/demo-template.ts';
import { createTestApp } from '../helpers/test-app.ts';

// Wednesday 2026-03-04, 11:00 in New York.
const clock = new FakeClock('2026-03-04T16:00:00Z');
const t = await createTestApp({ clock, template: demoPractice('2026-03-04T16:00:00Z', 60) });

describe('demo schedule', () => {
  it('seeds types, hours with lunch, and two weeks of appointments with a live flow board today', async () => {
    const org = await t.db.selectFrom('organizations').select('id').executeTakeFirstOrThrow();
    const user = await t.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'front.desk@demo.clinicdesk.dev')
      .executeTakeFirstOrThrow();
    const { token } = await createSession(t.db, clock, { userId: user.id, organizationId: org.id, ip: null, userAgent: null });
    const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

    const types = (await get('/api/appointment-types')).json().items;
    expect(types.map((x: { name: string; durationMinutes: number }) => [x.name, x.durationMinutes])).toEqual([
      ['Annual physical', 30],
      ['Follow-up', 20],
      ['New patient', 40],
      ['Procedure', 45],
    ]);
    expect(types[3].resourceKinds).toEqual(['exam room']);

    const locations = await t.db.selectFrom('locations').select(['id', 'time_zone']).orderBy('name', 'desc').execute();
    const main = locations.find((l) => l.time_zone === 'America/New_York')!.id;
    const board = (await get(`/api/flow-board?locationId=${main}`)).json();
    expect(board.date).toBe('2026-03-04');
    const statuses = new Set(board.items.map((i: { status: string }) => i.status));
    expect(statuses.has('checked_out')).toBe(true);
    expect([...statuses].some((s) => ['arrived', 'roomed', 'with_provider'].includes(s as string))).toBe(true);

    const ahead = (await get(`/api/appointments?from=2026-03-05T00:00:00Z&to=2026-03-19T00:00:00Z&limit=200`)).json();
    expect(ahead.items.length).toBeGreaterThan(100);
    // Nothing at lunch.
    for (const a of board.items as { start: string }[]) {
      const hm = new Date(a.start).toLocaleTimeString('en-GB', { timeZone: 'America/New_York', hour: '2-digit', minute: '2-digit' });
      expect(hm >= '08:00' && (hm < '12:00' || hm >= '13:00') && hm < '17:00').toBe(true);
    }
    // The seeded hours drive availability.
    const followUp = types.find((x: { name: string }) => x.name === 'Follow-up').id;
    const open = (await get(`/api/availability?appointmentTypeId=${followUp}&from=2026-03-05T00:00:00Z&to=2026-03-12T00:00:00Z`)).json();
    expect(open.items.length).toBeGreaterThan(0);
  });
});
