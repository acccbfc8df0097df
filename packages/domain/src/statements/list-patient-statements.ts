import { sql } from 'kysely';
import { requirePatientAccess, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { invalid } from '../shared/errors.ts';
import { publicStatement, STATEMENT_COLUMNS } from './statement-rows.ts';
import type { StatementSummary } from './statements.schemas.ts';

/** The statements that showed a patient's balance (theirs or their guarantor's), newest first; audited with the patient. */
export async function listPatientStatements(
  ctx: Ctx,
  patientId: string,
  q: { limit: number; cursor?: string | undefined },
): Promise<{ items: StatementSummary[]; nextCursor: string | null }> {
  requirePermission(ctx, 'account:read');
  return inTransaction(ctx, async (tx) => {
    const access = await requirePatientAccess(tx, patientId, 'account:read');
    let query = tx.db
      .selectFrom('statements')
      .select(STATEMENT_COLUMNS)
      .where('organization_id', '=', tx.organizationId)
      .where(sql<boolean>`patient_ids @> array[${patientId}]::uuid[]`)
      .orderBy('issued_on', 'desc')
      .orderBy('id', 'desc')
      .limit(q.limit + 1);
    if (q.cursor) {
      const [on, id] = Buffer.from(q.cursor, 'base64url').toString('utf8').split('|');
      if (!on || !id || !/^\d{4}-\d{2}-\d{2}$/.test(on) || !/^[0-9a-f-]{36}$/i.test(id))
        throw invalid('cursor', 'not a cursor from this list');
      query = query.where((eb) => eb.or([eb('issued_on', '<', on), eb.and([eb('issued_on', '=', on), eb('id', '<', id)])]));
    }
    const rows = await query.execute();
    const page = rows.slice(0, q.limit);
    await recordAudit(tx, { action: 'search', resourceType: 'statement', access, details: { count: page.length } });
    const last = page[page.length - 1];
    return {
      items: page.map(publicStatement),
      nextCursor: rows.length > q.limit && last ? Buffer.from(`${last.issued_on}|${last.id}`).toString('base64url') : null,
    };
  });
}
