import { requirePermission } from '../access/index.ts';
import { diffFields, recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import type { Procedure, ProcedurePatch } from './codes.schemas.ts';
import { toProcedure } from './procedure-row.ts';

/**
 * Edit an entry of the procedure list (description, fee, units) or take it off the list offered
 * for new encounters (`active: false`) and back. `expectedVersion` comes from If-Match.
 */
export async function updateProcedure(ctx: Ctx, id: string, patch: ProcedurePatch, expectedVersion: number): Promise<Procedure> {
  requirePermission(ctx, 'procedure:manage');
  return inTransaction(ctx, async (tx) => {
    const current = await tx.db
      .selectFrom('procedures')
      .selectAll()
      .where('id', '=', id)
      .where('organization_id', '=', tx.organizationId)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw new AppError('NOT_FOUND', 'procedure not found');
    if (current.version !== expectedVersion) {
      throw new AppError('VERSION_MISMATCH', `procedure is at version ${current.version}`, {
        extra: { current: toProcedure(current) },
      });
    }
    const row = await tx.db
      .updateTable('procedures')
      .set({
        ...(patch.description !== undefined && { description: patch.description }),
        ...(patch.defaultFeeCents !== undefined && { default_fee_cents: patch.defaultFeeCents }),
        ...(patch.takesUnits !== undefined && { takes_units: patch.takesUnits }),
        ...(patch.active !== undefined && { active: patch.active }),
        version: current.version + 1,
        updated_at: tx.clock.now(),
      })
      .where('id', '=', id)
      .where('organization_id', '=', tx.organizationId)
      .returningAll()
      .executeTakeFirstOrThrow();
    const { version: _b, ...before } = toProcedure(current);
    const { version: _a, ...after } = toProcedure(row);
    await recordAudit(tx, { action: 'update', resourceType: 'procedure', resourceId: id, changes: diffFields(before, after) });
    return toProcedure(row);
  });
}
