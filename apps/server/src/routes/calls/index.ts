/** The call log: log a call (the caller matched by phone), look a number up, the lists, "who called while I was out", outcomes. */
import {
  callerCandidateSchema,
  callerQuerySchema,
  callInputSchema,
  callPatchSchema,
  callQuerySchema,
  callSchema,
  findCaller,
  getCall,
  listCalls,
  logCall,
  loggedCallSchema,
  updateCall,
  waitingCalls,
  waitingCallsSchema,
} from '@domain/calls/index.ts';
import { z } from 'zod';
import { requireIfMatch, setEtag } from '../../plugins/etag.ts';
import { idParams, listOf } from '../../plugins/http-schemas.ts';
import type { App } from '../../plugins/types.ts';

const tags = ['calls'];

export default async function callsRoutes(app: App) {
  app.post(
    '/api/calls',
    {
      config: { permission: 'call:write' },
      schema: {
        tags,
        summary:
          'Log a phone call; without patientId the caller is matched by phone (one match fills it, several come back as candidates); followUp makes a task',
        body: callInputSchema,
        response: { 201: loggedCallSchema },
      },
    },
    async (request, reply) => {
      const call = await logCall(request.ctx, request.body);
      setEtag(reply, call.version);
      return reply.code(201).send(call);
    },
  );

  app.get(
    '/api/calls',
    {
      config: { permission: 'call:read' },
      schema: {
        tags,
        summary: 'The call log, newest first: by patient, follow-ups waiting, unanswered, location, whose follow-up',
        querystring: callQuerySchema,
        response: { 200: listOf(callSchema) },
      },
    },
    async (request) => listCalls(request.ctx, request.query),
  );

  app.get(
    '/api/calls/caller',
    {
      config: { permission: 'call:write' },
      schema: {
        tags,
        summary: 'Who is calling: the patients one of whose phones is this number (restricted records only for those who may open them)',
        querystring: callerQuerySchema,
        response: { 200: z.object({ phone: z.string(), candidates: z.array(callerCandidateSchema) }) },
      },
    },
    async (request) => findCaller(request.ctx, request.query.phone),
  );

  app.get(
    '/api/calls/waiting',
    {
      config: { permission: 'call:read' },
      schema: {
        tags,
        summary: '"Who called while I was out": open follow-ups and unanswered calls per user and per location',
        response: { 200: waitingCallsSchema },
      },
    },
    async (request) => waitingCalls(request.ctx),
  );

  app.get(
    '/api/calls/:id',
    {
      config: { permission: 'call:read' },
      schema: { tags, summary: 'One call with its note (the ETag is its version)', params: idParams, response: { 200: callSchema } },
    },
    async (request, reply) => {
      const call = await getCall(request.ctx, request.params.id);
      setEtag(reply, call.version);
      return call;
    },
  );

  app.patch(
    '/api/calls/:id',
    {
      config: { permission: 'call:write', ifMatch: true },
      schema: {
        tags,
        summary: "Record a call's outcome, note, the patient picked, whose follow-up it is, the follow-up done (needs If-Match)",
        params: idParams,
        body: callPatchSchema,
        response: { 200: callSchema },
      },
    },
    async (request, reply) => {
      const call = await updateCall(request.ctx, request.params.id, request.body, requireIfMatch(request));
      setEtag(reply, call.version);
      return call;
    },
  );
}
