/**
 * Write one audit event inside the caller's transaction. Every read, search,
 * create, update, delete, print or export of patient data and every
 * authentication event goes through here; there is no switch that turns it off.
 */
import { sql } from 'kysely';
import { actorRoleLabel, actorUserId, type Ctx } from '../shared/context.ts';

export type AuditAction = 'read' | 'search' | 'create' | 'update' | 'delete' | 'print' | 'export' | 'merge' | (string & {});

export interface AuditEventInput {
  action: AuditAction;
  resourceType: string;
  resourceId?: string | null;
  patientId?: string | null;
  outcome?: 'success' | 'denied';
  breakGlass?: boolean;
  changes?: Record<string, { before: unknown; after: unknown }> | null;
  details?: Record<string, unknown> | null;
  /** For events before a user is known (failed login): who was named. */
  userId?: string | null;
  organizationId?: string | null;
}

/** Key for the shared lock writers hold while appending; the sealer takes it exclusively to find a safe watermark. */
export const AUDIT_APPEND_LOCK = 720_451_002;

export async function recordAudit(ctx: Ctx, event: AuditEventInput): Promise<void> {
  // Shared locks never wait on each other: appends stay concurrent. The sealer only
  // try-locks exclusively, so it never queues in front of writers.
  await sql`select pg_advisory_xact_lock_shared(${AUDIT_APPEND_LOCK}::bigint)`.execute(ctx.db);
  await ctx.db
    .insertInto('audit_events')
    .values({
      organization_id: event.organizationId !== undefined ? event.organizationId : ctx.organizationId || null,
      user_id: event.userId !== undefined ? event.userId : actorUserId(ctx),
      role: actorRoleLabel(ctx) || null,
      patient_id: event.patientId ?? null,
      action: event.action,
      resource_type: event.resourceType,
      resource_id: event.resourceId ?? null,
      outcome: event.outcome ?? 'success',
      ip: ctx.ip,
      user_agent: ctx.userAgent ? ctx.userAgent.slice(0, 500) : null,
      request_id: ctx.requestId,
      break_glass: event.breakGlass ?? false,
      changes: event.changes ? JSON.stringify(event.changes) : null,
      details: event.details ? JSON.stringify(event.details) : null,
    })
    .execute();
}

/** The before/after of each field that changed, for the audit row of an update. */
export function diffFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, { before: unknown; after: unknown }> | null {
  const out: Record<string, { before: unknown; after: unknown }> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) {
      out[key] = { before: before[key] ?? null, after: after[key] ?? null };
    }
  }
  return Object.keys(out).length ? out : null;
}
