import { requirePermission } from '../access/index.ts';
import { diffFields, recordAudit } from '../audit/index.ts';
import { inTransaction, type Ctx } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import type { Payer, PayerPatch } from './insurance.schemas.ts';
import { payerNameTaken, rethrowNameTaken, toPayer } from './payer-row.ts';

/**
 * Edit a payer of the practice list (name, EDI id, address, phone, filing limit, claim filing
 * indicator), or take it
 * off the list (`active: false`) and back. Coverages already naming it keep it; an inactive
 * payer is no longer offered for new ones. `expectedVersion` comes from If-Match.
 */
export async function updatePayer(ctx: Ctx, id: string, patch: PayerPatch, expectedVersion: number): Promise<Payer> {
  requirePermission(ctx, 'payer:manage');
  return inTransaction(ctx, async (tx) => {
    const current = await tx.db
      .selectFrom('payers')
      .selectAll()
      .where('id', '=', id)
      .where('organization_id', '=', tx.organizationId)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw new AppError('NOT_FOUND', 'payer not found');
    if (current.version !== expectedVersion) {
      throw new AppError('VERSION_MISMATCH', `payer is at version ${current.version}`, { extra: { current: toPayer(current) } });
    }
    if (patch.name !== undefined && patch.name !== current.name) {
      const clash = await tx.db
        .selectFrom('payers')
        .select('id')
        .where('organization_id', '=', tx.organizationId)
        .where('name', '=', patch.name)
        .executeTakeFirst();
      if (clash) {
        throw payerNameTaken();
      }
    }
    const row = await tx.db
      .updateTable('payers')
      .set({
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.ediPayerId !== undefined && { edi_payer_id: patch.ediPayerId }),
        ...(patch.address !== undefined && { address: patch.address ? JSON.stringify(patch.address) : null }),
        ...(patch.phone !== undefined && { phone: patch.phone }),
        ...(patch.timelyFilingDays !== undefined && { timely_filing_days: patch.timelyFilingDays }),
        ...(patch.claimFilingIndicator !== undefined && { claim_filing_indicator: patch.claimFilingIndicator }),
        ...(patch.active !== undefined && { active: patch.active }),
        version: current.version + 1,
        updated_at: tx.clock.now(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch(rethrowNameTaken);
    const { version: _b, ...before } = toPayer(current);
    const { version: _a, ...after } = toPayer(row);
    await recordAudit(tx, { action: 'update', resourceType: 'payer', resourceId: id, changes: diffFields(before, after) });
    return toPayer(row);
  });
}
