import { requirePatientAccess, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { findPayer } from '../insurance/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import { loadClaim } from './claim-row.ts';
import type { ClaimSnapshot } from './claim-snapshot.ts';
import { renderCms1500Pdf } from './cms1500-pdf.ts';

/**
 * A claim on the CMS-1500 (02/12) paper form, from what the claim froze when it was built (its
 * snapshot) and the payer's current mailing address. `form: false` prints the data only, for
 * pre-printed red forms. Printing is audited with the claim read, in one transaction.
 */
export async function printCms1500(ctx: Ctx, id: string, opts: { form: boolean }): Promise<Buffer> {
  requirePermission(ctx, 'claim:read');
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('claim');
  return inTransaction(ctx, async (tx) => {
    const claim = await loadClaim(tx, id);
    const access = await requirePatientAccess(tx, claim.patientId, 'claim:read');
    const [payer, row] = await Promise.all([
      findPayer(tx, claim.payerId),
      tx.db
        .selectFrom('claim_snapshots')
        .select('snapshot')
        .where('claim_id', '=', id)
        .where('organization_id', '=', tx.organizationId)
        .executeTakeFirstOrThrow(),
    ]);
    const snapshot: ClaimSnapshot = row.snapshot;
    await recordAudit(tx, {
      action: 'print',
      resourceType: 'claim',
      resourceId: id,
      access,
      details: { form: opts.form ? 'form' : 'data-only' },
    });
    return renderCms1500Pdf(claim, payer ? { name: payer.name, address: payer.address } : { name: snapshot.payer.name, address: null }, {
      form: opts.form,
      printedOn: tx.clock.now().toISOString().slice(0, 10),
      coveragePriority: snapshot.coverage.priority,
    });
  });
}
