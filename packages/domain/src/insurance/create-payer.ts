import { requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { inTransaction, type Ctx } from '../shared/context.ts';
import type { Payer, PayerInput } from './insurance.schemas.ts';
import { payerNameTaken, rethrowNameTaken, toPayer } from './payer-row.ts';

/** Add a payer to the practice's list (name unique in the practice). */
export async function createPayer(ctx: Ctx, input: PayerInput): Promise<Payer> {
  requirePermission(ctx, 'payer:manage');
  return inTransaction(ctx, async (tx) => {
    const clash = await tx.db
      .selectFrom('payers')
      .select('id')
      .where('organization_id', '=', tx.organizationId)
      .where('name', '=', input.name)
      .executeTakeFirst();
    if (clash) throw payerNameTaken();
    const row = await tx.db
      .insertInto('payers')
      .values({
        organization_id: tx.organizationId,
        name: input.name,
        edi_payer_id: input.ediPayerId,
        address: input.address ? JSON.stringify(input.address) : null,
        phone: input.phone,
        claim_type: input.claimType,
        timely_filing_days: input.timelyFilingDays,
        claim_filing_indicator: input.claimFilingIndicator,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch(rethrowNameTaken);
    await recordAudit(tx, { action: 'create', resourceType: 'payer', resourceId: row.id, details: { name: row.name } });
    return toPayer(row);
  });
}
