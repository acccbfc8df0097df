/**
 * Claims: built from an encounter's approved charges, scrubbed (warnings overridden with a
 * reason), listed by state with their timeline, and submitted in 837P batches (written to the
 * outbox folder after commit, downloadable as X12).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  appealLetterQuerySchema,
  claimBatchInputSchema,
  claimReplaceInputSchema,
  claimWriteOffInputSchema,
  printAppealLetter,
  replaceClaim,
  voidClaim,
  writeOffClaim,
  claimBatchQuerySchema,
  claimBatchSchema,
  claimBatchX12,
  claimCandidateSchema,
  claimInputSchema,
  claimOverrideInputSchema,
  claimOverrideSchema,
  claimQuerySchema,
  claimSchema,
  claimSummarySchema,
  createClaim,
  createClaimBatch,
  getClaim,
  listClaimBatches,
  listClaimCandidates,
  listClaims,
  overrideWarning,
  printCms1500,
  recordBatchOutbox,
  scrubClaim,
  scrubResultSchema,
  uploadName,
} from '@domain/claims/index.ts';
import { z } from 'zod';
import { idParams, listOf } from '../../plugins/http-schemas.ts';
import type { App } from '../../plugins/types.ts';
import { claimAction } from './claim-action.ts';

const tags = ['claims'];

export default async function claimsRoutes(app: App) {
  app.get(
    '/api/claims',
    {
      config: { permission: 'claim:read' },
      schema: {
        tags,
        summary: 'Claims, newest first, by status, payer and patient (restricted patients only for those who may open them)',
        querystring: claimQuerySchema,
        response: { 200: listOf(claimSummarySchema) },
      },
    },
    async (request) => listClaims(request.ctx, request.query),
  );

  app.get(
    '/api/claims/candidates',
    {
      config: { permission: 'claim:submit' },
      schema: {
        tags,
        summary:
          'Signed encounters ready to claim and no claim yet (every charge approved or void, a primary coverage in force on the date of service; newest first, at most 100)',
        response: { 200: listOf(claimCandidateSchema) },
      },
    },
    async (request) => listClaimCandidates(request.ctx),
  );

  app.post(
    '/api/claims',
    {
      config: { permission: 'claim:submit', errors: ['CONFLICT'] },
      schema: {
        tags,
        summary:
          "Build a draft claim from an encounter's approved charges for a coverage (default: the primary coverage in force on the date of service). A charge still in review or needing a price (409 naming each: a claim bills every line not voided), a second claim for the encounter and coverage, or no approved charges: 409",
        body: claimInputSchema,
        response: { 201: claimSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createClaim(request.ctx, request.body)),
  );

  app.get(
    '/api/claims/:id',
    {
      config: { permission: 'claim:read' },
      schema: {
        tags,
        summary: 'A claim: what it bills, its timeline, the latest scrub and overrides, and what has been paid',
        params: idParams,
        response: { 200: claimSchema },
      },
    },
    async (request) => getClaim(request.ctx, request.params.id),
  );

  app.get(
    '/api/claims/:id/cms1500.pdf',
    {
      config: { permission: 'claim:read', expensive: 'report' },
      schema: {
        tags,
        summary:
          'The claim on the CMS-1500 (02/12) paper form (PDF; audited as a print). form=data-only prints the data alone, for pre-printed forms',
        params: idParams,
        querystring: z.strictObject({ form: z.enum(['full', 'data-only']).optional() }),
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const pdf = await printCms1500(request.ctx, request.params.id, { form: request.query.form !== 'data-only' });
      return reply
        .type('application/pdf')
        .header('cache-control', 'no-store')
        .header('content-disposition', `inline; filename="cms1500-${request.params.id}.pdf"`)
        .send(pdf);
    },
  );

  app.post(
    '/api/claims/:id/scrub',
    {
      config: { permission: 'claim:submit', errors: ['ILLEGAL_TRANSITION'] },
      schema: {
        tags,
        summary:
          'Run the scrubber on a draft or ready claim: no errors and every warning overridden makes it ready, otherwise it is (back to) draft. A submitted claim: 409',
        params: idParams,
        response: { 200: scrubResultSchema },
      },
    },
    async (request) => scrubClaim(request.ctx, request.params.id),
  );

  app.post(
    '/api/claims/:id/overrides',
    {
      config: { permission: 'claim:submit', errors: ['CONFLICT', 'ILLEGAL_TRANSITION'] },
      schema: {
        tags,
        summary: 'Override a scrubber warning with a reason (an error cannot be overridden: 409); scrub again to make the claim ready',
        params: idParams,
        body: claimOverrideInputSchema,
        response: { 201: claimOverrideSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await overrideWarning(request.ctx, request.params.id, request.body)),
  );

  claimAction(app, 'replace', {
    permission: 'claim:submit',
    summary:
      "Correct a denied, rejected, payer_rejected, paid or partially paid claim: a new draft claim with frequency code 7, rebuilt from the visit's current approved charges, naming the payer's claim number (REF*F8: from the remittance, else `payerClaimControlNumber` is required); the original is closed with the reason. Other states, or an open replacement already: 409",
    body: claimReplaceInputSchema,
    status: 201,
    run: replaceClaim,
  });

  claimAction(app, 'void', {
    permission: 'claim:submit',
    summary:
      "Withdraw a paid, partially paid or denied claim billed in error: a new draft claim with frequency code 8 repeating the original, naming the payer's claim number (REF*F8); the original is closed with the reason. Other states: 409",
    body: claimReplaceInputSchema,
    status: 201,
    run: voidClaim,
  });

  claimAction(app, 'write-off', {
    permission: 'claim:write-off',
    summary:
      'Write off what is left of a claim the payer decided or turned down (default: total charge − paid − patient responsibility; `amountCents` up to the unpaid part) and close it with the reason. A claim the payer has not decided: 409',
    body: claimWriteOffInputSchema,
    status: 200,
    run: writeOffClaim,
  });

  app.get(
    '/api/claims/:id/appeal-letter.pdf',
    {
      config: { permission: 'claim:submit', expensive: 'report', errors: ['CONFLICT'] },
      schema: {
        tags,
        summary:
          "An appeal letter for the claim's denied lines (PDF): letterhead, payer, patient, claim and payer claim numbers, denied lines with their CARC codes, the biller's `paragraph` (query, up to 3,000 characters; default: a standard request) and a signature line. Nothing denied: 409",
        params: idParams,
        querystring: appealLetterQuerySchema,
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const pdf = await printAppealLetter(request.ctx, request.params.id, request.query.paragraph);
      return reply
        .type('application/pdf')
        .header('cache-control', 'no-store')
        .header('content-disposition', `inline; filename="appeal-letter-${request.params.id}.pdf"`)
        .send(pdf);
    },
  );

  app.get(
    '/api/claim-batches',
    {
      config: { permission: 'claim:read' },
      schema: {
        tags,
        summary: '837P batches, newest first',
        querystring: claimBatchQuerySchema,
        response: { 200: listOf(claimBatchSchema) },
      },
    },
    async (request) => listClaimBatches(request.ctx, request.query),
  );

  app.post(
    '/api/claim-batches',
    {
      config: { permission: 'claim:submit', expensive: 'report', errors: ['CONFLICT'] },
      schema: {
        tags,
        summary:
          'Submit up to 10,000 ready claims as an 837P batch (one 2000A loop per billing provider, a transaction set per 5,000 claims, control numbers from the practice counter); any claim not ready: 409 naming it, nothing changes. The file is written to the outbox folder',
        body: claimBatchInputSchema,
        response: { 201: claimBatchSchema },
      },
    },
    async (request, reply) => {
      const { x12, ...batch } = await createClaimBatch(request.ctx, request.body, { upload: app.services.config.claimsSftp !== undefined });
      // After commit: a file that cannot be written is logged and shown on the batch; the download still works.
      const dir = app.services.config.claimsOutboxDir;
      const file = path.join(dir, request.ctx.organizationId, uploadName(batch.interchangeControlNumber, batch.id));
      try {
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(file, x12, { flag: 'wx' });
        await recordBatchOutbox(request.ctx, batch.id, { path: file });
        batch.outboxPath = file;
      } catch (e) {
        const error = `could not write ${file}: ${(e as Error).message}`;
        request.log.error({ err: e, batchId: batch.id }, 'claim batch not written to the outbox');
        await recordBatchOutbox(request.ctx, batch.id, { error });
        batch.outboxError = error;
      }
      return reply.code(201).send(batch);
    },
  );

  app.get(
    '/api/claim-batches/:id/837',
    {
      config: { permission: 'claim:read' },
      schema: { tags, summary: "The batch's 837P (X12 5010) text", params: idParams, produces: ['application/edi-x12'] },
    },
    async (request, reply) => {
      const { x12, interchangeControlNumber } = await claimBatchX12(request.ctx, request.params.id);
      return reply
        .type('application/edi-x12')
        .header('content-disposition', `attachment; filename="837P-${String(interchangeControlNumber).padStart(9, '0')}.x12"`)
        .send(x12);
    },
  );
}
