/** Recall campaigns: draft with a preview count, start / pause / stop, the members worklist with responses, the report and its CSV. */
import {
  campaignInputSchema,
  campaignMemberSchema,
  campaignPatchSchema,
  campaignPreviewInputSchema,
  campaignPreviewSchema,
  campaignQuerySchema,
  campaignReport,
  campaignReportCsv,
  campaignReportSchema,
  campaignSchema,
  createCampaign,
  getCampaign,
  listCampaigns,
  listMembers,
  memberPatchSchema,
  memberQuerySchema,
  previewCampaign,
  recordResponse,
  updateCampaign,
} from '@domain/campaigns/index.ts';
import { z } from 'zod';
import { requireIfMatch, setEtag } from '../../plugins/etag.ts';
import { idParams, listOf } from '../../plugins/http-schemas.ts';
import type { App } from '../../plugins/types.ts';

const tags = ['campaigns'];
const memberParams = z.object({ id: z.string().uuid(), memberId: z.string().uuid() });

export default async function campaignsRoutes(app: App) {
  app.get(
    '/api/campaigns',
    {
      config: { permission: 'campaign:read' },
      schema: {
        tags,
        summary: 'Recall campaigns, newest first, with their stage and response counts',
        querystring: campaignQuerySchema,
        response: { 200: listOf(campaignSchema) },
      },
    },
    async (request) => listCampaigns(request.ctx, request.query),
  );

  app.post(
    '/api/campaigns',
    {
      config: { permission: 'campaign:manage' },
      schema: {
        tags,
        summary: 'Draft a recall campaign: the recalls it selects and its stages (email, text after N days, letter after M days)',
        body: campaignInputSchema,
        response: { 201: campaignSchema },
      },
    },
    async (request, reply) => {
      const campaign = await createCampaign(request.ctx, request.body);
      setEtag(reply, campaign.version);
      return reply.code(201).send(campaign);
    },
  );

  app.post(
    '/api/campaigns/preview',
    {
      config: { permission: 'campaign:manage' },
      schema: {
        tags,
        summary: 'How many open recalls a selection would enrol now (counts only), and the enrolment cap',
        body: campaignPreviewInputSchema,
        response: { 200: campaignPreviewSchema },
      },
    },
    async (request) => previewCampaign(request.ctx, request.body),
  );

  app.get(
    '/api/campaigns/:id',
    {
      config: { permission: 'campaign:read' },
      schema: {
        tags,
        summary: 'One campaign with its counts (the ETag is its version)',
        params: idParams,
        response: { 200: campaignSchema },
      },
    },
    async (request, reply) => {
      const campaign = await getCampaign(request.ctx, request.params.id);
      setEtag(reply, campaign.version);
      return campaign;
    },
  );

  app.patch(
    '/api/campaigns/:id',
    {
      config: { permission: 'campaign:manage', ifMatch: true, errors: ['CONFLICT'] },
      schema: {
        tags,
        summary:
          'Edit a draft (selection and stages only before it starts), or start it (status running: enrols the matching recalls, capped), pause, resume or stop it (needs If-Match)',
        params: idParams,
        body: campaignPatchSchema,
        response: { 200: campaignSchema },
      },
    },
    async (request, reply) => {
      const campaign = await updateCampaign(request.ctx, request.params.id, request.body, requireIfMatch(request));
      setEtag(reply, campaign.version);
      return campaign;
    },
  );

  app.get(
    '/api/campaigns/:id/members',
    {
      config: { permission: 'campaign:read' },
      schema: {
        tags,
        summary: "A campaign's patients, oldest recall first: each one's stage, what was sent or skipped, the response (audited)",
        params: idParams,
        querystring: memberQuerySchema,
        response: { 200: listOf(campaignMemberSchema) },
      },
    },
    async (request) => listMembers(request.ctx, request.params.id, request.query),
  );

  app.patch(
    '/api/campaigns/:id/members/:memberId',
    {
      config: { permission: 'campaign:respond', ifMatch: true, errors: ['CONFLICT'] },
      schema: {
        tags,
        summary: "Record a patient's answer: declined or unreachable (stops the stages), or none to take it back (needs If-Match)",
        params: memberParams,
        body: memberPatchSchema,
        response: { 200: campaignMemberSchema },
      },
    },
    async (request, reply) => {
      const member = await recordResponse(request.ctx, request.params.id, request.params.memberId, request.body, requireIfMatch(request));
      setEtag(reply, member.version);
      return member;
    },
  );

  app.get(
    '/api/campaigns/:id/report',
    {
      config: { permission: 'campaign:read' },
      schema: {
        tags,
        summary: 'The campaign report: enrolled, sent and skipped per stage, responses, booked rate',
        params: idParams,
        response: { 200: campaignReportSchema },
      },
    },
    async (request) => campaignReport(request.ctx, request.params.id),
  );

  app.get(
    '/api/campaigns/:id/report.csv',
    {
      config: { permission: 'campaign:read' },
      schema: { tags, summary: 'The campaign report as CSV (one line per figure)', params: idParams, produces: ['text/csv'] },
    },
    async (request, reply) => {
      const report = await campaignReport(request.ctx, request.params.id);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="campaign-${report.campaignId}.csv"`)
        .send(campaignReportCsv(report));
    },
  );
}
