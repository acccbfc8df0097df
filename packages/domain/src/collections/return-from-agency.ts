import { requirePermission, todayAt } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { requireGuarantor } from './guarantor-access.ts';

/**
 * The outside agency sent a guarantor's account back (with the reason): it is `returned` today and
 * works from the worklist again (the agency filter no longer shows it as at the agency). Only an
 * account at the agency is returned (any other: 409); a key the caller may not open answers 404.
 * Audited with the guarantor's record.
 */
export async function returnFromAgency(ctx: Ctx, input: { guarantorKey: string; reason: string }) {
  requirePermission(ctx, 'collections:manage');
  return inTransaction(ctx, async (tx) => {
    const { access } = await requireGuarantor(tx, input.guarantorKey, 'collections:manage');
    const returnedOn = await todayAt(tx, tx.locationId);
    const row = await tx.db
      .updateTable('collection_accounts')
      .set({ agency_status: 'returned', agency_returned_on: returnedOn, agency_return_reason: input.reason, updated_at: tx.clock.now() })
      .where('organization_id', '=', tx.organizationId)
      .where('guarantor_key', '=', input.guarantorKey)
      .where('agency_status', '=', 'sent')
      .returning(['agency_status', 'agency_sent_on'])
      .executeTakeFirst();
    if (!row) throw new AppError('CONFLICT', 'this account is not at the agency: only an account sent there is returned');
    await recordAudit(tx, {
      action: 'update',
      resourceType: 'collection_agency',
      resourceId: input.guarantorKey,
      access,
      details: { guarantorKey: input.guarantorKey, returnedOn, reason: input.reason },
    });
    return {
      guarantorKey: input.guarantorKey,
      agencyStatus: row.agency_status,
      agencySentOn: row.agency_sent_on,
      agencyReturnedOn: returnedOn,
      reason: input.reason,
    };
  });
}
