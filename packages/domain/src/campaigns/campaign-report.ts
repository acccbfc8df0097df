import { type Ctx, inTransaction } from '../shared/context.ts';
import { loadCampaign } from './campaign-row.ts';
import { requireCampaignScope } from './campaign-scope.ts';
import type { CampaignReport } from './campaigns.schemas.ts';
import { STAGES } from './campaigns.tables.ts';

/**
 * What a campaign did: enrolled, per stage what was sent and what was skipped for want of consent
 * or of the contact, the responses (booked, declined, unreachable, none yet), those still going
 * through the stages, and the booked rate. Counts only: no patient is named.
 */
export async function campaignReport(ctx: Ctx, id: string): Promise<CampaignReport> {
  return inTransaction(ctx, async (tx) => {
    const c = await loadCampaign(tx, id);
    requireCampaignScope(tx, 'campaign:read', c.locationId);
    const progress = await tx.db
      .selectFrom('recall_campaign_members')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organization_id', '=', tx.organizationId)
      .where('campaign_id', '=', id)
      .where('response', '=', 'none')
      .where('stage', '<>', 'done')
      .executeTakeFirstOrThrow();
    const stages = STAGES.map((stage) => ({ stage, channel: stage, ...c.stages[stage] }));
    return {
      campaignId: c.id,
      name: c.name,
      status: c.status,
      enrolled: c.enrolled,
      capped: c.capped,
      stages,
      skipped: {
        noConsent: stages.reduce((s, x) => s + x.noConsent, 0),
        noContact: stages.reduce((s, x) => s + x.noContact, 0),
      },
      responses: c.responses,
      inProgress: Number(progress.n),
      bookedRate: c.enrolled ? Math.round((c.responses.booked / c.enrolled) * 10_000) / 10_000 : 0,
    };
  });
}

const csvCell = (v: string | number) => {
  const s = String(v);
  return /[",\n\r]/.test(s) || /^[=+\-@\t]/.test(s) ? `"${(/^[=+\-@\t]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"` : s;
};

/** The report as CSV: one line per figure (section, stage, what, count). */
export function campaignReportCsv(r: CampaignReport): string {
  const lines: (string | number)[][] = [['section', 'stage', 'measure', 'value']];
  lines.push(['campaign', '', 'name', r.name], ['campaign', '', 'status', r.status], ['campaign', '', 'enrolled', r.enrolled]);
  lines.push(['campaign', '', 'capped', r.capped ? 'yes' : 'no']);
  for (const s of r.stages) {
    lines.push(
      ['stage', s.stage, 'sent', s.sent],
      ['stage', s.stage, 'skipped_no_consent', s.noConsent],
      ['stage', s.stage, 'skipped_no_contact', s.noContact],
    );
  }
  for (const [k, v] of Object.entries(r.responses)) lines.push(['response', '', k === 'none' ? 'no_response_yet' : k, v]);
  lines.push(['response', '', 'in_progress', r.inProgress], ['response', '', 'booked_rate', r.bookedRate]);
  return `${lines.map((l) => l.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
