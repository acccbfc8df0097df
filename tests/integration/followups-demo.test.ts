/** The demo practice's follow-ups (this week's on the front desk's tile) and recalls (some overdue, some with a contact log). */
import { createSession } from '@domain/identity/sessions.ts';
import { FakeClock } from '@domain/shared/clock.ts';
import { describe, expect, it } from 'vitest';
import { demoPractice } from '../helpers/demo-template.ts';
import { createTestApp } from '../helpers/test-app.ts';

// Wednesday 2026-03-04, 05:30 in New York: before the first visit of the day, so no visit of
// the demo has been checked out yet (the worklist must not depend on the hour it was seeded).
const clock = new FakeClock('2026-03-04T10:30:00Z');
const t = await createTestApp({ clock, template: demoPractice('2026-03-04T10:30:00Z', 60) });

describe('demo follow-ups and recalls', () => {
  it('seeds open follow-ups due over the coming weeks and recalls the office can work from', async () => {
    const org = await t.db.selectFrom('organizations').select('id').executeTakeFirstOrThrow();
    const user = await t.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'front.desk@demo.clinicdesk.dev')
      .executeTakeFirstOrThrow();
    const { token } = await createSession(t.db, clock, { userId: user.id, organizationId: org.id, ip: null, userAgent: null });
    const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

    const open = (await get('/api/follow-ups?limit=200')).json().items as { dueDate: string; appointmentTypeName: string | null }[];
    expect(open.length).toBeGreaterThanOrEqual(6);
    // Some due today at each location (the home tile has work whatever the weekday), the rest over the coming weeks.
    const fd = (await get('/api/locations')).json().items as { id: string }[];
    for (const l of fd) {
      const here = (await get(`/api/follow-ups?locationId=${l.id}&dueBefore=2026-03-05`)).json().items;
      expect(here.length).toBeGreaterThan(0);
    }
    expect(open.filter((f) => f.dueDate > '2026-03-15').length).toBeGreaterThan(0);

    const overdue = (await get('/api/recalls?overdue=true&limit=200')).json().items as {
      status: string;
      lastContact: unknown;
      dueDate: string;
    }[];
    expect(overdue.length).toBeGreaterThanOrEqual(4);
    expect(overdue.map((r) => r.dueDate)).toEqual([...overdue.map((r) => r.dueDate)].sort());
    expect(overdue.filter((r) => r.status === 'contacted' && r.lastContact !== null).length).toBeGreaterThanOrEqual(2);
    const all = (await get('/api/recalls?limit=200')).json().items;
    expect(all.length).toBeGreaterThanOrEqual(8);
  });
});
