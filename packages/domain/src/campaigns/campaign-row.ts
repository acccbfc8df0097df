/** The one query shape campaigns are read with (member and send counts), and its mapping to the API object. */
import { sql } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import type { Campaign } from './campaigns.schemas.ts';
import { ENROLMENT_CAP } from './campaigns.schemas.ts';

type Counts = Record<string, number>;

export function selectCampaigns(ctx: Ctx) {
  return ctx.db
    .selectFrom('recall_campaigns as c')
    .where('c.organization_id', '=', ctx.organizationId)
    .selectAll('c')
    .select([
      sql<Counts | null>`(select jsonb_object_agg(response, n) from (
          select m.response, count(*)::int as n from recall_campaign_members m where m.campaign_id = c.id group by m.response) x)`.as(
        'response_counts',
      ),
      sql<Counts | null>`(select jsonb_object_agg(stage || ':' || outcome, n) from (
          select s.stage, s.outcome, count(*)::int as n from recall_campaign_sends s where s.campaign_id = c.id group by s.stage, s.outcome) y)`.as(
        'send_counts',
      ),
    ]);
}

export type CampaignRow = Awaited<ReturnType<ReturnType<typeof selectCampaigns>['executeTakeFirstOrThrow']>>;

export function toCampaign(r: CampaignRow): Campaign {
  const sends = r.send_counts ?? {};
  const responses = r.response_counts ?? {};
  const stage = (s: string) => ({
    sent: sends[`${s}:sent`] ?? 0,
    noConsent: sends[`${s}:no_consent`] ?? 0,
    noContact: sends[`${s}:no_contact`] ?? 0,
  });
  return {
    id: r.id,
    name: r.name,
    recallTypes: r.recall_types,
    dueOnOrBefore: r.due_on_or_before,
    locationId: r.location_id,
    providerId: r.provider_id,
    emailAfterDays: r.email_after_days,
    smsAfterDays: r.sms_after_days,
    letterAfterDays: r.letter_after_days,
    letterTemplateId: r.letter_template_id,
    status: r.status,
    startedAt: r.started_at?.toISOString() ?? null,
    stoppedAt: r.stopped_at?.toISOString() ?? null,
    enrolled: r.enrolled,
    capped: r.capped,
    enrolmentCap: ENROLMENT_CAP,
    stages: { email: stage('email'), sms: stage('sms'), letter: stage('letter') },
    responses: {
      booked: responses.booked ?? 0,
      declined: responses.declined ?? 0,
      unreachable: responses.unreachable ?? 0,
      none: responses.none ?? 0,
    },
    createdAt: r.created_at.toISOString(),
    version: r.version,
  };
}

export async function loadCampaign(ctx: Ctx, id: string): Promise<Campaign> {
  const row = await selectCampaigns(ctx).where('c.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('campaign');
  return toCampaign(row);
}

/** Lock a campaign of the caller's organization for a change; NOT_FOUND otherwise. */
export async function lockCampaign(tx: Ctx, id: string) {
  const row = await tx.db
    .selectFrom('recall_campaigns')
    .selectAll()
    .where('id', '=', id)
    .where('organization_id', '=', tx.organizationId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('campaign');
  return row;
}
