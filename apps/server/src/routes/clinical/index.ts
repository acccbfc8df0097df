/** The chart's clinical lists under /api/patients/{id}/...: problems, allergies, medications, prescriptions (thin routes). */
import {
  addAllergy,
  addMedication,
  addProblem,
  allergyInputSchema,
  allergyListSchema,
  allergyPatchSchema,
  allergySchema,
  createPrescription,
  listAllergies,
  listMedications,
  listPrescriptions,
  listProblems,
  medicationInputSchema,
  medicationPatchSchema,
  medicationSchema,
  prescriptionCreatedSchema,
  prescriptionInputSchema,
  prescriptionSchema,
  printPrescription,
  problemInputSchema,
  problemPatchSchema,
  problemSchema,
  recordNoKnownAllergies,
  updateAllergy,
  updateMedication,
  updateProblem,
} from '@domain/clinical/index.ts';
import { z } from 'zod';
import { requireIfMatch, setEtag } from '../../plugins/etag.ts';
import { idParams, listOf } from '../../plugins/http-schemas.ts';
import type { App } from '../../plugins/types.ts';

const tags = ['clinical'];
const itemParams = (name: string) => z.object({ id: z.string().uuid(), [name]: z.string().uuid() });

export default async function clinicalRoutes(app: App) {
  // Problems ------------------------------------------------------------------------------
  app.get(
    '/api/patients/:id/problems',
    {
      config: { permission: 'note:read' },
      schema: {
        tags,
        summary: "A patient's problem list, active problems first",
        params: idParams,
        response: { 200: listOf(problemSchema) },
      },
    },
    async (request) => ({ items: await listProblems(request.ctx, request.params.id), nextCursor: null }),
  );

  app.post(
    '/api/patients/:id/problems',
    {
      config: { permission: 'note:write', errors: ['CONFLICT'] },
      schema: {
        tags,
        summary: 'Add an ICD-10-CM coded problem (unknown codes answer 400 naming `code`; the description defaults to the code’s)',
        params: idParams,
        body: problemInputSchema,
        response: { 201: problemSchema },
      },
    },
    async (request, reply) => {
      const problem = await addProblem(request.ctx, request.params.id, request.body);
      setEtag(reply, problem.version);
      return reply.code(201).send(problem);
    },
  );

  app.patch(
    '/api/patients/:id/problems/:problemId',
    {
      config: { permission: 'note:write', ifMatch: true, errors: ['CONFLICT'] },
      schema: {
        tags,
        summary: 'Edit a problem, resolve it (status: resolved) or reactivate it (status: active); needs If-Match',
        params: itemParams('problemId'),
        body: problemPatchSchema,
        response: { 200: problemSchema },
      },
    },
    async (request, reply) => {
      const { id, problemId } = request.params as { id: string; problemId: string };
      const problem = await updateProblem(request.ctx, id, problemId, request.body, requireIfMatch(request));
      setEtag(reply, problem.version);
      return problem;
    },
  );

  // Allergies -----------------------------------------------------------------------------
  app.get(
    '/api/patients/:id/allergies',
    {
      config: { permission: 'note:read' },
      schema: {
        tags,
        summary:
          "A patient's allergies and allergy status: unknown (never asked), nka (no known allergies, recorded by whom and when) or has_allergies",
        params: idParams,
        response: { 200: allergyListSchema },
      },
    },
    async (request) => listAllergies(request.ctx, request.params.id),
  );

  app.post(
    '/api/patients/:id/allergies',
    {
      config: { permission: 'note:write', errors: ['CONFLICT'] },
      schema: {
        tags,
        summary: 'Record an allergy (an active one ends a "no known allergies" statement)',
        params: idParams,
        body: allergyInputSchema,
        response: { 201: allergySchema },
      },
    },
    async (request, reply) => {
      const allergy = await addAllergy(request.ctx, request.params.id, request.body);
      setEtag(reply, allergy.version);
      return reply.code(201).send(allergy);
    },
  );

  app.post(
    '/api/patients/:id/allergies/no-known-allergies',
    {
      config: { permission: 'note:write', errors: ['CONFLICT'] },
      schema: {
        tags,
        summary: 'Record "no known allergies" (dated, by the signed-in user); 409 while an allergy is active',
        params: idParams,
        body: z.strictObject({}).optional(),
        response: { 200: allergyListSchema },
      },
    },
    async (request) => recordNoKnownAllergies(request.ctx, request.params.id),
  );

  app.patch(
    '/api/patients/:id/allergies/:allergyId',
    {
      config: { permission: 'note:write', ifMatch: true, errors: ['CONFLICT'] },
      schema: {
        tags,
        summary: 'Edit an allergy or mark it inactive (status: inactive); needs If-Match',
        params: itemParams('allergyId'),
        body: allergyPatchSchema,
        response: { 200: allergySchema },
      },
    },
    async (request, reply) => {
      const { id, allergyId } = request.params as { id: string; allergyId: string };
      const allergy = await updateAllergy(request.ctx, id, allergyId, request.body, requireIfMatch(request));
      setEtag(reply, allergy.version);
      return allergy;
    },
  );

  // Medications ---------------------------------------------------------------------------
  app.get(
    '/api/patients/:id/medications',
    {
      config: { permission: 'note:read' },
      schema: { tags, summary: "A patient's medications, active first", params: idParams, response: { 200: listOf(medicationSchema) } },
    },
    async (request) => ({ items: await listMedications(request.ctx, request.params.id), nextCursor: null }),
  );

  app.post(
    '/api/patients/:id/medications',
    {
      config: { permission: 'note:write', errors: ['CONFLICT'] },
      schema: {
        tags,
        summary: 'Add a medication (prescriber: a provider of the practice, or an outside prescriber by name)',
        params: idParams,
        body: medicationInputSchema,
        response: { 201: medicationSchema },
      },
    },
    async (request, reply) => {
      const medication = await addMedication(request.ctx, request.params.id, request.body);
      setEtag(reply, medication.version);
      return reply.code(201).send(medication);
    },
  );

  app.patch(
    '/api/patients/:id/medications/:medicationId',
    {
      config: { permission: 'note:write', ifMatch: true, errors: ['CONFLICT'] },
      schema: {
        tags,
        summary: 'Edit a medication or stop it (status: stopped, today unless stopDate); needs If-Match',
        params: itemParams('medicationId'),
        body: medicationPatchSchema,
        response: { 200: medicationSchema },
      },
    },
    async (request, reply) => {
      const { id, medicationId } = request.params as { id: string; medicationId: string };
      const medication = await updateMedication(request.ctx, id, medicationId, request.body, requireIfMatch(request));
      setEtag(reply, medication.version);
      return medication;
    },
  );

  // Prescriptions -------------------------------------------------------------------------
  app.get(
    '/api/patients/:id/prescriptions',
    {
      config: { permission: 'note:read' },
      schema: { tags, summary: "A patient's prescriptions, newest first", params: idParams, response: { 200: listOf(prescriptionSchema) } },
    },
    async (request) => ({ items: await listPrescriptions(request.ctx, request.params.id), nextCursor: null }),
  );

  app.post(
    '/api/patients/:id/prescriptions',
    {
      config: { permission: 'prescription:write', errors: ['CONFLICT'] },
      schema: {
        tags,
        summary:
          'Record a prescription (clinicians); adds an active medication, or renews the one named by medicationId. Printed, never transmitted.',
        params: idParams,
        body: prescriptionInputSchema,
        response: { 201: prescriptionCreatedSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createPrescription(request.ctx, request.params.id, request.body)),
  );

  app.get(
    '/api/patients/:id/prescriptions/:prescriptionId.pdf',
    {
      config: { permission: 'prescription:write', expensive: 'report' },
      schema: {
        tags,
        summary:
          'A prescription as a PDF to sign: letterhead, patient, drug, sig, quantity in words, refills, DAW, prescriber NPI and DEA, signature line',
        params: itemParams('prescriptionId'),
        querystring: z.strictObject({ locationId: z.string().uuid().optional() }),
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const { id, prescriptionId } = request.params as { id: string; prescriptionId: string };
      const pdf = await printPrescription(request.ctx, id, prescriptionId, request.query);
      return reply
        .type('application/pdf')
        .header('cache-control', 'no-store')
        .header('content-disposition', `inline; filename="prescription-${prescriptionId.slice(0, 8)}.pdf"`)
        .send(pdf);
    },
  );
}
