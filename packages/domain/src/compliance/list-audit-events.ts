import { requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { nameAuditEvents } from './audit-names.ts';
import { type AuditPage, filtersForAudit, queryAuditEvents } from './audit-query.ts';
import type { AuditQuery } from './compliance.schemas.ts';
import { redactUnopenable } from './redact-audit-events.ts';

/**
 * A page of the organization's audit trail, filtered and sorted. Reading the trail is itself
 * audited. Events about a restricted record the caller may not open come without their values
 * (and without the patient's name); ids come with names where their owners declare them.
 */
export async function listAuditEvents(ctx: Ctx, query: AuditQuery): Promise<AuditPage> {
  requirePermission(ctx, 'audit:read');
  return inTransaction(ctx, async (tx) => {
    const found = await queryAuditEvents(tx.db, tx.organizationId, query, { cursor: query.cursor, limit: query.limit });
    const page = { ...found, items: await nameAuditEvents(tx, await redactUnopenable(tx, found.items)) };
    await recordAudit(tx, {
      action: 'search',
      resourceType: 'audit_event',
      details: { filters: filtersForAudit(query), count: page.items.length },
    });
    return page;
  });
}
