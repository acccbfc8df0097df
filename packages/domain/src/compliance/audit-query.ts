/**
 * The one query behind every audit report (list, CSV export, patient access report):
 * an organization's events, filtered, sorted by an allow-listed key, and paged by keyset
 * on (sort key, seq). The cursor names the last row's seq; its sort value is read back
 * from that row, so no value the client sends ever reaches the SQL text. The trail is read through
 * the view audit declares for its reports (audit_trail), names through identity's staff_directory.
 */
import { type Selectable, sql } from 'kysely';
import type { AuditTrailView } from '../audit/index.ts';
import type { Db } from '../shared/context.ts';
import { invalid } from '../shared/errors.ts';
import { AUDIT_SORT_FIELDS, type AuditEvent, type AuditSortField } from './compliance.schemas.ts';

export interface AuditFilters {
  patientId?: string | undefined;
  userId?: string | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  sort?: string | undefined;
}

export interface AuditPage {
  items: AuditEvent[];
  nextCursor: string | null;
}

function parseSort(sort: string | undefined): { field: AuditSortField; desc: boolean } {
  const s = sort ?? '-occurredAt';
  const desc = s.startsWith('-');
  const field = (desc ? s.slice(1) : s) as AuditSortField;
  if (!(field in AUDIT_SORT_FIELDS)) throw invalid('sort', `sort by one of ${Object.keys(AUDIT_SORT_FIELDS).join(', ')}`);
  return { field, desc };
}

function encodeCursor(seq: number, sort: string): string {
  return Buffer.from(JSON.stringify({ s: seq, o: sort })).toString('base64url');
}

function decodeCursor(cursor: string, sort: string): number {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid('cursor', 'not a cursor from this list');
  }
  const c = parsed as { s?: unknown; o?: unknown };
  if (typeof c?.s !== 'number' || !Number.isSafeInteger(c.s) || c.o !== sort) throw invalid('cursor', 'not a cursor from this list');
  return c.s;
}

type EventRow = Selectable<AuditTrailView> & { user_email: string | null; user_display_name: string | null };

export function toAuditEvent(r: EventRow): AuditEvent {
  return {
    seq: r.seq,
    occurredAt: r.occurred_at.toISOString(),
    userId: r.user_id,
    userEmail: r.user_email,
    userDisplayName: r.user_display_name,
    role: r.role,
    patientId: r.patient_id,
    action: r.action,
    resourceType: r.resource_type,
    resourceId: r.resource_id,
    outcome: r.outcome,
    ip: r.ip,
    userAgent: r.user_agent,
    requestId: r.request_id,
    breakGlass: r.break_glass,
    changes: r.changes,
    details: r.details,
    redacted: false,
    // Filled by nameAuditEvents (audit-names.ts), which knows who asks.
    patientName: null,
    resourceName: null,
  };
}

/** One page of `organizationId`'s events. Throws VALIDATION_FAILED for a foreign or stale cursor. */
export async function queryAuditEvents(
  db: Db,
  organizationId: string,
  filters: AuditFilters,
  page: { cursor?: string | undefined; limit: number },
): Promise<AuditPage> {
  const sort = filters.sort ?? '-occurredAt';
  const { field, desc } = parseSort(sort);
  const key = sql.raw(AUDIT_SORT_FIELDS[field]);
  let q = db
    .selectFrom('audit_trail as e')
    .leftJoin('staff_directory as u', 'u.id', 'e.user_id')
    .selectAll('e')
    .select(['u.email as user_email', 'u.display_name as user_display_name'])
    .where('e.organization_id', '=', organizationId);
  if (filters.patientId) q = q.where('e.patient_id', '=', filters.patientId);
  if (filters.userId) q = q.where('e.user_id', '=', filters.userId);
  if (filters.action) q = q.where('e.action', '=', filters.action);
  if (filters.from) q = q.where('e.occurred_at', '>=', new Date(filters.from));
  if (filters.to) q = q.where('e.occurred_at', '<', new Date(filters.to));
  if (page.cursor) {
    const after = decodeCursor(page.cursor, sort);
    const anchor = await db
      .selectFrom('audit_trail')
      .select('seq')
      .where('seq', '=', after)
      .where('organization_id', '=', organizationId)
      .executeTakeFirst();
    if (!anchor) throw invalid('cursor', 'not a cursor from this list');
    // The inner `e` shadows the outer one: the key is read from the anchor row.
    const anchorKey = sql`(select ${key} from audit_trail e where e.seq = ${after})`;
    q = q.where(sql<boolean>`(${key}, e.seq) ${sql.raw(desc ? '<' : '>')} (${anchorKey}, ${after}::bigint)`);
  }
  const dir = desc ? 'desc' : 'asc';
  const rows = await q
    .orderBy(sql`${key} ${sql.raw(dir)}`)
    .orderBy('e.seq', dir)
    .limit(page.limit + 1)
    .execute();
  const more = rows.length > page.limit;
  const items = rows.slice(0, page.limit).map((r) => toAuditEvent(r as EventRow));
  const last = items[items.length - 1];
  return { items, nextCursor: more && last ? encodeCursor(last.seq, sort) : null };
}

/** The filters as recorded in the audit row of the report itself. */
export function filtersForAudit(f: AuditFilters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of ['patientId', 'userId', 'action', 'from', 'to', 'sort'] as const) {
    const v = f[k];
    if (v) out[k] = v;
  }
  return out;
}
