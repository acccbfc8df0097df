/**
 * `clinicdesk campaigns list [--org <id>]` and `clinicdesk campaigns report <id> [--csv]`: the recall
 * campaigns and one campaign's report (enrolled, sent and skipped per stage, responses, booked
 * rate), through the same use cases as the API. Counts only: no patient is named.
 */
import { runInTenantScope } from '@db/index.ts';
import { campaignReport, campaignReportCsv, listCampaigns } from '@domain/campaigns/index.ts';
import { systemClock } from '@domain/shared/clock.ts';
import { systemCtx } from '@domain/shared/context.ts';
import type { Command } from 'commander';
import { withDatabase } from '../database.ts';
import { organizationOf } from './organization-of.ts';

export function registerCampaigns(program: Command): void {
  const cmd = program.command('campaigns').description('Recall campaigns');
  cmd
    .command('list')
    .description('Recall campaigns, newest first: status, enrolled, booked, declined, unreachable, waiting')
    .option('--org <id>', 'organization id (default: the first one)')
    .action(async (opts: { org?: string }) => {
      await withDatabase(async ({ db }) => {
        const organizationId = await organizationOf(db, opts.org);
        const ctx = systemCtx(db, systemClock, organizationId, 'cli:campaigns', `campaigns-list-${Date.now()}`);
        const { items } = await runInTenantScope(() => listCampaigns(ctx, { limit: 100 }), organizationId);
        const row = (...cells: (string | number)[]) =>
          console.log(
            [
              String(cells[0]).padEnd(36),
              String(cells[1]).padEnd(28).slice(0, 28),
              String(cells[2]).padEnd(8),
              ...cells.slice(3).map((c) => String(c).padStart(9)),
            ].join(' '),
          );
        row('id', 'name', 'status', 'enrolled', 'booked', 'declined', 'unreach.', 'waiting');
        for (const c of items)
          row(c.id, c.name, c.status, c.enrolled, c.responses.booked, c.responses.declined, c.responses.unreachable, c.responses.none);
      });
    });
  cmd
    .command('report <id>')
    .description("One campaign's report: sent and skipped per stage, responses, booked rate")
    .option('--org <id>', 'organization id (default: the first one)')
    .option('--csv', 'print the report as CSV')
    .action(async (id: string, opts: { org?: string; csv?: boolean }) => {
      await withDatabase(async ({ db }) => {
        const organizationId = await organizationOf(db, opts.org);
        const ctx = systemCtx(db, systemClock, organizationId, 'cli:campaigns', `campaigns-report-${Date.now()}`);
        const r = await runInTenantScope(() => campaignReport(ctx, id), organizationId);
        if (opts.csv) {
          process.stdout.write(campaignReportCsv(r));
          return;
        }
        console.log(`${r.name} (${r.status}): ${r.enrolled} enrolled${r.capped ? ', capped at the enrolment limit' : ''}`);
        console.log(`${'stage'.padEnd(8)} ${'sent'.padStart(6)} ${'no consent'.padStart(11)} ${'no contact'.padStart(11)}`);
        for (const s of r.stages)
          console.log(
            `${s.stage.padEnd(8)} ${String(s.sent).padStart(6)} ${String(s.noConsent).padStart(11)} ${String(s.noContact).padStart(11)}`,
          );
        console.log(
          `booked ${r.responses.booked}, declined ${r.responses.declined}, unreachable ${r.responses.unreachable}, no response yet ${r.responses.none} (${r.inProgress} still in the stages)`,
        );
        console.log(`booked rate ${(r.bookedRate * 100).toFixed(1)}%`);
      });
    });
}
