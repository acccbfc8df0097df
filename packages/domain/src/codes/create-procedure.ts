import { requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import type { Procedure, ProcedureInput } from './codes.schemas.ts';
import { procedureCodeTaken, rethrowCodeTaken, toProcedure } from './procedure-row.ts';

/** Add a code to the practice's procedure list (one entry per code), with its own description and fee. */
export async function createProcedure(ctx: Ctx, input: ProcedureInput): Promise<Procedure> {
  requirePermission(ctx, 'procedure:manage');
  return inTransaction(ctx, async (tx) => {
    const clash = await tx.db
      .selectFrom('procedures')
      .select('id')
      .where('organization_id', '=', tx.organizationId)
      .where('code', '=', input.code)
      .executeTakeFirst();
    if (clash) throw procedureCodeTaken(input.code);
    const row = await tx.db
      .insertInto('procedures')
      .values({
        organization_id: tx.organizationId,
        code: input.code,
        description: input.description,
        default_fee_cents: input.defaultFeeCents,
        takes_units: input.takesUnits,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch(rethrowCodeTaken(input.code));
    await recordAudit(tx, {
      action: 'create',
      resourceType: 'procedure',
      resourceId: row.id,
      details: { code: row.code, defaultFeeCents: Number(row.default_fee_cents) },
    });
    return toProcedure(row);
  });
}
