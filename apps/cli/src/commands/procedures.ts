/**
 * `clinicdesk procedures import <file> --org <id>` and `clinicdesk procedures export --org <id>`:
 * the practice's procedure list as CSV (code,description,fee,units), through the same use cases
 * as the API (upsert by code; a file with any bad row changes nothing and lists the rows).
 */
import fs from 'node:fs';
import { runInTenantScope } from '@db/index.ts';
import { exportProcedures, importProcedures } from '@domain/codes/index.ts';
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

export function registerProcedures(program: Command): void {
  const cmd = program.command('procedures').description("The practice's procedure list (codes, descriptions, fees) as CSV");
  cmd
    .command('import <file>')
    .description('Import a CSV file (columns code,description,fee,units; fee like 125.00): adds new codes, updates listed ones')
    .option('--org <id>', 'organization id (default: the first one)')
    .action(async (file: string, opts: { org?: string }) => {
      if (!fs.existsSync(file)) throw new Error(`no such file: ${file}`);
      const text = fs.readFileSync(file, 'utf8');
      await withDatabase(async ({ db }) => {
        const organizationId = await organizationOf(db, opts.org);
        const ctx = systemCtx(db, systemClock, organizationId, 'cli:procedures', `procedures-import-${Date.now()}`);
        const result = await runInTenantScope(() => importProcedures(ctx, text), organizationId);
        console.log(`procedures: ${result.created} added, ${result.updated} updated, ${result.unchanged} unchanged`);
      });
    });
  cmd
    .command('export')
    .description('Write the active procedure list as CSV (to --out, or standard output)')
    .option('--org <id>', 'organization id (default: the first one)')
    .option('--out <file>', 'file to write')
    .action(async (opts: { org?: string; out?: string }) => {
      await withDatabase(async ({ db }) => {
        const organizationId = await organizationOf(db, opts.org);
        const ctx = systemCtx(db, systemClock, organizationId, 'cli:procedures', `procedures-export-${Date.now()}`);
        const { csv, rows } = await runInTenantScope(() => exportProcedures(ctx), organizationId);
        if (opts.out) {
          fs.writeFileSync(opts.out, csv);
          console.error(`procedures: ${rows} written to ${opts.out}`);
        } else process.stdout.write(csv);
      });
    });
}
