export type { AuditTables } from './audit.tables.ts';
export { AUDIT_APPEND_LOCK, type AuditAction, type AuditEventInput, diffFields, recordAudit } from './record-audit.ts';
