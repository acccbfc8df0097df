/** The demo practice's collections: a worklist with balances in several age buckets, a promise to pay, a plan with a missed installment, an account at the agency. */
import { createSession } from '@domain/identity/sessions.ts';
import { FakeClock } from '@domain/shared/clock.ts';
import { describe, expect, it } from 'vitest';
import { temporaryClaimsOutbox } from '../helpers/claim-fixtures.ts';
import { demoPractice } from '../helpers/demo-template.ts';
import { createTestApp } from '../helpers/test-app.ts';

const clock = new FakeClock('2026-03-04T16:00:00Z');
temporaryClaimsOutbox();
const t = await createTestApp({ clock, template: demoPractice('2026-03-04T16:00:00Z', 60) });

describe('demo collections', { timeout: 600_000 }, () => {
  it('populates the worklist: several buckets, a promise, a missed installment, the agency', async () => {
    const org = await t.db.selectFrom('organizations').select('id').executeTakeFirstOrThrow();
    const user = await t.db.selectFrom('users').select('id').where('email', '=', 'biller@demo.clinicdesk.dev').executeTakeFirstOrThrow();
    const { token } = await createSession(t.db, clock, { userId: user.id, organizationId: org.id, ip: null, userAgent: null });
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/collections/worklist?limit=100',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.statusCode, res.body).toBe(200);
    const rows = res.json().items as { bucket: string; promise: unknown; missedInstallment: boolean; agencyStatus: string }[];
    expect(new Set(rows.map((r) => r.bucket)).size).toBeGreaterThanOrEqual(3);
    expect(rows.some((r) => r.promise !== null)).toBe(true);
    expect(rows.some((r) => r.missedInstallment)).toBe(true);
    expect(rows.filter((r) => r.agencyStatus === 'sent')).toHaveLength(1);
  });
});
