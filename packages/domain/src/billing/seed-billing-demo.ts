/**
 * The demo practice's fee schedules: the standard schedule prices the procedure list's default
 * fees from the first of last year (a few codes with this year's higher price from January 1,
 * so the dates show), and every demo payer's contract allows 60-80% of the standard fee
 * (Medicare and Medicaid at the low end, commercial plans higher). Runs before the demo
 * encounters are signed (module order), so their charges are priced from the schedule.
 */
import { DEMO_PROCEDURES } from '../codes/index.ts';
import type { DemoSeeder } from '../demo/index.ts';
import { payerNames } from '../insurance/index.ts';
import { seededRandom } from '../shared/random.ts';

/** Codes whose price went up this year: the older entry ends on December 31. */
const RAISED = new Set(['99213', '99214', '99215', '99396', '36415']);

export const seedBillingDemo: DemoSeeder = async (demo) => {
  const ctx = demo.ctx;
  const year = ctx.clock.now().getUTCFullYear();
  const lastYear = `${year - 1}-01-01`;
  const thisYear = `${year}-01-01`;
  const rnd = seededRandom(20_260_150);
  const standard = DEMO_PROCEDURES.flatMap((p) =>
    RAISED.has(p.code)
      ? [
          { code: p.code, amount: Math.round((p.fee * 0.95) / 100) * 100, from: lastYear, to: `${year - 1}-12-31` },
          { code: p.code, amount: p.fee, from: thisYear, to: null },
        ]
      : [{ code: p.code, amount: p.fee, from: lastYear, to: null }],
  );
  const row = (payerId: string | null, code: string, amount: number, from: string, to: string | null) => ({
    organization_id: demo.organizationId,
    payer_id: payerId,
    code,
    modifier: '',
    amount_cents: amount,
    effective_from: from,
    effective_to: to,
  });
  const rows = standard.map((s) => row(null, s.code, s.amount, s.from, s.to));
  // Modifier 25 (a separate visit on a procedure day) keeps the visit's price: no entry needed.
  const payers = await payerNames(ctx);
  for (const payer of payers) {
    const government = /Medicare|Medicaid|MassHealth|Health First/.test(payer.name);
    const share = government ? 0.6 + rnd.int(0, 4) / 100 : 0.68 + rnd.int(0, 12) / 100;
    for (const p of DEMO_PROCEDURES) rows.push(row(payer.id, p.code, Math.round((p.fee * share) / 10) * 10, thisYear, null));
  }
  for (let i = 0; i < rows.length; i += 500)
    await ctx.db
      .insertInto('fee_schedule_entries')
      .values(rows.slice(i, i + 500))
      .execute();
};
