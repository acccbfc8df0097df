import { requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { type AuditPage, filtersForAudit, queryAuditEvents } from './audit-query.ts';
import type { AuditQuery } from './compliance.schemas.ts';

/** A page of the organization's audit trail, filtered and sorted. Reading the trail is itself audited. */
export async function listAuditEvents(ctx: Ctx, query: AuditQuery): Promise<AuditPage> {
  requirePermission(ctx, 'audit:read');
  return inTransaction(ctx, async (tx) => {
    const page = await queryAuditEvents(tx.db, tx.organizationId, query, { cursor: query.cursor, limit: query.limit });
    await recordAudit(tx, {
      action: 'search',
      resourceType: 'audit_event',
      details: { filters: filtersForAudit(query), count: page.items.length },
    });
    return page;
  });
}
