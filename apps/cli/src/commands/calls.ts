/**
 * `clinicdesk calls waiting [--org <id>]`: "who called while I was out", the calls waiting for
 * someone (open follow-ups, and the unanswered ones among them) per person and per location,
 * through the same use case as the API. Counts only: no names of callers, no notes.
 */
import { runInTenantScope } from '@db/index.ts';
import { waitingCalls } from '@domain/calls/index.ts';
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

export function registerCalls(program: Command): void {
  const cmd = program.command('calls').description('The call log');
  cmd
    .command('waiting')
    .description('Calls waiting for someone (open follow-ups; unanswered among them), per person and per location')
    .option('--org <id>', 'organization id (default: the first one)')
    .action(async (opts: { org?: string }) => {
      await withDatabase(async ({ db }) => {
        const organizationId = await organizationOf(db, opts.org);
        const ctx = systemCtx(db, systemClock, organizationId, 'cli:calls', `calls-waiting-${Date.now()}`);
        const w = await runInTenantScope(() => waitingCalls(ctx), organizationId);
        const row = (name: string, waiting: number | string, unanswered: number | string) =>
          console.log(`${name.padEnd(36).slice(0, 36)} ${String(waiting).padStart(8)} ${String(unanswered).padStart(11)}`);
        row('person', 'waiting', 'unanswered');
        for (const u of w.byUser) row(u.userName ?? '(not assigned)', u.followUps, u.unanswered);
        console.log('');
        row('location', 'waiting', 'unanswered');
        for (const l of w.byLocation) row(l.locationName, l.followUps, l.unanswered);
      });
    });
}
