/** The demo practice's eligibility checks: two demo coverages each have a 270 and the payer's 271 answer, one active with its figures, one inactive. */
import { createSession } from '@domain/identity/sessions.ts';
import { FakeClock } from '@domain/shared/clock.ts';
import { parse270 } from '@x12/index.ts';
import { describe, expect, it } from 'vitest';
import { temporaryClaimsOutbox } from '../helpers/claim-fixtures.ts';
import { demoPractice } from '../helpers/demo-template.ts';
import { createTestApp } from '../helpers/test-app.ts';

// Wednesday 2026-03-04, 11:00 in New York.
const clock = new FakeClock('2026-03-04T16:00:00Z');
temporaryClaimsOutbox();
const t = await createTestApp({ clock, template: demoPractice('2026-03-04T16:00:00Z', 60) });

describe('demo eligibility', () => {
  it('shows an active and an inactive answer on two coverages, checked by the system for the demo', async () => {
    const org = await t.db.selectFrom('organizations').select('id').executeTakeFirstOrThrow();
    const user = await t.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'front.desk@demo.clinicdesk.dev')
      .executeTakeFirstOrThrow();
    const { token } = await createSession(t.db, clock, { userId: user.id, organizationId: org.id, ip: null, userAgent: null });
    const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

    const requests = await t.db
      .selectFrom('eligibility_requests')
      .select(['patient_id', 'coverage_id', 'x12', 'created_by'])
      .orderBy('created_at')
      .orderBy('trace_number')
      .execute();
    expect(requests).toHaveLength(2);
    expect(new Set(requests.map((r) => r.coverage_id)).size).toBe(2);
    expect(requests.map((r) => r.created_by)).toEqual([null, null]);
    for (const r of requests) expect(parse270(r.x12).requests).toHaveLength(1);

    const answers = [];
    for (const r of requests) {
      const res = await get(`/api/patients/${r.patient_id}/coverages/${r.coverage_id}/eligibility`);
      expect(res.statusCode, res.body).toBe(200);
      answers.push(res.json());
    }
    expect(answers[0]).toMatchObject({
      latest: {
        status: 'active',
        planName: 'DEMO PPO',
        copayCents: 2500,
        coinsuranceBasisPoints: 2000,
        deductibleCents: 150000,
        deductibleRemainingCents: 42000,
        outOfPocketCents: 500000,
        outOfPocketRemainingCents: 381000,
        checkedOn: '2026-03-04',
      },
      lastRequest: { coverageId: requests[0]?.coverage_id },
    });
    expect(answers[1]).toMatchObject({
      latest: { status: 'inactive', copayCents: null },
      lastRequest: { coverageId: requests[1]?.coverage_id },
    });

    const writers = await t.db
      .selectFrom('audit_events')
      .select(['role', 'user_id'])
      .distinct()
      .where('resource_type', 'in', ['eligibility_request', 'eligibility_response'])
      .execute();
    expect(writers).toEqual([{ role: 'system:demo-seed:eligibility', user_id: null }]);
  }, 120_000);
});
