import {
  careTeamInputSchema,
  careTeamMemberSchema,
  createPatient,
  duplicateCandidateSchema,
  getCareTeam,
  getPatient,
  mergeInputSchema,
  mergePatients,
  patientInputSchema,
  patientPatchSchema,
  patientSchema,
  patientSummarySchema,
  searchPatients,
  setCareTeam,
  updatePatient,
} from '@domain/patients/index.ts';
import { z } from 'zod';
import { requireIfMatch, setEtag } from '../../plugins/etag.ts';
import { idParams, listOf, problemWith } from '../../plugins/http-schemas.ts';
import type { App } from '../../plugins/types.ts';

export default async function patientRoutes(app: App) {
  app.get(
    '/api/patients',
    {
      config: { permission: 'patient:read', expensive: 'search' },
      schema: {
        tags: ['patients'],
        summary: 'Search patients: names in any order and by prefix, typos, birth date (1980-03-07, 03/07/1980, 3/7/80), phone digits, MRN',
        querystring: z.strictObject({
          q: z.string().max(200).optional(),
          limit: z.coerce.number().int().min(1).max(100).default(25),
          cursor: z.string().max(500).optional(),
          includeInactive: z.enum(['true', 'false']).optional(),
        }),
        response: {
          200: listOf(patientSummarySchema).extend({
            truncated: z
              .boolean()
              .describe(
                'More patients matched than one search ranks: these are the best of those it read; a narrower search finds the rest',
              ),
          }),
        },
      },
    },
    async (request) =>
      searchPatients(request.ctx, {
        q: request.query.q,
        limit: request.query.limit,
        cursor: request.query.cursor,
        includeInactive: request.query.includeInactive === 'true',
      }),
  );

  app.post(
    '/api/patients',
    {
      config: { permission: 'patient:write', errors: ['ALREADY_EXISTS', 'POSSIBLE_DUPLICATE'] },
      schema: {
        tags: ['patients'],
        summary: 'Register a patient (409 POSSIBLE_DUPLICATE with candidates unless confirmNotDuplicate)',
        body: patientInputSchema,
        response: { 201: patientSchema, 409: problemWith({ candidates: z.array(duplicateCandidateSchema).optional() }) },
      },
    },
    async (request, reply) => {
      const patient = await createPatient(request.ctx, request.body);
      setEtag(reply, patient.version);
      return reply.code(201).header('location', `/api/patients/${patient.id}`).send(patient);
    },
  );

  app.post(
    '/api/patients/merge',
    {
      config: { permission: 'patient:merge', errors: ['CONFLICT'] },
      schema: {
        tags: ['patients'],
        summary: 'Merge a duplicate into the surviving record (the merged one stays as a tombstone)',
        body: mergeInputSchema,
        response: { 200: patientSchema },
      },
    },
    async (request, reply) => {
      const survivor = await mergePatients(request.ctx, request.body);
      setEtag(reply, survivor.version);
      return survivor;
    },
  );

  app.get(
    '/api/patients/:id',
    {
      config: { permission: 'patient:read' },
      schema: {
        tags: ['patients'],
        summary: 'One patient (a merged record answers with mergedIntoId)',
        params: idParams,
        response: { 200: patientSchema },
      },
    },
    async (request, reply) => {
      const patient = await getPatient(request.ctx, request.params.id);
      setEtag(reply, patient.version);
      return patient;
    },
  );

  app.patch(
    '/api/patients/:id',
    {
      config: { permission: 'patient:write', ifMatch: true, errors: ['CONFLICT'] },
      schema: {
        tags: ['patients'],
        summary: 'Edit demographics (needs If-Match; 412 carries the current record and the last change)',
        params: idParams,
        body: patientPatchSchema,
        response: { 200: patientSchema },
      },
    },
    async (request, reply) => {
      const patient = await updatePatient(request.ctx, request.params.id, request.body, requireIfMatch(request));
      setEtag(reply, patient.version);
      return patient;
    },
  );

  app.get(
    '/api/patients/:id/care-team',
    {
      config: { permission: 'patient:read' },
      schema: {
        tags: ['patients'],
        summary: "Who may open the record while it is restricted: listed members and the primary provider's linked users",
        params: idParams,
        response: { 200: listOf(careTeamMemberSchema) },
      },
    },
    async (request) => getCareTeam(request.ctx, request.params.id),
  );

  app.put(
    '/api/patients/:id/care-team',
    {
      config: { permission: 'patient:write', errors: ['CONFLICT'] },
      schema: {
        tags: ['patients'],
        summary: 'Replace the listed care team (active staff of this practice; not under break-glass)',
        params: idParams,
        body: careTeamInputSchema,
        response: { 200: listOf(careTeamMemberSchema) },
      },
    },
    async (request) => setCareTeam(request.ctx, request.params.id, request.body),
  );
}
