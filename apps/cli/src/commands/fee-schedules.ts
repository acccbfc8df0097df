/**
 * `clinicdesk fee-schedules import <file> [--payer <id>]` and `clinicdesk fee-schedules export [--payer <id>]`:
 * the standard fee schedule, or a payer's contracted amounts, as CSV
 * (code,modifier,amount,effective_from,effective_to), through the same use cases as the API
 * (a file with any bad row, overlapping dates included, changes nothing and lists the rows).
 */
import fs from 'node:fs';
import { runInTenantScope } from '@db/index.ts';
import { exportFeeSchedule, importFeeSchedule } from '@domain/billing/index.ts';
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

const which = (payer: string | undefined) => (payer ? `payer ${payer}'s contract` : 'standard fee schedule');

export function registerFeeSchedules(program: Command): void {
  const cmd = program
    .command('fee-schedules')
    .description("The standard fee schedule and payers' contracted amounts (dated prices by code and modifier) as CSV");
  cmd
    .command('import <file>')
    .description('Import a CSV file (columns code,modifier,amount,effective_from,effective_to): adds entries, updates listed ones')
    .option('--payer <id>', "a payer's contract instead of the standard schedule")
    .option('--org <id>', 'organization id (default: the first one)')
    .action(async (file: string, opts: { org?: string; payer?: string }) => {
      if (!fs.existsSync(file)) throw new Error(`no such file: ${file}`);
      const text = fs.readFileSync(file, 'utf8');
      await withDatabase(async ({ db }) => {
        const organizationId = await organizationOf(db, opts.org);
        const ctx = systemCtx(db, systemClock, organizationId, 'cli:fee-schedules', `fee-schedules-import-${Date.now()}`);
        const result = await runInTenantScope(() => importFeeSchedule(ctx, opts.payer ?? null, text), organizationId);
        console.log(`${which(opts.payer)}: ${result.created} added, ${result.updated} updated, ${result.unchanged} unchanged`);
      });
    });
  cmd
    .command('export')
    .description('Write the schedule as CSV (to --out, or standard output)')
    .option('--payer <id>', "a payer's contract instead of the standard schedule")
    .option('--org <id>', 'organization id (default: the first one)')
    .option('--out <file>', 'file to write')
    .action(async (opts: { org?: string; payer?: string; out?: string }) => {
      await withDatabase(async ({ db }) => {
        const organizationId = await organizationOf(db, opts.org);
        const ctx = systemCtx(db, systemClock, organizationId, 'cli:fee-schedules', `fee-schedules-export-${Date.now()}`);
        const { csv, rows } = await runInTenantScope(() => exportFeeSchedule(ctx, opts.payer ?? null), organizationId);
        if (opts.out) {
          fs.writeFileSync(opts.out, csv);
          console.error(`${which(opts.payer)}: ${rows} entries written to ${opts.out}`);
        } else process.stdout.write(csv);
      });
    });
}
