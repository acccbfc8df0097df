export { auditVerificationSchema } from './audit.schemas.ts';
export type { AuditTables } from './audit.tables.ts';
export type { AuditTrailView, AuditViews } from './audit.views.ts';
export { AuditSealer, type AuditSealerOptions } from './audit-sealer.ts';
export { CANONICAL_COLUMNS } from './canonical-row.ts';
export { type LastChange, lastChange } from './last-change.ts';
export {
  AUDIT_APPEND_LOCK,
  type AuditAction,
  type AuditedAccess,
  type AuditEventInput,
  auditCtes,
  diffFields,
  insertAudited,
  readAudited,
  recordAudit,
  recordAuditMany,
} from './record-audit.ts';
export { AUDIT_SEAL_LOCK, auditWatermark, type SealOptions, type SealResult, sealAudit } from './seal-audit.ts';
export { type AuditVerification, verifyAudit } from './verify-audit.ts';
