/**
 * `clinicdesk statements run --min-balance <cents> [--location <id>]`: a statement run, through the
 * same use case as `POST /api/statement-runs` (one statement per guarantor owing at least the
 * threshold, audited, notices queued for those who agreed to email). Prints the run.
 */
import { runInTenantScope } from '@db/index.ts';
import { systemClock } from '@domain/shared/clock.ts';
import { type Db, systemCtx } from '@domain/shared/context.ts';
import { runStatements, statementRunInputSchema } from '@domain/statements/index.ts';
import type { Command } from 'commander';
import { withDatabase } from '../database.ts';

async function organizationOf(db: Db, id: string | undefined): Promise<string> {
  const org = id
    ? await db.selectFrom('organizations').select('id').where('id', '=', id).executeTakeFirst()
    : await db.selectFrom('organizations').select('id').orderBy('created_at').limit(1).executeTakeFirst();
  if (!org) throw new Error(id ? `no organization ${id}` : 'no organization: start ClinicDesk once (or run `clinicdesk seed demo`) first');
  return org.id;
}

export function registerStatements(program: Command): void {
  const cmd = program.command('statements').description('Patient statements');
  cmd
    .command('run')
    .description("Run statements: one per guarantor whose family's patient balance is at least --min-balance (in cents)")
    .requiredOption('--min-balance <cents>', 'the threshold in cents, e.g. 1000 for $10.00')
    .option('--location <id>', "whose letterhead and day (default: the practice's first location)")
    .option('--org <id>', 'organization id (default: the first one)')
    .action(async (opts: { minBalance: string; location?: string; org?: string }) => {
      const input = statementRunInputSchema.safeParse({
        minBalanceCents: /^-?\d+$/.test(opts.minBalance) ? Number(opts.minBalance) : opts.minBalance,
        ...(opts.location ? { locationId: opts.location } : {}),
      });
      if (!input.success) throw new Error(`--min-balance: ${input.error.issues[0]?.message ?? 'not a whole number of cents'}`);
      await withDatabase(async ({ db }) => {
        const organizationId = await organizationOf(db, opts.org);
        const ctx = systemCtx(db, systemClock, organizationId, 'cli:statements', `statements-run-${Date.now()}`);
        const run = await runInTenantScope(() => runStatements(ctx, input.data), organizationId);
        console.log(
          `${run.id}  ${run.asOf}  ${run.statementCount} statement(s), ${run.emailedCount} emailed  total due ${(run.totalDueCents / 100).toFixed(2)}`,
        );
      });
    });
}
