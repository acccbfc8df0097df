import { requirePatientAccess, requirePermission } from '../access/index.ts';
import { recordAudit, recordAuditMany } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import { loadRun } from './get-statement-run.ts';
import { renderStatementsPdf } from './statement-pdf.ts';
import { runLetterhead } from './statement-rows.ts';
import { createPdf } from '../shared/pdf/index.ts';
import type { StatementSnapshot } from './statements.schemas.ts';

/** Statements per combined PDF: a bigger run prints in parts (`?part=`). */
export const COMBINED_PART_SIZE = 500;

/** One guarantor's statement as sent (its snapshot), for someone who may open each patient on it; audited per patient. */
export async function printStatement(ctx: Ctx, id: string): Promise<Buffer> {
  requirePermission(ctx, 'account:read');
  const snapshot = await inTransaction(ctx, async (tx) => {
    const row = /^[0-9a-f-]{36}$/i.test(id)
      ? await tx.db
          .selectFrom('statements')
          .select(['id', 'patient_ids', 'snapshot'])
          .where('organization_id', '=', tx.organizationId)
          .where('id', '=', id)
          .executeTakeFirst()
      : undefined;
    if (!row) throw notFound('statement');
    for (const patientId of row.patient_ids) {
      const access = await requirePatientAccess(tx, patientId, 'account:read');
      await recordAudit(tx, { action: 'print', resourceType: 'statement', resourceId: row.id, access, details: { format: 'pdf' } });
    }
    return row.snapshot as StatementSnapshot;
  });
  return renderStatementsPdf([snapshot]);
}

/**
 * A run's statements in one PDF for printing and mailing, by guarantor name, 500 per part;
 * audited per patient printed. `parts` says how many parts the run has.
 */
export async function printStatementRun(ctx: Ctx, runId: string, part = 1): Promise<{ pdf: Buffer; parts: number }> {
  requirePermission(ctx, 'account:read');
  const { snapshots, parts } = await inTransaction(ctx, async (tx) => {
    const run = await loadRun(tx, runId);
    const parts = Math.max(1, Math.ceil(run.statement_count / COMBINED_PART_SIZE));
    if (part > parts) throw notFound('part of this statement run');
    const rows = await tx.db
      .selectFrom('statements')
      .select(['id', 'patient_ids', 'snapshot'])
      .where('organization_id', '=', tx.organizationId)
      .where('run_id', '=', run.id)
      .orderBy('guarantor_name')
      .orderBy('id')
      .offset((part - 1) * COMBINED_PART_SIZE)
      .limit(COMBINED_PART_SIZE)
      .execute();
    const audits = rows.flatMap((r) =>
      r.patient_ids.map((patientId) => ({
        action: 'print' as const,
        resourceType: 'statement',
        resourceId: r.id,
        access: { patientId, breakGlass: false },
        details: { format: 'pdf' as const, count: rows.length },
      })),
    );
    await recordAuditMany(tx, audits);
    return { snapshots: rows.map((r) => r.snapshot as StatementSnapshot), parts };
  });
  if (snapshots.length === 0) {
    const run = await inTransaction(ctx, (tx) => runLetterheadOf(tx, runId));
    return { pdf: await emptyRunPdf(run), parts };
  }
  return { pdf: await renderStatementsPdf(snapshots, 'Statements'), parts };
}

async function runLetterheadOf(tx: Ctx, runId: string) {
  const run = await loadRun(tx, runId);
  return { ...(await runLetterhead(tx, run.location_id)), asOf: run.as_of };
}

async function emptyRunPdf(run: Awaited<ReturnType<typeof runLetterheadOf>>): Promise<Buffer> {
  const pdf = createPdf({
    title: 'Statements',
    date: run.asOf,
    letterhead: {
      practiceName: run.practice.name,
      locationName: run.practice.locationName,
      addressLines: run.practice.addressLines,
      phone: run.practice.phone,
    },
  });
  pdf.paragraph('This run issued no statements: no guarantor was due one at or above the threshold.');
  return pdf.finish();
}
