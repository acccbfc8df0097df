/**
 * `clinicdesk rota on-call [--org <id>]`: who is on call now at each location, and who comes next;
 * `clinicdesk rota gaps --from <date> --to <date> [--org <id>]`: where the rota falls short of its
 * coverage rules. Through the same use cases as the API; staff names and times only.
 */
import { runInTenantScope } from '@db/index.ts';
import { coverageGaps, onCallNow } from '@domain/rota/index.ts';
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

export function registerRota(program: Command): void {
  const cmd = program.command('rota').description('The rota: on call, coverage gaps');
  cmd
    .command('on-call')
    .description('Who is on call now at each location (primary, backups) and the next primary')
    .option('--org <id>', 'organization id (default: the first one)')
    .action(async (opts: { org?: string }) => {
      await withDatabase(async ({ db }) => {
        const organizationId = await organizationOf(db, opts.org);
        const ctx = systemCtx(db, systemClock, organizationId, 'cli:rota', `rota-on-call-${Date.now()}`);
        await runInTenantScope(async () => {
          const locations = await db
            .selectFrom('location_directory')
            .select('id')
            .where('organization_id', '=', organizationId)
            .where('active', '=', true)
            .orderBy('name')
            .execute();
          for (const l of locations) {
            const now = await onCallNow(ctx, l.id);
            const backup = now.backup.map((b) => b.userName).join(', ');
            console.log(`${now.locationName}: ${now.primary ? `${now.primary.userName} until ${now.primary.end}` : 'nobody on call'}`);
            if (backup) console.log(`  backup: ${backup}`);
            if (now.nextPrimary) console.log(`  next: ${now.nextPrimary.userName} from ${now.nextPrimary.start}`);
          }
        }, organizationId);
      });
    });
  cmd
    .command('gaps')
    .description("Where each location's rota falls short of its coverage rules (at most 31 days)")
    .requiredOption('--from <date>', 'first day, YYYY-MM-DD')
    .requiredOption('--to <date>', 'last day, YYYY-MM-DD')
    .option('--org <id>', 'organization id (default: the first one)')
    .action(async (opts: { org?: string; from: string; to: string }) => {
      await withDatabase(async ({ db }) => {
        const organizationId = await organizationOf(db, opts.org);
        const ctx = systemCtx(db, systemClock, organizationId, 'cli:rota', `rota-gaps-${Date.now()}`);
        const gaps = await runInTenantScope(() => coverageGaps(ctx, { from: opts.from, to: opts.to }), organizationId);
        if (!gaps.items.length) console.log('No coverage gaps.');
        for (const g of gaps.items) {
          console.log(`${g.date} ${g.start} – ${g.end}  ${g.duties.join('/')} ${g.have}/${g.need}${g.label ? `  ${g.label}` : ''}`);
        }
      });
    });
}
