import { sql } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import type { CampaignMember } from './campaigns.schemas.ts';
import type { SendOutcome, Stage } from './campaigns.tables.ts';

/** Members with the patient's name (patients' declared view), who recorded the response, and the stages run. */
export function selectMembers(ctx: Ctx) {
  return ctx.db
    .selectFrom('recall_campaign_members as m')
    .innerJoin('patient_names as p', 'p.id', 'm.patient_id')
    .leftJoin('staff_directory as s', 's.id', 'm.responded_by')
    .where('m.organization_id', '=', ctx.organizationId)
    .selectAll('m')
    .select([
      sql<string>`p.given_name || ' ' || p.family_name`.as('patient_name'),
      'p.restricted as patient_restricted',
      's.display_name as responded_by_name',
      sql<{ stage: Stage; outcome: SendOutcome; at: string }[] | null>`(
        select jsonb_agg(jsonb_build_object('stage', x.stage, 'outcome', x.outcome, 'at', x.created_at) order by x.created_at, x.stage)
          from recall_campaign_sends x where x.member_id = m.id)`.as('sends'),
    ]);
}

export type MemberRow = Awaited<ReturnType<ReturnType<typeof selectMembers>['executeTakeFirstOrThrow']>>;

export function toMember(r: MemberRow): CampaignMember {
  return {
    id: r.id,
    campaignId: r.campaign_id,
    recallId: r.recall_id,
    patientId: r.patient_id,
    patientName: r.patient_name,
    recallType: r.recall_type,
    recallDueDate: r.recall_due_date,
    stage: r.stage,
    nextStageAt: r.next_stage_at?.toISOString() ?? null,
    response: r.response,
    responseNote: r.response_note,
    respondedAt: r.responded_at?.toISOString() ?? null,
    respondedBy: r.responded_by_name ?? null,
    sends: (r.sends ?? []).map((s) => ({ stage: s.stage, outcome: s.outcome, at: new Date(s.at).toISOString() })),
    version: r.version,
  };
}
