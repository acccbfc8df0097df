import { requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { invalid } from '../shared/errors.ts';
import { nameAuditEvents } from './audit-names.ts';
import { filtersForAudit, queryAuditEvents } from './audit-query.ts';
import type { AuditEvent, AuditExportQuery } from './compliance.schemas.ts';
import { redactUnopenable } from './redact-audit-events.ts';

/** More rows than this: narrow the filters (the export is built in memory). */
export const AUDIT_EXPORT_MAX_ROWS = 100_000;

const COLUMNS: (keyof AuditEvent)[] = [
  'seq',
  'occurredAt',
  'userId',
  'userEmail',
  'userDisplayName',
  'role',
  'patientId',
  'patientName',
  'action',
  'resourceType',
  'resourceId',
  'resourceName',
  'outcome',
  'ip',
  'userAgent',
  'requestId',
  'breakGlass',
  'changes',
  'details',
  'redacted',
];

/** RFC 4180 quoting; a cell a spreadsheet would run as a formula gets a leading apostrophe. */
function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  let s = typeof v === 'object' ? JSON.stringify(v) : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n']/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function auditEventsToCsv(items: AuditEvent[]): string {
  const lines = [COLUMNS.join(',')];
  for (const item of items) lines.push(COLUMNS.map((c) => csvCell(item[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * The filtered trail as CSV. The export itself is an audit event (action 'export'). Events about
 * a restricted record the caller may not open come without their values (one check per page).
 */
export async function exportAuditEvents(ctx: Ctx, query: AuditExportQuery): Promise<{ csv: string; rows: number }> {
  requirePermission(ctx, 'audit:read');
  return inTransaction(ctx, async (tx) => {
    const items: AuditEvent[] = [];
    let cursor: string | undefined;
    do {
      const page = await queryAuditEvents(tx.db, tx.organizationId, query, { cursor, limit: 1_000 });
      items.push(...(await nameAuditEvents(tx, await redactUnopenable(tx, page.items))));
      if (items.length > AUDIT_EXPORT_MAX_ROWS) {
        throw invalid('to', `more than ${AUDIT_EXPORT_MAX_ROWS} rows; narrow the time range`);
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    await recordAudit(tx, {
      action: 'export',
      resourceType: 'audit_event',
      details: { format: 'csv', filters: filtersForAudit(query), rows: items.length },
    });
    return { csv: auditEventsToCsv(items), rows: items.length };
  });
}
