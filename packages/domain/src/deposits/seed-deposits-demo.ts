/**
 * The demo practice's takings (purpose `demo-seed:deposits`, no user's name on the rows): on
 * each of the last four days, a few cash, check and card payments at every location, then the day
 * closed (the drawer counted; one day a little short) and deposited; today's payments stay open
 * and undeposited. Payments go through accounts' postPayment, imported when the seeder runs
 * (accounts depends on this module, not the other way round).
 */
import type { DemoSeeder } from '../demo/index.ts';
import { addDays, localDateOf } from '../scheduling/index.ts';
import { systemCtx } from '../shared/context.ts';
import { closeDay } from './close-day.ts';
import { createDeposit } from './create-deposit.ts';
import { daySummary } from './day-summary.ts';

const TAKINGS: { method: 'cash' | 'check' | 'card'; amountCents: number }[] = [
  { method: 'cash', amountCents: 2500 },
  { method: 'card', amountCents: 4000 },
  { method: 'check', amountCents: 7550 },
  { method: 'cash', amountCents: 1500 },
];

export const seedDepositsDemo: DemoSeeder = async (demo) => {
  if (demo.patientIds.length === 0) return;
  const ctx = systemCtx(demo.ctx.db, demo.ctx.clock, demo.organizationId, 'demo-seed:deposits', demo.ctx.requestId, {
    baseDb: demo.ctx.baseDb,
  });
  const { postPayment } = await import('../accounts/index.ts');
  const zones = await ctx.db
    .selectFrom('location_directory')
    .select(['id', 'time_zone'])
    .where('organization_id', '=', demo.organizationId)
    .where('id', 'in', demo.locationIds)
    .execute();
  let n = 0;
  for (const location of zones) {
    const today = localDateOf(ctx.clock.now().getTime(), location.time_zone);
    for (let back = 4; back >= 0; back--) {
      const day = addDays(today, -back);
      for (const [i, t] of TAKINGS.entries()) {
        if (back === 0 && i > 1) break;
        const patientId = demo.patientIds[n++ % demo.patientIds.length] as string;
        await postPayment(ctx, {
          patientId,
          locationId: location.id,
          amountCents: t.amountCents,
          method: t.method,
          postingDate: day,
          ...(t.method === 'check' ? { reference: String(1040 + n) } : {}),
          ...(t.method === 'card' ? { cardLast4: '4242', reference: `demo-${day}-${i}` } : {}),
          note: 'Copay',
        }).catch((e: { code?: string }) => {
          // A restricted record is not the demo system's to open: that patient pays nothing here.
          if (e.code !== 'NOT_FOUND') throw e;
        });
      }
      if (back === 0) continue;
      const expected = (await daySummary(ctx, location.id, day)).expectedCashCents;
      await closeDay(ctx, {
        locationId: location.id,
        date: day,
        countedCashCents: back === 2 ? expected - 100 : expected,
        ...(back === 2 ? { note: 'A dollar short: change given twice' } : {}),
      });
    }
    await createDeposit(ctx, { locationId: location.id, bankReference: 'Demo deposit slip' });
  }
};
