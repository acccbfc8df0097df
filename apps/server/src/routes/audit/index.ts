import { auditVerificationSchema } from '@domain/audit/index.ts';
import {
  accessReportQuerySchema,
  auditEventSchema,
  auditExportQuerySchema,
  auditQuerySchema,
  breakGlassGrantSchema,
  breakGlassInputSchema,
  breakGlassOpenedSchema,
  breakGlassReportQuerySchema,
  breakGlassReviewInputSchema,
  breakGlassReviewSchema,
  exportAuditEvents,
  getAccessReport,
  listAuditEvents,
  listBreakGlassGrants,
  openBreakGlass,
  reviewBreakGlassGrant,
  verifyAuditTrail,
} from '@domain/compliance/index.ts';
import { z } from 'zod';
import { idParams, listOf, problemWith } from '../../plugins/http-schemas.ts';
import type { App } from '../../plugins/types.ts';

/** The audit trail: reports, CSV export, chain verification, patient access reports and break-glass. */
export default async function auditRoutes(app: App) {
  app.get(
    '/api/audit',
    {
      config: { permission: 'audit:read', expensive: 'search' },
      schema: {
        tags: ['audit'],
        summary: "The organization's audit trail, filtered and sorted (keyset pages)",
        querystring: auditQuerySchema,
        response: { 200: listOf(auditEventSchema) },
      },
    },
    async (request) => listAuditEvents(request.ctx, request.query),
  );

  app.get(
    '/api/audit/export.csv',
    {
      config: { permission: 'audit:read', expensive: 'report' },
      schema: {
        tags: ['audit'],
        summary: 'The filtered audit trail as CSV (the export is itself audited)',
        querystring: auditExportQuerySchema,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const { csv } = await exportAuditEvents(request.ctx, request.query);
      const day = request.ctx.clock.now().toISOString().slice(0, 10);
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="audit-${day}.csv"`).send(csv);
    },
  );

  app.get(
    '/api/audit/verify',
    {
      config: { permission: 'audit:read', expensive: 'report' },
      schema: {
        tags: ['audit'],
        summary:
          "Verify the audit hash chain: the whole chain is checked, the answer counts and names only the caller's organization's events",
        response: { 200: auditVerificationSchema },
      },
    },
    async (request) => verifyAuditTrail(request.ctx),
  );

  app.get(
    '/api/audit/break-glass',
    {
      config: { permission: 'audit:read' },
      schema: {
        tags: ['audit'],
        summary: 'Break-glass grants, the accesses flagged under them, their review, and renewal chains',
        querystring: breakGlassReportQuerySchema,
        response: { 200: listOf(breakGlassGrantSchema) },
      },
    },
    async (request) => listBreakGlassGrants(request.ctx, request.query),
  );

  app.post(
    '/api/audit/break-glass/:id/review',
    {
      config: { permission: 'audit:read', errors: ['CONFLICT'] },
      schema: {
        tags: ['audit'],
        summary: "Record a manager's review of a break-glass grant (not one's own: 403; once per grant: 409)",
        params: idParams,
        body: breakGlassReviewInputSchema,
        response: { 201: breakGlassReviewSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await reviewBreakGlassGrant(request.ctx, request.params.id, request.body)),
  );

  app.get(
    '/api/patients/:id/access-report',
    {
      config: { permission: 'audit:read', expensive: 'report' },
      schema: {
        tags: ['audit'],
        summary: "Who opened this patient's record, and when",
        params: idParams,
        querystring: accessReportQuerySchema,
        response: { 200: listOf(auditEventSchema) },
      },
    },
    async (request) => getAccessReport(request.ctx, request.params.id, request.query),
  );

  app.post(
    '/api/patients/:id/break-glass',
    {
      config: { permission: 'break_glass', errors: ['CONFLICT', 'BREAK_GLASS_RENEWAL_UNREVIEWED'] },
      schema: {
        tags: ['audit'],
        summary:
          'Open a restricted record in an emergency (at most 60 minutes, reason required; renewing an unreviewed grant within 24 hours needs renewal: true and a reason of 40+ characters)',
        params: idParams,
        body: breakGlassInputSchema,
        response: {
          201: breakGlassOpenedSchema,
          409: problemWith({
            previousGrantId: z
              .string()
              .uuid()
              .optional()
              .describe('BREAK_GLASS_RENEWAL_UNREVIEWED: the unreviewed grant this one would renew'),
            minReasonLength: z.number().int().optional().describe('BREAK_GLASS_RENEWAL_UNREVIEWED: the length a renewal reason needs'),
          }),
        },
      },
    },
    async (request, reply) => reply.code(201).send(await openBreakGlass(request.ctx, request.params.id, request.body)),
  );
}
