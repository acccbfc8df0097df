/** The demo practice's payables: eight vendors and ten bills around today (paid, partly paid, one overdue, two due this week), in balanced books. */
import { createSession } from '@domain/identity/sessions.ts';
import { FakeClock } from '@domain/shared/clock.ts';
import { describe, expect, it } from 'vitest';
import { temporaryClaimsOutbox } from '../helpers/claim-fixtures.ts';
import { demoPractice } from '../helpers/demo-template.ts';
import { createTestApp } from '../helpers/test-app.ts';

// Wednesday 2026-03-04, 11:00 in New York.
const clock = new FakeClock('2026-03-04T16:00:00Z');
temporaryClaimsOutbox();
const t = await createTestApp({ clock, template: demoPractice('2026-03-04T16:00:00Z', 60) });

describe('demo payables', () => {
  it('has vendors and bills the office manager sees: one overdue, two due this week, paid ones, and the books balance', async () => {
    const org = await t.db.selectFrom('organizations').select('id').executeTakeFirstOrThrow();
    const user = await t.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'office.manager@demo.clinicdesk.dev')
      .executeTakeFirstOrThrow();
    const { token } = await createSession(t.db, clock, { userId: user.id, organizationId: org.id, ip: null, userAgent: null });
    const get = async (url: string) => {
      const res = await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const vendors = (await get('/api/vendors')) as { items: { name: string }[] };
    expect(vendors.items).toHaveLength(8);
    const all = (await get('/api/bills?filter=all')) as { items: { status: string; paidCents: number }[] };
    expect(all.items).toHaveLength(10);
    expect(all.items.filter((b) => b.status === 'paid')).toHaveLength(3);
    expect(all.items.filter((b) => b.status === 'partially_paid')).toHaveLength(1);
    const overdue = (await get('/api/bills?filter=overdue')) as { items: { vendorName: string }[] };
    expect(overdue.items.map((b) => b.vendorName)).toEqual(['Midwest Medical Supply Co.']);
    const soon = (await get('/api/bills?filter=due_soon&days=7')) as { items: { vendorName: string; daysPastDue: number }[] };
    expect(soon.items.filter((b) => b.daysPastDue <= 0).map((b) => b.vendorName)).toEqual([
      'Lakeview Properties LLC',
      'City Power & Light',
    ]);
    const entries = await t.db
      .selectFrom('journal_entries')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('kind', 'in', ['vendor_bill', 'bill_payment'])
      .executeTakeFirstOrThrow();
    expect(Number(entries.n)).toBe(14);
    const tb = (await get('/api/ledger/trial-balance')) as { totalDebitCents: number; totalCreditCents: number };
    expect(tb.totalDebitCents).toBe(tb.totalCreditCents);
  }, 300_000);
});
