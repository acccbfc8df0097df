/**
 * `clinicdesk hiring positions [--all] [--org <id>]`: the positions being worked (open and on
 * hold; every one with --all), each with its hires against its openings and its applicants per
 * stage. Through the same use case as the API; counts only, no applicant names.
 */
import { runInTenantScope } from '@db/index.ts';
import { listPositions, type Position, STAGES } from '@domain/hiring/index.ts';
import { systemClock } from '@domain/shared/clock.ts';
import { systemCtx } from '@domain/shared/context.ts';
import type { Command } from 'commander';
import { withDatabase } from '../database.ts';
import { organizationOf } from './organization-of.ts';

export function registerHiring(program: Command): void {
  const cmd = program.command('hiring').description('Hiring: open positions and their pipelines');
  cmd
    .command('positions')
    .description('Open positions with their applicant counts per stage')
    .option('--all', 'every position, filled and closed ones too')
    .option('--org <id>', 'organization id (default: the first one)')
    .action(async (opts: { org?: string; all?: boolean }) => {
      await withDatabase(async ({ db }) => {
        const organizationId = await organizationOf(db, opts.org);
        const ctx = systemCtx(db, systemClock, organizationId, 'cli:hiring', `hiring-positions-${Date.now()}`);
        const positions: Position[] = [];
        await runInTenantScope(async () => {
          let cursor: string | undefined;
          do {
            const page = await listPositions(ctx, { status: opts.all ? 'all' : 'active', limit: 200, ...(cursor && { cursor }) });
            positions.push(...page.items);
            cursor = page.nextCursor ?? undefined;
          } while (cursor);
        }, organizationId);
        if (!positions.length) {
          console.log(opts.all ? 'No positions.' : 'No open positions.');
          return;
        }
        for (const p of positions) {
          console.log(
            `${p.title} (${p.locationName}, ${p.employmentType.replace('_', ' ')}): ${p.status.replace('_', ' ')}, ${p.hired} of ${p.openings} hired`,
          );
          console.log(`  ${STAGES.map((s) => `${s} ${p.stageCounts[s]}`).join('  ')}`);
        }
      });
    });
}
