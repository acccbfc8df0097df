/** Encounters: notes, vitals, coding, signing and co-signing, addenda, superbills; note templates and quick texts. */
import {
  addAddendum,
  addendumInputSchema,
  addendumSchema,
  cosignEncounter,
  createEncounter,
  createEncounterSchema,
  createNoteTemplate,
  createQuickText,
  encounterListQuerySchema,
  encounterPatchSchema,
  encounterSchema,
  encounterSummarySchema,
  getEncounter,
  listEncounters,
  listNoteTemplates,
  listPatientEncounters,
  listQuickTexts,
  noteTemplateInputSchema,
  noteTemplatePatchSchema,
  noteTemplateSchema,
  printSuperbill,
  quickTextInputSchema,
  quickTextPatchSchema,
  quickTextSchema,
  signatureSchema,
  signEncounter,
  signInputSchema,
  timelineQuerySchema,
  updateEncounter,
  updateNoteTemplate,
  updateQuickText,
} from '@domain/encounters/index.ts';
import { z } from 'zod';
import { requireIfMatch, setEtag } from '../../plugins/etag.ts';
import { idParams, listOf, problemWith } from '../../plugins/http-schemas.ts';
import type { App } from '../../plugins/types.ts';

const tags = ['encounters'];

export default async function encounterRoutes(app: App) {
  app.post(
    '/api/encounters',
    {
      config: { permission: 'note:write', errors: ['ALREADY_EXISTS', 'CONFLICT'] },
      schema: {
        tags,
        summary:
          "Open an encounter: from an appointment once the patient has checked in (409 ALREADY_EXISTS with `encounterId` when the visit has one), or ad hoc (dated today on the location's clock)",
        body: createEncounterSchema,
        response: { 201: encounterSchema, 409: problemWith({ encounterId: z.string().uuid().optional() }) },
      },
    },
    async (request, reply) => {
      const encounter = await createEncounter(request.ctx, request.body);
      setEtag(reply, encounter.version);
      return reply.code(201).header('location', `/api/encounters/${encounter.id}`).send(encounter);
    },
  );

  app.get(
    '/api/encounters',
    {
      config: { permission: 'note:read' },
      schema: {
        tags,
        summary: "Encounters by appointment, patient, provider and status, newest first (a visit's encounter, a provider's unsigned notes)",
        querystring: encounterListQuerySchema,
        response: { 200: listOf(encounterSummarySchema) },
      },
    },
    async (request) => listEncounters(request.ctx, request.query),
  );

  app.get(
    '/api/patients/:id/encounters',
    {
      config: { permission: 'note:read' },
      schema: {
        tags,
        summary: "A patient's encounter timeline, newest first, with signature state and addenda count",
        params: idParams,
        querystring: timelineQuerySchema,
        response: { 200: listOf(encounterSummarySchema) },
      },
    },
    async (request) => listPatientEncounters(request.ctx, request.params.id, request.query),
  );

  app.get(
    '/api/encounters/:id',
    {
      config: { permission: 'note:read' },
      schema: {
        tags,
        summary: 'One encounter: note, vitals (with BMI), codes, follow-up, signature, addenda',
        params: idParams,
        response: { 200: encounterSchema },
      },
    },
    async (request, reply) => {
      const encounter = await getEncounter(request.ctx, request.params.id);
      setEtag(reply, encounter.version);
      return encounter;
    },
  );

  app.patch(
    '/api/encounters/:id',
    {
      config: { permission: 'note:write', ifMatch: true, errors: ['NOTE_SIGNED'] },
      schema: {
        tags,
        summary:
          'Save the draft (autosave): any of note, vitals, diagnoses, procedures, followUp (needs If-Match; 412 carries `current`; 409 NOTE_SIGNED once signed)',
        params: idParams,
        body: encounterPatchSchema,
        response: { 200: encounterSchema },
      },
    },
    async (request, reply) => {
      const encounter = await updateEncounter(request.ctx, request.params.id, request.body, requireIfMatch(request));
      setEtag(reply, encounter.version);
      return encounter;
    },
  );

  app.post(
    '/api/encounters/:id/sign',
    {
      config: { permission: 'note:sign', errors: ['INVALID_CREDENTIALS', 'NOTE_SIGNED', 'RATE_LIMITED'] },
      schema: {
        tags,
        summary:
          "The rendering provider signs the note with their password or an authenticator code (401 when wrong; counts toward the sign-in lockout). A supervised provider's note then awaits co-signature",
        params: idParams,
        body: signInputSchema,
        response: { 200: signatureSchema },
      },
    },
    async (request, reply) => {
      const signature = await signEncounter(request.ctx, request.params.id, request.body);
      setEtag(reply, signature.version);
      return signature;
    },
  );

  app.post(
    '/api/encounters/:id/cosign',
    {
      config: { permission: 'note:sign', errors: ['INVALID_CREDENTIALS', 'CONFLICT', 'RATE_LIMITED'] },
      schema: {
        tags,
        summary: "The supervising provider co-signs a supervised provider's signed note (password or authenticator code)",
        params: idParams,
        body: signInputSchema,
        response: { 200: signatureSchema },
      },
    },
    async (request, reply) => {
      const signature = await cosignEncounter(request.ctx, request.params.id, request.body);
      setEtag(reply, signature.version);
      return signature;
    },
  );

  app.post(
    '/api/encounters/:id/addenda',
    {
      config: { permission: 'note:write', errors: ['CONFLICT'] },
      schema: {
        tags,
        summary: 'Append an addendum to a signed note (signed by its author and timestamped; the note stays as signed)',
        params: idParams,
        body: addendumInputSchema,
        response: { 201: addendumSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await addAddendum(request.ctx, request.params.id, request.body)),
  );

  app.get(
    '/api/encounters/:id/superbill.pdf',
    {
      config: { permission: 'note:read', expensive: 'report' },
      schema: {
        tags,
        summary: "The encounter's superbill: diagnoses, procedures with modifiers, units, pointers, default fees and total (PDF)",
        params: idParams,
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const pdf = await printSuperbill(request.ctx, request.params.id);
      return reply
        .type('application/pdf')
        .header('cache-control', 'no-store')
        .header('content-disposition', `inline; filename="superbill-${request.params.id}.pdf"`)
        .send(pdf);
    },
  );

  app.get(
    '/api/note-templates',
    {
      config: { permission: 'org:read' },
      schema: {
        tags,
        summary: "The practice's note templates (with appointmentTypeId: that type's and those for any visit). For the note editor",
        querystring: z.strictObject({
          appointmentTypeId: z.string().uuid().optional(),
          includeInactive: z.enum(['true', 'false']).optional(),
        }),
        response: { 200: listOf(noteTemplateSchema) },
      },
    },
    async (request) => ({
      items: await listNoteTemplates(request.ctx, {
        appointmentTypeId: request.query.appointmentTypeId,
        includeInactive: request.query.includeInactive === 'true',
      }),
      nextCursor: null,
    }),
  );

  app.post(
    '/api/note-templates',
    {
      config: { permission: 'template:manage', errors: ['ALREADY_EXISTS'] },
      schema: { tags, summary: 'Add a note template', body: noteTemplateInputSchema, response: { 201: noteTemplateSchema } },
    },
    async (request, reply) => {
      const template = await createNoteTemplate(request.ctx, request.body);
      setEtag(reply, template.version);
      return reply.code(201).send(template);
    },
  );

  app.patch(
    '/api/note-templates/:id',
    {
      config: { permission: 'template:manage', ifMatch: true, errors: ['ALREADY_EXISTS'] },
      schema: {
        tags,
        summary: 'Edit or retire a note template (needs If-Match)',
        params: idParams,
        body: noteTemplatePatchSchema,
        response: { 200: noteTemplateSchema },
      },
    },
    async (request, reply) => {
      const template = await updateNoteTemplate(request.ctx, request.params.id, request.body, requireIfMatch(request));
      setEtag(reply, template.version);
      return template;
    },
  );

  app.get(
    '/api/quick-texts',
    {
      config: { permission: 'org:read' },
      schema: {
        tags,
        summary: "The practice's quick texts (`.normalexam` expands to its text). For the note editor",
        querystring: z.strictObject({ includeInactive: z.enum(['true', 'false']).optional() }),
        response: { 200: listOf(quickTextSchema) },
      },
    },
    async (request) => ({
      items: await listQuickTexts(request.ctx, { includeInactive: request.query.includeInactive === 'true' }),
      nextCursor: null,
    }),
  );

  app.post(
    '/api/quick-texts',
    {
      config: { permission: 'template:manage', errors: ['ALREADY_EXISTS'] },
      schema: { tags, summary: 'Add a quick text', body: quickTextInputSchema, response: { 201: quickTextSchema } },
    },
    async (request, reply) => {
      const quickText = await createQuickText(request.ctx, request.body);
      setEtag(reply, quickText.version);
      return reply.code(201).send(quickText);
    },
  );

  app.patch(
    '/api/quick-texts/:id',
    {
      config: { permission: 'template:manage', ifMatch: true, errors: ['ALREADY_EXISTS'] },
      schema: {
        tags,
        summary: 'Edit or retire a quick text (needs If-Match)',
        params: idParams,
        body: quickTextPatchSchema,
        response: { 200: quickTextSchema },
      },
    },
    async (request, reply) => {
      const quickText = await updateQuickText(request.ctx, request.params.id, request.body, requireIfMatch(request));
      setEtag(reply, quickText.version);
      return quickText;
    },
  );
}
