/** Hiring: positions, applicants through their stages, onboardings and "Create account". */
import {
  addOnboardingItem,
  applicantDetailSchema,
  applicantInputSchema,
  applicantPatchSchema,
  applicantQuerySchema,
  applicantSchema,
  createApplicant,
  createOnboardingAccount,
  createPosition,
  getApplicant,
  getOnboarding,
  getPosition,
  listApplicants,
  listOnboardings,
  listPositions,
  moveApplicant,
  onboardingAccountSchema,
  onboardingItemInputSchema,
  onboardingItemPatchSchema,
  onboardingQuerySchema,
  onboardingSchema,
  positionInputSchema,
  positionPatchSchema,
  positionQuerySchema,
  positionSchema,
  stageInputSchema,
  tickOnboardingItem,
  updateApplicant,
  updatePosition,
} from '@domain/hiring/index.ts';
import { z } from 'zod';
import { requireIfMatch, setEtag } from '../../plugins/etag.ts';
import { idParams, listOf } from '../../plugins/http-schemas.ts';
import type { App } from '../../plugins/types.ts';

const tags = ['hiring'];
const itemParams = z.object({ id: z.string().uuid(), itemId: z.string().uuid() });

export default async function hiringRoutes(app: App) {
  app.post(
    '/api/positions',
    {
      config: { permission: 'hiring:manage' },
      schema: {
        tags,
        summary: 'Open a position at a location where the caller manages hiring, for a role their own roles cover (else 403)',
        body: positionInputSchema,
        response: { 201: positionSchema },
      },
    },
    async (request, reply) => {
      const p = await createPosition(request.ctx, request.body);
      setEtag(reply, p.version);
      return reply.code(201).send(p);
    },
  );

  app.get(
    '/api/positions',
    {
      config: { permission: 'hiring:read' },
      schema: {
        tags,
        summary: 'Positions newest first with applicant counts per stage: open and on hold by default; by status and location',
        querystring: positionQuerySchema,
        response: { 200: listOf(positionSchema) },
      },
    },
    async (request) => listPositions(request.ctx, request.query),
  );

  app.get(
    '/api/positions/:id',
    {
      config: { permission: 'hiring:read' },
      schema: { tags, summary: 'One position (the ETag is its version)', params: idParams, response: { 200: positionSchema } },
    },
    async (request, reply) => {
      const p = await getPosition(request.ctx, request.params.id);
      setEtag(reply, p.version);
      return p;
    },
  );

  app.patch(
    '/api/positions/:id',
    {
      config: { permission: 'hiring:manage', ifMatch: true },
      schema: {
        tags,
        summary: 'Edit a position (needs If-Match): openings (filled follows the hires), status open/on hold/closed, manager, text',
        params: idParams,
        body: positionPatchSchema,
        response: { 200: positionSchema },
      },
    },
    async (request, reply) => {
      const p = await updatePosition(request.ctx, request.params.id, request.body, requireIfMatch(request));
      setEtag(reply, p.version);
      return p;
    },
  );

  app.post(
    '/api/applicants',
    {
      config: { permission: 'hiring:manage', errors: ['CONFLICT'] },
      schema: {
        tags,
        summary: 'Record an applicant for an open (or held) position; they start at applied',
        body: applicantInputSchema,
        response: { 201: applicantDetailSchema },
      },
    },
    async (request, reply) => {
      const a = await createApplicant(request.ctx, request.body);
      setEtag(reply, a.version);
      return reply.code(201).send(a);
    },
  );

  app.get(
    '/api/applicants',
    {
      config: { permission: 'hiring:read' },
      schema: {
        tags,
        summary: 'Applicants newest first (HR data: managers only): by position, stage, location, name or email',
        querystring: applicantQuerySchema,
        response: { 200: listOf(applicantSchema) },
      },
    },
    async (request) => listApplicants(request.ctx, request.query),
  );

  app.get(
    '/api/applicants/:id',
    {
      config: { permission: 'hiring:read' },
      schema: {
        tags,
        summary: 'One applicant with every stage move (who, when, note) and the stages they may move to',
        params: idParams,
        response: { 200: applicantDetailSchema },
      },
    },
    async (request, reply) => {
      const a = await getApplicant(request.ctx, request.params.id);
      setEtag(reply, a.version);
      return a;
    },
  );

  app.patch(
    '/api/applicants/:id',
    {
      config: { permission: 'hiring:manage', ifMatch: true, errors: ['CONFLICT'] },
      schema: {
        tags,
        summary: 'Edit an applicant (needs If-Match): contact details, source, notes, another position, the interview time',
        params: idParams,
        body: applicantPatchSchema,
        response: { 200: applicantDetailSchema },
      },
    },
    async (request, reply) => {
      const a = await updateApplicant(request.ctx, request.params.id, request.body, requireIfMatch(request));
      setEtag(reply, a.version);
      return a;
    },
  );

  app.post(
    '/api/applicants/:id/stage',
    {
      config: { permission: 'hiring:manage', errors: ['ILLEGAL_TRANSITION', 'CONFLICT'] },
      schema: {
        tags,
        summary:
          'Move an applicant: applied → screening → interview → offer → hired, or rejected/withdrawn with a reason (409 ILLEGAL_TRANSITION otherwise); hired opens the onboarding',
        params: idParams,
        body: stageInputSchema,
        response: { 200: applicantDetailSchema },
      },
    },
    async (request, reply) => {
      const a = await moveApplicant(request.ctx, request.params.id, request.body);
      setEtag(reply, a.version);
      return a;
    },
  );

  app.get(
    '/api/onboardings',
    {
      config: { permission: 'hiring:read' },
      schema: {
        tags,
        summary: 'Onboardings newest hire first with their checklists: open (the default), complete or all; by location',
        querystring: onboardingQuerySchema,
        response: { 200: listOf(onboardingSchema) },
      },
    },
    async (request) => listOnboardings(request.ctx, request.query),
  );

  app.get(
    '/api/onboardings/:id',
    {
      config: { permission: 'hiring:read' },
      schema: {
        tags,
        summary: "One onboarding: the system's steps (account, role, training set, profile) and the practice's own items",
        params: idParams,
        response: { 200: onboardingSchema },
      },
    },
    async (request) => getOnboarding(request.ctx, request.params.id),
  );

  app.post(
    '/api/onboardings/:id/items',
    {
      config: { permission: 'hiring:manage', errors: ['ALREADY_EXISTS'] },
      schema: {
        tags,
        summary: "Add an item of the practice's own to this onboarding's checklist",
        params: idParams,
        body: onboardingItemInputSchema,
        response: { 201: onboardingSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await addOnboardingItem(request.ctx, request.params.id, request.body.label)),
  );

  app.patch(
    '/api/onboardings/:id/items/:itemId',
    {
      config: { permission: 'hiring:manage' },
      schema: {
        tags,
        summary: 'Tick (who and when recorded) or untick a checklist item',
        params: itemParams,
        body: onboardingItemPatchSchema,
        response: { 200: onboardingSchema },
      },
    },
    async (request) => tickOnboardingItem(request.ctx, request.params.id, request.params.itemId, request.body.done),
  );

  app.post(
    '/api/onboardings/:id/account',
    {
      config: { permission: 'hiring:manage', errors: ['CONFLICT', 'ALREADY_EXISTS'] },
      schema: {
        tags,
        summary:
          "Create the hire's account: invited with the position's role at its location only (403 beyond the caller's own roles), the training set assigned, the staff profile filled; once (409 after)",
        params: idParams,
        response: { 201: onboardingAccountSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createOnboardingAccount(request.ctx, request.params.id)),
  );
}
