/**
 * `clinicdesk adjustment-reasons import <file.csv> [--code-set CARC]`: the adjustment reason
 * texts the office holds (CARC, RARC, group codes) as CSV (codeSet,code,description, or
 * code,description with --code-set), through the same use case as the API (a file with any bad
 * row changes nothing and lists the rows).
 */
import fs from 'node:fs';
import { runInTenantScope } from '@db/index.ts';
import { importAdjustmentReasons, REASON_CODE_SETS, type ReasonCodeSet } from '@domain/claims/index.ts';
import { systemClock } from '@domain/shared/clock.ts';
import { systemCtx } from '@domain/shared/context.ts';
import type { Command } from 'commander';
import { withDatabase } from '../database.ts';

export function registerAdjustmentReasons(program: Command): void {
  const cmd = program
    .command('adjustment-reasons')
    .description('The adjustment reason texts (CARC, RARC, group codes) the office imports; shown before the built-in short texts');
  cmd
    .command('import <file>')
    .description(
      'Import a CSV file (columns codeSet,code,description, or code,description with --code-set): adds codes, updates listed ones',
    )
    .option('--code-set <set>', `the code set of a two-column file (${REASON_CODE_SETS.join(', ')})`)
    .option('--org <id>', 'organization id (default: the first one)')
    .action(async (file: string, opts: { org?: string; codeSet?: string }) => {
      if (!fs.existsSync(file)) throw new Error(`no such file: ${file}`);
      const codeSet = opts.codeSet?.toUpperCase();
      if (codeSet && !(REASON_CODE_SETS as readonly string[]).includes(codeSet))
        throw new Error(`--code-set must be one of ${REASON_CODE_SETS.join(', ')}`);
      const text = fs.readFileSync(file, 'utf8');
      await withDatabase(async ({ db }) => {
        const org = opts.org
          ? await db.selectFrom('organizations').select('id').where('id', '=', opts.org).executeTakeFirst()
          : await db.selectFrom('organizations').select('id').orderBy('created_at').limit(1).executeTakeFirst();
        if (!org)
          throw new Error(
            opts.org ? `no organization ${opts.org}` : 'no organization: start ClinicDesk once (or run `clinicdesk seed demo`) first',
          );
        const ctx = systemCtx(db, systemClock, org.id, 'cli:adjustment-reasons', `adjustment-reasons-import-${Date.now()}`);
        const result = await runInTenantScope(() => importAdjustmentReasons(ctx, text, codeSet as ReasonCodeSet | undefined), org.id);
        console.log(`adjustment reason texts: ${result.imported} added, ${result.updated} updated`);
      });
    });
}
