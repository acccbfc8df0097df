/** The rota: shift templates, shifts and swaps, coverage rules and gaps, time off, on call and its feed, handovers. */
import { practicePublicUrl } from '@domain/comms/index.ts';
import {
  acknowledgeHandover,
  cancelTimeOff,
  coverageGapSchema,
  coverageGaps,
  coverageRuleInputSchema,
  coverageRuleSchema,
  createCoverageRule,
  createHandover,
  createOnCallFeedToken,
  createOnCallShift,
  createShift,
  createShiftTemplate,
  decideSwap,
  decideTimeOff,
  decisionSchema,
  deleteCoverageRule,
  deleteOnCallShift,
  deleteShift,
  getHandover,
  getOnCallFeed,
  getTimeOff,
  handoverInputSchema,
  handoverQuerySchema,
  handoverSchema,
  listCoverageRules,
  listHandovers,
  listOnCall,
  listShifts,
  listShiftTemplates,
  listSwaps,
  listTimeOff,
  onCallInputSchema,
  onCallNow,
  onCallNowSchema,
  onCallQuerySchema,
  onCallShiftSchema,
  rangeQuerySchema,
  requestSwap,
  requestTimeOff,
  retireShiftTemplate,
  revokeOnCallFeedToken,
  shiftInputSchema,
  shiftQuerySchema,
  shiftSchema,
  shiftTemplateInputSchema,
  shiftTemplateSchema,
  swapInputSchema,
  swapQuerySchema,
  swapSchema,
  timeOffInputSchema,
  timeOffQuerySchema,
  timeOffSchema,
  timeOffWithCollisionsSchema,
  withdrawSwap,
} from '@domain/rota/index.ts';
import { z } from 'zod';
import { installationOf } from '../../config.ts';

/** A 409 of a shift that would fall on approved time off names it. */
const onLeaveProblem = problemWith({ timeOffId: z.string().uuid().optional() });
import { requireIfMatch, setEtag } from '../../plugins/etag.ts';
import { idParams, listOf, problemWith } from '../../plugins/http-schemas.ts';
import type { App } from '../../plugins/types.ts';

const tags = ['rota'];
const locationQuery = z.strictObject({ locationId: z.string().uuid() });
const feedUser = z.strictObject({ userId: z.string().uuid().optional() });

export default async function rotaRoutes(app: App) {
  // ---- shift templates and shifts ------------------------------------------------------

  app.get(
    '/api/shift-templates',
    {
      config: { permission: 'rota:read' },
      schema: {
        tags,
        summary: "A location's shift templates, by start time",
        querystring: locationQuery,
        response: { 200: listOf(shiftTemplateSchema) },
      },
    },
    async (request) => listShiftTemplates(request.ctx, request.query.locationId),
  );

  app.post(
    '/api/shift-templates',
    {
      config: { permission: 'staff:manage' },
      schema: {
        tags,
        summary: 'Add a shift template (local times; an end at or before the start ends the next day)',
        body: shiftTemplateInputSchema,
        response: { 201: shiftTemplateSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createShiftTemplate(request.ctx, request.body)),
  );

  app.delete(
    '/api/shift-templates/:id',
    {
      config: { permission: 'staff:manage' },
      schema: { tags, summary: 'Retire a shift template (shifts made from it stay)', params: idParams },
    },
    async (request, reply) => {
      await retireShiftTemplate(request.ctx, request.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/shifts',
    {
      config: { permission: 'rota:read' },
      schema: {
        tags,
        summary: "A location's shifts starting on the days asked (at most 31), by start",
        querystring: shiftQuerySchema,
        response: { 200: listOf(shiftSchema) },
      },
    },
    async (request) => listShifts(request.ctx, request.query),
  );

  app.post(
    '/api/shifts',
    {
      config: { permission: 'staff:manage', errors: ['CONFLICT'] },
      schema: {
        tags,
        summary:
          'Assign a shift: from a template on a date, or a duty with start and end; 409 when the person already works then, or has approved time off that day (with `timeOffId`)',
        body: shiftInputSchema,
        response: { 201: shiftSchema, 409: onLeaveProblem },
      },
    },
    async (request, reply) => reply.code(201).send(await createShift(request.ctx, request.body)),
  );

  app.delete(
    '/api/shifts/:id',
    {
      config: { permission: 'staff:manage' },
      schema: { tags, summary: 'Remove a shift from the rota', params: idParams },
    },
    async (request, reply) => {
      await deleteShift(request.ctx, request.params.id);
      return reply.code(204).send();
    },
  );

  // ---- swaps ---------------------------------------------------------------------------

  app.post(
    '/api/shifts/:id/swap-requests',
    {
      config: { permission: 'rota:read', errors: ['CONFLICT'] },
      schema: {
        tags,
        summary:
          "Ask to hand one's own shift to a colleague (or exchange it for theirs); a manager decides. 409 when the colleague has approved time off on the shift's days (with `timeOffId`)",
        params: idParams,
        body: swapInputSchema,
        response: { 201: swapSchema, 409: onLeaveProblem },
      },
    },
    async (request, reply) => reply.code(201).send(await requestSwap(request.ctx, request.params.id, request.body)),
  );

  app.get(
    '/api/swap-requests',
    {
      config: { permission: 'rota:read' },
      schema: {
        tags,
        summary: "Swap requests, oldest first: a manager's locations', else one's own",
        querystring: swapQuerySchema,
        response: { 200: listOf(swapSchema) },
      },
    },
    async (request) => listSwaps(request.ctx, request.query),
  );

  app.post(
    '/api/swap-requests/:id/decision',
    {
      config: { permission: 'staff:manage', errors: ['CONFLICT'] },
      schema: {
        tags,
        summary:
          'Approve (the shifts change hands) or deny a swap request; nobody decides a swap they are part of; 409 when someone would work two shifts at once, or on a day of their approved time off (with `timeOffId`)',
        params: idParams,
        body: decisionSchema,
        response: { 200: swapSchema, 409: onLeaveProblem },
      },
    },
    async (request) => decideSwap(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/api/swap-requests/:id/withdraw',
    {
      config: { permission: 'rota:read', errors: ['CONFLICT'] },
      schema: { tags, summary: 'Take back a pending swap request (its requester)', params: idParams, response: { 200: swapSchema } },
    },
    async (request) => withdrawSwap(request.ctx, request.params.id),
  );

  // ---- coverage ------------------------------------------------------------------------

  app.get(
    '/api/coverage-rules',
    {
      config: { permission: 'rota:read' },
      schema: { tags, summary: "A location's coverage rules", querystring: locationQuery, response: { 200: listOf(coverageRuleSchema) } },
    },
    async (request) => listCoverageRules(request.ctx, request.query.locationId),
  );

  app.post(
    '/api/coverage-rules',
    {
      config: { permission: 'staff:manage' },
      schema: {
        tags,
        summary: 'Add a coverage rule: a minimum on a duty over opening hours, or support each session of a duty needs',
        body: coverageRuleInputSchema,
        response: { 201: coverageRuleSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createCoverageRule(request.ctx, request.body)),
  );

  app.delete(
    '/api/coverage-rules/:id',
    {
      config: { permission: 'staff:manage' },
      schema: { tags, summary: 'Remove a coverage rule', params: idParams },
    },
    async (request, reply) => {
      await deleteCoverageRule(request.ctx, request.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/coverage-gaps',
    {
      config: { permission: 'rota:read' },
      schema: {
        tags,
        summary: "Where a location's rota falls short of its coverage rules over some days (at most 31), by start",
        querystring: rangeQuerySchema,
        response: { 200: listOf(coverageGapSchema) },
      },
    },
    async (request) => coverageGaps(request.ctx, request.query),
  );

  // ---- time off ------------------------------------------------------------------------

  app.post(
    '/api/time-off',
    {
      config: { permission: 'timeoff:request' },
      schema: {
        tags,
        summary:
          "Time off as whole days (start and end dates, inclusive): one's own is pending; a manager's for someone else is approved, and a provider's approved time off removes their availability (collisions: the booked visits to move)",
        body: timeOffInputSchema,
        response: { 201: timeOffWithCollisionsSchema },
      },
    },
    async (request, reply) => {
      const t = await requestTimeOff(request.ctx, request.body);
      setEtag(reply, t.version);
      return reply.code(201).send(t);
    },
  );

  app.get(
    '/api/time-off',
    {
      config: { permission: 'timeoff:request' },
      schema: {
        tags,
        summary: "Time off by first day: one's own, or a location's (everyone's for its managers)",
        querystring: timeOffQuerySchema,
        response: { 200: listOf(timeOffSchema) },
      },
    },
    async (request) => listTimeOff(request.ctx, request.query),
  );

  app.get(
    '/api/time-off/:id',
    {
      config: { permission: 'timeoff:request' },
      schema: {
        tags,
        summary: 'One time off with the booked visits it falls on now (the ETag is its version)',
        params: idParams,
        response: { 200: timeOffWithCollisionsSchema },
      },
    },
    async (request, reply) => {
      const t = await getTimeOff(request.ctx, request.params.id);
      setEtag(reply, t.version);
      return t;
    },
  );

  app.post(
    '/api/time-off/:id/decision',
    {
      config: { permission: 'staff:manage', ifMatch: true, errors: ['CONFLICT'] },
      schema: {
        tags,
        summary: 'Approve or deny pending time off (a manager of its location, never its own requester; needs If-Match)',
        params: idParams,
        body: decisionSchema,
        response: { 200: timeOffWithCollisionsSchema },
      },
    },
    async (request, reply) => {
      const t = await decideTimeOff(request.ctx, request.params.id, request.body, requireIfMatch(request));
      setEtag(reply, t.version);
      return t;
    },
  );

  app.post(
    '/api/time-off/:id/cancel',
    {
      config: { permission: 'timeoff:request', ifMatch: true, errors: ['CONFLICT'] },
      schema: {
        tags,
        summary: "Cancel pending or approved time off (its person, or a manager); a provider's availability comes back",
        params: idParams,
        response: { 200: timeOffWithCollisionsSchema },
      },
    },
    async (request, reply) => {
      const t = await cancelTimeOff(request.ctx, request.params.id, requireIfMatch(request));
      setEtag(reply, t.version);
      return t;
    },
  );

  // ---- on call -------------------------------------------------------------------------

  app.post(
    '/api/on-call-shifts',
    {
      config: { permission: 'staff:manage', errors: ['CONFLICT'] },
      schema: {
        tags,
        summary: 'Put someone on call at a location (instants or local times); an overlapping primary shift answers 409',
        body: onCallInputSchema,
        response: { 201: onCallShiftSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createOnCallShift(request.ctx, request.body)),
  );

  app.get(
    '/api/on-call-shifts',
    {
      config: { permission: 'rota:read' },
      schema: {
        tags,
        summary: 'On-call shifts not yet over, by start (a location, a person)',
        querystring: onCallQuerySchema,
        response: { 200: listOf(onCallShiftSchema) },
      },
    },
    async (request) => listOnCall(request.ctx, request.query),
  );

  app.delete(
    '/api/on-call-shifts/:id',
    {
      config: { permission: 'staff:manage' },
      schema: { tags, summary: 'Remove an on-call shift', params: idParams },
    },
    async (request, reply) => {
      await deleteOnCallShift(request.ctx, request.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/on-call/now',
    {
      config: { permission: 'rota:read' },
      schema: {
        tags,
        summary: 'Who is on call now at a location (primary, backups) and the next primary',
        querystring: z.strictObject({ locationId: z.string().uuid().optional() }),
        response: { 200: onCallNowSchema },
      },
    },
    async (request) => onCallNow(request.ctx, request.query.locationId),
  );

  app.post(
    '/api/on-call/ical-token',
    {
      // Narrowed in the use case: one's own feed, or a colleague's with staff:manage.
      config: { permission: 'rota:read' },
      schema: {
        tags,
        summary: "Create (or replace) a person's on-call calendar feed; the URL is shown only in this answer",
        body: feedUser,
        response: { 201: z.object({ url: z.string(), path: z.string(), userId: z.string().uuid(), createdAt: z.string() }) },
      },
    },
    async (request, reply) => {
      const { token, userId, createdAt } = await createOnCallFeedToken(request.ctx, request.body.userId);
      const path = `/ical/on-call/${token}.ics`;
      const origin = await practicePublicUrl(request.ctx.db, request.ctx.organizationId, installationOf(app.services.config));
      return reply
        .code(201)
        .header('cache-control', 'no-store')
        .send({ url: `${origin}${path}`, path, userId, createdAt });
    },
  );

  app.delete(
    '/api/on-call/ical-token',
    {
      config: { permission: 'rota:read' },
      schema: { tags, summary: "Revoke a person's on-call calendar feed (its URL then answers 404)", querystring: feedUser },
    },
    async (request, reply) => {
      await revokeOnCallFeedToken(request.ctx, request.query.userId);
      return reply.code(204).send();
    },
  );

  app.get(
    '/ical/on-call/:token.ics',
    {
      // The token in the URL is the credential; each fetch is audited.
      config: { public: true, expensive: 'report' },
      schema: {
        tags,
        summary: "A person's on-call shifts as iCalendar (RFC 5545)",
        params: z.strictObject({ token: z.string().max(100) }),
        produces: ['text/calendar'],
      },
    },
    async (request, reply) => {
      const body = await getOnCallFeed(request.ctx, request.params.token);
      return reply.type('text/calendar; charset=utf-8').header('cache-control', 'private, no-store').send(body);
    },
  );

  // ---- handovers -----------------------------------------------------------------------

  app.post(
    '/api/handovers',
    {
      config: { permission: 'rota:read' },
      schema: {
        tags,
        summary: 'Write a handover note at shift change (open items, patients waiting, tasks due)',
        body: handoverInputSchema,
        response: { 201: handoverSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createHandover(request.ctx, request.body)),
  );

  app.get(
    '/api/handovers',
    {
      config: { permission: 'rota:read' },
      schema: {
        tags,
        summary: "A location's handover notes, newest first (pending=true: not yet acknowledged)",
        querystring: handoverQuerySchema,
        response: { 200: listOf(handoverSchema) },
      },
    },
    async (request) => listHandovers(request.ctx, request.query),
  );

  app.get(
    '/api/handovers/:id',
    {
      config: { permission: 'rota:read' },
      schema: { tags, summary: 'One handover note', params: idParams, response: { 200: handoverSchema } },
    },
    async (request) => getHandover(request.ctx, request.params.id),
  );

  app.post(
    '/api/handovers/:id/acknowledge',
    {
      config: { permission: 'rota:read', errors: ['CONFLICT'] },
      schema: {
        tags,
        summary: 'Acknowledge a handover note (the incoming person; audited)',
        params: idParams,
        response: { 200: handoverSchema },
      },
    },
    async (request) => acknowledgeHandover(request.ctx, request.params.id),
  );
}
