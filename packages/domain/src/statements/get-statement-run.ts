import { requirePermission } from '../access/index.ts';
import { recordAudit, recordAuditMany } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { invalid, notFound } from '../shared/errors.ts';
import { publicRun, publicStatement, STATEMENT_COLUMNS } from './statement-rows.ts';
import type { StatementRun, StatementSummary } from './statements.schemas.ts';

const isId = (id: string) => /^[0-9a-f-]{36}$/i.test(id);

/** A run of the caller's organization (404 for another's or none). */
export async function loadRun(ctx: Ctx, id: string) {
  const run = isId(id)
    ? await ctx.db
        .selectFrom('statement_runs')
        .selectAll()
        .where('organization_id', '=', ctx.organizationId)
        .where('id', '=', id)
        .executeTakeFirst()
    : undefined;
  if (!run) throw notFound('statement run');
  return run;
}

/**
 * A run with a page of its statements, by guarantor name (keyset); audited with one row per
 * patient on the page's statements.
 */
export async function getStatementRun(
  ctx: Ctx,
  id: string,
  q: { limit: number; cursor?: string | undefined },
): Promise<StatementRun & { statements: { items: StatementSummary[]; nextCursor: string | null } }> {
  requirePermission(ctx, 'account:read');
  return inTransaction(ctx, async (tx) => {
    const run = await loadRun(tx, id);
    let query = tx.db
      .selectFrom('statements')
      .select(STATEMENT_COLUMNS)
      .where('organization_id', '=', tx.organizationId)
      .where('run_id', '=', run.id)
      .orderBy('guarantor_name')
      .orderBy('id')
      .limit(q.limit + 1);
    if (q.cursor) {
      const raw = Buffer.from(q.cursor, 'base64url').toString('utf8');
      const cut = raw.lastIndexOf('|');
      const name = raw.slice(0, cut);
      const after = raw.slice(cut + 1);
      if (cut < 1 || !isId(after)) throw invalid('cursor', 'not a cursor from this list');
      query = query.where((eb) =>
        eb.or([eb('guarantor_name', '>', name), eb.and([eb('guarantor_name', '=', name), eb('id', '>', after)])]),
      );
    }
    const rows = await query.execute();
    const page = rows.slice(0, q.limit);
    const audits = page.flatMap((s) =>
      s.patient_ids.map((patientId) => ({
        action: 'read' as const,
        resourceType: 'statement_run',
        resourceId: run.id,
        access: { patientId, breakGlass: false },
        details: { runId: run.id },
      })),
    );
    if (audits.length) await recordAuditMany(tx, audits);
    else await recordAudit(tx, { action: 'read', resourceType: 'statement_run', resourceId: run.id, details: { runId: run.id } });
    const last = page[page.length - 1];
    return {
      ...publicRun(run),
      statements: {
        items: page.map(publicStatement),
        nextCursor: rows.length > q.limit && last ? Buffer.from(`${last.guarantor_name}|${last.id}`).toString('base64url') : null,
      },
    };
  });
}
