/**
 * `clinicdesk payables aging [--csv]`: what the practice owes its vendors by days past due
 * (current, 1-30, 31-60, 61-90, 90+), per vendor and in total, through the same use case as the API.
 */
import { runInTenantScope } from '@db/index.ts';
import { PAYABLES_AGING_BUCKETS, payablesAging, payablesAgingCsv } from '@domain/payables/index.ts';
import { systemClock } from '@domain/shared/clock.ts';
import { type Db, systemCtx } from '@domain/shared/context.ts';
import type { Command } from 'commander';
import { withDatabase } from '../database.ts';

async function organizationOf(db: Db, id: string | undefined): Promise<string> {
  const org = id
    ? await db.selectFrom('organizations').select('id').where('id', '=', id).executeTakeFirst()
    : await db.selectFrom('organizations').select('id').orderBy('created_at').limit(1).executeTakeFirst();
  if (!org) throw new Error(id ? `no organization ${id}` : 'no organization: start ClinicDesk once (or run `clinicdesk seed demo`) first');
  return org.id;
}

const dollars = (c: number) => (c / 100).toFixed(2);

export function registerPayables(program: Command): void {
  const cmd = program.command('payables').description('Payables: what the practice owes its vendors');
  cmd
    .command('aging')
    .description('Open vendor bills by days past due (current, 1-30, 31-60, 61-90, 90+), per vendor and in total')
    .option('--org <id>', 'organization id (default: the first one)')
    .option('--csv', 'write CSV (every vendor) instead of a table')
    .action(async (opts: { org?: string; csv?: boolean }) => {
      await withDatabase(async ({ db }) => {
        const organizationId = await organizationOf(db, opts.org);
        const ctx = systemCtx(db, systemClock, organizationId, 'cli:payables', `payables-aging-${Date.now()}`);
        if (opts.csv) {
          const { csv } = await runInTenantScope(() => payablesAgingCsv(ctx), organizationId);
          process.stdout.write(csv);
          return;
        }
        const a = await runInTenantScope(() => payablesAging(ctx, { limit: 500 }), organizationId);
        const row = (name: string, cells: (string | number)[]) =>
          console.log([name.padEnd(36).slice(0, 36), ...cells.map((c) => String(c).padStart(12))].join(' '));
        console.log(`Payables aging on ${a.asOf}`);
        row('vendor', [...PAYABLES_AGING_BUCKETS, 'total']);
        for (const i of a.items) row(i.vendorName, [...PAYABLES_AGING_BUCKETS.map((b) => dollars(i.buckets[b])), dollars(i.totalCents)]);
        row('Total', [...PAYABLES_AGING_BUCKETS.map((b) => dollars(a.totals[b])), dollars(a.totalCents)]);
        if (a.nextCursor) console.error('more than 500 vendors owed: --csv lists them all');
      });
    });
}
