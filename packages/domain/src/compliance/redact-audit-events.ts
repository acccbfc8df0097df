/**
 * The values of a restricted record stay with the people who may open it, in the audit
 * trail too: an event about a patient whose record the caller may not open now (restricted,
 * not on its care team, no active break-glass grant) is shown without its values. `changes`
 * becomes null and `details` keeps only the keys below (which carry no patient values), and
 * the event says `redacted: true`. The event itself (who, when, what, outcome) stays: that is
 * what the trail is for. A patient id this organization has no record of is treated the same.
 *
 * One query per page, whatever its size: the page's patient ids are checked together.
 */
import { sql } from 'kysely';
import { mayOpenPatientRowSql, systemMayOpenRestricted } from '../access/index.ts';
import type { Ctx } from '../shared/context.ts';
import type { AuditEvent } from './compliance.schemas.ts';

/** Keys of `details` kept on a redacted event: references, not values of the record. */
const SAFE_DETAIL_KEYS = ['breakGlassGrantId'] as const;

function withoutValues(e: AuditEvent): AuditEvent {
  const kept = Object.fromEntries(SAFE_DETAIL_KEYS.filter((k) => e.details && k in e.details).map((k) => [k, e.details?.[k]]));
  const dropped = e.changes !== null || Object.keys(e.details ?? {}).length > Object.keys(kept).length;
  if (!dropped) return e;
  return { ...e, changes: null, details: Object.keys(kept).length ? kept : null, redacted: true };
}

/** The patient ids among `ids` (of ctx's organization) whose record the caller may open now. */
async function openable(ctx: Ctx, ids: string[]): Promise<Set<string>> {
  if (systemMayOpenRestricted(ctx)) return new Set(ids);
  if (ctx.actor.kind === 'anonymous') return new Set();
  // access's predicate (not restricted, on the care team, or an active grant) over patients' view.
  const { rows } = await sql<{ id: string }>`
    select p.id from patient_access_facts p
     where p.organization_id = ${ctx.organizationId} and p.id = any(${ids}::uuid[])
       and ${mayOpenPatientRowSql(ctx, 'p')}`.execute(ctx.db);
  return new Set(rows.map((r) => r.id));
}

/** `items` with the values of every event about a record the caller may not open taken out. */
export async function redactUnopenable(ctx: Ctx, items: AuditEvent[]): Promise<AuditEvent[]> {
  const withValues = (e: AuditEvent) => e.patientId !== null && (e.changes !== null || e.details !== null);
  const ids = [...new Set(items.filter(withValues).map((e) => e.patientId as string))];
  if (ids.length === 0) return items;
  const open = await openable(ctx, ids);
  return items.map((e) => (withValues(e) && !open.has(e.patientId as string) ? withoutValues(e) : e));
}
