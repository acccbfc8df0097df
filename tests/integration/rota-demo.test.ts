/** The demo practice's rota: this week's deliberate coverage gaps (one from the nurse's Friday off, her shift on leave), who is on call, the time off waiting and approved, staff profiles. */
import { createSession } from '@domain/identity/sessions.ts';
import { FakeClock } from '@domain/shared/clock.ts';
import { describe, expect, it } from 'vitest';
import { temporaryClaimsOutbox } from '../helpers/claim-fixtures.ts';
import { demoPractice } from '../helpers/demo-template.ts';
import { createTestApp } from '../helpers/test-app.ts';

// Wednesday 2026-03-04, 11:00 in New York, 09:00 in Denver (the demo rota's location, the first by name).
const clock = new FakeClock('2026-03-04T16:00:00Z');
temporaryClaimsOutbox();
const t = await createTestApp({ clock, template: demoPractice('2026-03-04T16:00:00Z', 60) });

async function as(email: string) {
  const org = await t.db.selectFrom('organizations').select('id').executeTakeFirstOrThrow();
  const user = await t.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  const { token } = await createSession(t.db, clock, { userId: user.id, organizationId: org.id, ip: null, userAgent: null });
  return (url: string) => t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
}

describe('demo rota', () => {
  it('shows the Wednesday-afternoon front-desk gap, the on-call clinician, pending time off and profiles', async () => {
    const get = await as('office.manager@demo.clinicdesk.dev');
    // The demo's first location holds the rota.
    const location = (await t.db.selectFrom('shift_templates').select('location_id').executeTakeFirstOrThrow()).location_id;
    const shifts = (await get(`/api/shifts?locationId=${location}&from=2026-03-02&to=2026-03-08`)).json();
    expect(shifts.items).toHaveLength(15);
    const gaps = (await get(`/api/coverage-gaps?locationId=${location}&from=2026-03-02&to=2026-03-08`)).json();
    expect(gaps.items).toEqual([
      expect.objectContaining({
        date: '2026-03-04',
        start: '2026-03-04T19:30:00.000Z',
        end: '2026-03-05T00:00:00.000Z',
        duties: ['front_desk'],
      }),
      // The nurse's approved Friday off: her shift is on leave, the clinician's session has no support.
      expect.objectContaining({
        date: '2026-03-06',
        start: '2026-03-06T15:00:00.000Z',
        end: '2026-03-07T00:00:00.000Z',
        duties: ['nurse', 'medical_assistant'],
      }),
    ]);
    const onLeave = shifts.items.filter((s: { onLeave: boolean }) => s.onLeave);
    expect(onLeave).toEqual([
      expect.objectContaining({ duty: 'nurse', start: expect.stringMatching(/^2026-03-06/), timeOffId: expect.any(String) }),
    ]);
    // 09:00 on Wednesday in Denver: nobody on call until the clinician's night from 17:00.
    const now = (await get(`/api/on-call/now?locationId=${location}`)).json();
    expect(now).toMatchObject({ primary: null, nextPrimary: { start: '2026-03-05T00:00:00.000Z', tier: 'primary' } });
    const pending = (await get(`/api/time-off?locationId=${location}&status=pending`)).json();
    expect(pending.items).toHaveLength(1);
    const approved = (await get(`/api/time-off?locationId=${location}&status=approved`)).json();
    expect(approved.items).toEqual([
      expect.objectContaining({ reason: 'Moving house', exceptionId: null, id: onLeave[0].timeOffId }),
      expect.objectContaining({ reason: 'Conference', exceptionId: expect.any(String) }),
    ]);
    const staff = (await get('/api/staff')).json();
    expect(staff.items.every((m: { jobTitle: string; hr: unknown }) => m.jobTitle && m.hr)).toBe(true);
    const handovers = (await get(`/api/handovers?locationId=${location}&pending=true`)).json();
    expect(handovers.items).toHaveLength(1);
  });
});
