import { requirePatientAccess } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { nameAuditEvents } from './audit-names.ts';
import { type AuditPage, queryAuditEvents } from './audit-query.ts';
import type { AccessReportQuery } from './compliance.schemas.ts';

/**
 * Who opened this patient's record, and when (HIPAA accounting of access): every audit
 * row about the patient, newest first. The patient must be one the caller may open, so
 * a restricted record needs its care team or a break-glass grant even here.
 */
export async function getAccessReport(ctx: Ctx, patientId: string, query: AccessReportQuery): Promise<AuditPage> {
  return inTransaction(ctx, async (tx) => {
    const access = await requirePatientAccess(tx, patientId, 'audit:read');
    const found = await queryAuditEvents(
      tx.db,
      tx.organizationId,
      { patientId, from: query.from, to: query.to, sort: '-occurredAt' },
      { cursor: query.cursor, limit: query.limit },
    );
    const page = { ...found, items: await nameAuditEvents(tx, found.items) };
    await recordAudit(tx, {
      action: 'read',
      resourceType: 'access_report',
      resourceId: patientId,
      access,
      details: { count: page.items.length },
    });
    return page;
  });
}
