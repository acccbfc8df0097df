/** The demo practice's fee schedules and the priced charges its signed demo encounters create (the biller's queue has work). */
import { createSession } from '@domain/identity/sessions.ts';
import { FakeClock } from '@domain/shared/clock.ts';
import { describe, expect, it } from 'vitest';
import { demoPractice } from '../helpers/demo-template.ts';
import { createTestApp } from '../helpers/test-app.ts';

// Wednesday 2026-03-04, 11:00 in New York.
const clock = new FakeClock('2026-03-04T16:00:00Z');
const t = await createTestApp({ clock, template: demoPractice('2026-03-04T16:00:00Z', 60) });

describe('demo billing', () => {
  it('seeds a dated standard schedule, payer contracts at 60-80% of it, and priced charges in review', async () => {
    const org = await t.db.selectFrom('organizations').select('id').executeTakeFirstOrThrow();
    const user = await t.db.selectFrom('users').select('id').where('email', '=', 'biller@demo.clinicdesk.dev').executeTakeFirstOrThrow();
    const { token } = await createSession(t.db, clock, { userId: user.id, organizationId: org.id, ip: null, userAgent: null });
    const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

    const today = (await get('/api/fee-schedule?on=2026-03-04&limit=500')).json().items as { code: string; amountCents: number }[];
    expect(today.length).toBeGreaterThan(40);
    const visit = today.find((e) => e.code === '99213');
    expect(visit?.amountCents).toBe(15000);
    // Last year's price for a raised code is another, ended entry.
    const history = (await get('/api/fee-schedule?code=99213')).json().items as { effectiveTo: string | null }[];
    expect(history.map((e) => e.effectiveTo)).toEqual(['2025-12-31', null]);

    const payers = (await get('/api/payers')).json().items as { id: string }[];
    expect(payers.length).toBeGreaterThan(0);
    for (const p of payers) {
      const contract = (await get(`/api/payers/${p.id}/contract?code=99213`)).json().items as { amountCents: number }[];
      expect(contract).toHaveLength(1);
      const share = (contract[0]?.amountCents ?? 0) / 15000;
      expect(share).toBeGreaterThanOrEqual(0.6);
      expect(share).toBeLessThanOrEqual(0.8);
    }

    const queue = (await get('/api/charges?status=review&limit=200')).json().items as { amountCents: number; priceSource: string }[];
    expect(queue.length).toBeGreaterThan(5);
    expect(queue.every((c) => c.amountCents > 0)).toBe(true);
    expect(queue.filter((c) => c.priceSource === 'fee_schedule').length).toBe(queue.length);
  });
});
