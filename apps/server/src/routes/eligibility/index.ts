/**
 * Eligibility (270/271): build the inquiry for a patient's coverage, import the payer's answer
 * (raw X12, `application/edi-x12`), and read a coverage's latest answer (the coverage panel).
 */
import {
  coverageEligibilitySchema,
  createEligibilityRequest,
  eligibilityImportSchema,
  eligibilityRequestInputSchema,
  eligibilityRequestSchema,
  getCoverageEligibility,
  importEligibilityResponse,
} from '@domain/eligibility/index.ts';
import { AppError } from '@domain/shared/errors.ts';
import { z } from 'zod';
import type { App } from '../../plugins/types.ts';

const tags = ['eligibility'];
const X12_TYPE = 'application/edi-x12';
const X12_BODY_LIMIT = 5 * 1024 * 1024;
const coverageParams = z.object({ id: z.string().uuid(), coverageId: z.string().uuid() });

export default async function eligibilityRoutes(app: App) {
  // Other X12 imports register the same parser: add it only where none is inherited.
  if (!app.hasContentTypeParser(X12_TYPE))
    app.addContentTypeParser(X12_TYPE, { parseAs: 'string', bodyLimit: X12_BODY_LIMIT }, (_request, body, done) => done(null, body));

  app.post(
    '/api/patients/:id/coverages/:coverageId/eligibility-requests',
    {
      config: { permission: 'eligibility:check', errors: ['CONFLICT'] },
      schema: {
        tags,
        summary:
          "Build the 270 eligibility inquiry for a patient's coverage (control numbers from the practice counter; answered with its X12 text). A payer without an EDI id, or no location with a billing NPI: 409",
        params: coverageParams,
        body: eligibilityRequestInputSchema.optional(),
        response: { 201: eligibilityRequestSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createEligibilityRequest(request.ctx, request.params.id, request.params.coverageId, request.body ?? {})),
  );

  app.get(
    '/api/patients/:id/coverages/:coverageId/eligibility',
    {
      config: { permission: 'eligibility:check' },
      schema: {
        tags,
        summary:
          "A coverage's latest eligibility answer (status, copay, coinsurance, deductible and remaining amounts, date) and newest inquiry",
        params: coverageParams,
        response: { 200: coverageEligibilitySchema },
      },
    },
    async (request) => getCoverageEligibility(request.ctx, request.params.id, request.params.coverageId),
  );

  app.post(
    '/api/eligibility-responses',
    {
      config: { permission: 'eligibility:check', errors: ['CONFLICT'] },
      bodyLimit: X12_BODY_LIMIT,
      schema: {
        tags,
        summary:
          "Import a payer's 271 (raw X12, application/edi-x12), matched to our inquiries by TRN trace number. Malformed: 400 naming the segment; a trace we never sent: 409; nothing stored either way. The same answer again is not stored twice (alreadyImported)",
        consumes: [X12_TYPE],
        body: z.any().describe('the 271 X12 text'),
        response: { 201: eligibilityImportSchema },
      },
    },
    async (request, reply) => {
      if (typeof request.body !== 'string' || request.headers['content-type']?.split(';')[0]?.trim() !== X12_TYPE)
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', `send the 271 file itself as the body, with Content-Type ${X12_TYPE}`);
      return reply.code(201).send({ results: await importEligibilityResponse(request.ctx, request.body) });
    },
  );
}
