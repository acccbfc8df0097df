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
  exportAuditEvents,
  getAccessReport,
  listAuditEvents,
  listBreakGlassGrants,
  openBreakGlass,
  verifyAuditTrail,
} from '@domain/compliance/index.ts';
import { idParams, listOf } from '../../plugins/http-schemas.ts';
import type { App } from '../../plugins/types.ts';

/** The audit trail: reports, CSV export, chain verification, patient access reports and break-glass. */
export default async function auditRoutes(app: App) {
  app.get(
    '/api/audit',
    {
      config: { permission: 'audit:read' },
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
      config: { permission: 'audit:read' },
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
      config: { permission: 'audit:read' },
      schema: {
        tags: ['audit'],
        summary: 'Verify the hash chain over the whole audit table (all organizations)',
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
        summary: 'Break-glass grants and the accesses flagged under them',
        querystring: breakGlassReportQuerySchema,
        response: { 200: listOf(breakGlassGrantSchema) },
      },
    },
    async (request) => listBreakGlassGrants(request.ctx, request.query),
  );

  app.get(
    '/api/patients/:id/access-report',
    {
      config: { permission: 'audit:read' },
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
      config: { permission: 'break_glass' },
      schema: {
        tags: ['audit'],
        summary: 'Open a restricted record in an emergency (at most 60 minutes, reason required)',
        params: idParams,
        body: breakGlassInputSchema,
        response: { 201: breakGlassOpenedSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await openBreakGlass(request.ctx, request.params.id, request.body)),
  );
}
