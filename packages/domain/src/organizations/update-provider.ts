import { requirePermission } from '../access/index.ts';
import { diffFields, recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, invalid } from '../shared/errors.ts';
import type { Provider, ProviderPatch } from './organizations.schemas.ts';
import { toProvider } from './provider-room-rows.ts';

/**
 * Edit a provider's settings: credentials, active, and the supervising provider whose
 * co-signature this provider's signed notes need (encounters reads it at signing). A
 * supervisor is another provider of the practice, and no chain may loop back.
 * `expectedVersion` comes from If-Match.
 */
export async function updateProvider(ctx: Ctx, id: string, patch: ProviderPatch, expectedVersion: number): Promise<Provider> {
  requirePermission(ctx, 'schedule:manage');
  return inTransaction(ctx, async (tx) => {
    const current = await tx.db
      .selectFrom('providers')
      .selectAll()
      .where('id', '=', id)
      .where('organization_id', '=', tx.organizationId)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw new AppError('NOT_FOUND', 'provider not found');
    if (current.version !== expectedVersion) {
      throw new AppError('VERSION_MISMATCH', `provider is at version ${current.version}`, { extra: { current: toProvider(current) } });
    }
    const supervisor = patch.supervisingProviderId;
    if (supervisor) {
      if (supervisor === id) throw invalid('supervisingProviderId', 'a provider cannot supervise themselves');
      // Walk the supervisor's own chain: it must exist here and never come back to this provider.
      let next: string | null = supervisor;
      for (let depth = 0; next && depth < 20; depth++) {
        const row = await tx.db
          .selectFrom('providers')
          .select(['id', 'supervising_provider_id'])
          .where('id', '=', next)
          .where('organization_id', '=', tx.organizationId)
          .executeTakeFirst();
        if (!row) throw invalid('supervisingProviderId', 'no such provider in this practice');
        if (row.supervising_provider_id === id) throw invalid('supervisingProviderId', 'this provider already supervises that one');
        next = row.supervising_provider_id;
      }
    }
    const row = await tx.db
      .updateTable('providers')
      .set({
        ...(patch.supervisingProviderId !== undefined && { supervising_provider_id: patch.supervisingProviderId }),
        ...(patch.credentials !== undefined && { credentials: patch.credentials }),
        ...(patch.active !== undefined && { active: patch.active }),
        version: current.version + 1,
        updated_at: tx.clock.now(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const { version: _b, ...before } = toProvider(current);
    const { version: _a, ...after } = toProvider(row);
    await recordAudit(tx, { action: 'update', resourceType: 'provider', resourceId: id, changes: diffFields(before, after) });
    return toProvider(row);
  });
}
