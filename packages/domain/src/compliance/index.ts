export { type AuditFilters, type AuditPage, queryAuditEvents } from './audit-query.ts';
export * from './compliance.schemas.ts';
export { AUDIT_EXPORT_MAX_ROWS, auditEventsToCsv, exportAuditEvents } from './export-audit-events.ts';
export { getAccessReport } from './get-access-report.ts';
export { listAuditEvents } from './list-audit-events.ts';
export { listBreakGlassGrants } from './list-break-glass-grants.ts';
export { openBreakGlass } from './open-break-glass.ts';
export { verifyAuditTrail } from './verify-audit-trail.ts';
