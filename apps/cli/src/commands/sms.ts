/**
 * `clinicdesk sms inbox [--org <id>]`: the received texts waiting for the desk (not a C/N/STOP/START
 * reply, not yet marked handled): how many, from patients and from unknown numbers, and since when,
 * through comms' public functions. Counts only: no numbers, names or words. Received texts carry no
 * location (they come to the practice's one number), so the counts are the practice's.
 */
import { runInTenantScope } from '@db/index.ts';
import { smsInboxCounts } from '@domain/comms/index.ts';
import { systemClock } from '@domain/shared/clock.ts';
import { systemCtx } from '@domain/shared/context.ts';
import type { Command } from 'commander';
import { withDatabase } from '../database.ts';
import { organizationOf } from './organization-of.ts';

export function registerSms(program: Command): void {
  const cmd = program.command('sms').description('Text messages');
  cmd
    .command('inbox')
    .description("The desk's unhandled received texts: how many, from patients and unknown numbers, the oldest (counts only)")
    .option('--org <id>', 'organization id (default: the first one)')
    .action(async (opts: { org?: string }) => {
      await withDatabase(async ({ db }) => {
        const organizationId = await organizationOf(db, opts.org);
        const ctx = systemCtx(db, systemClock, organizationId, 'cli:sms', `sms-inbox-${Date.now()}`);
        const c = await runInTenantScope(() => smsInboxCounts(ctx), organizationId);
        console.log(`waiting               ${String(c.waiting).padStart(6)}`);
        console.log(`  from patients       ${String(c.fromPatients).padStart(6)}`);
        console.log(`  from unknown numbers${String(c.fromUnknownNumbers).padStart(6)}`);
        console.log(`oldest waiting since  ${c.oldestAt ?? '-'}`);
      });
    });
}
