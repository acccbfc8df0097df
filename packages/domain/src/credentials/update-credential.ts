import { requirePermission, todayAt } from '../access/index.ts';
import { diffFields, recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, invalid, notFound } from '../shared/errors.ts';
import { loadCredential } from './credential-row.ts';
import type { Credential, CredentialPatch } from './credentials.schemas.ts';

/**
 * Renew (a later `expiresOn`) or correct a credential, with If-Match (412 with the current one
 * when stale). A renewal takes effect at once: the booking guard reads the new expiry in the
 * next booking, and alerts start again for the new expiry.
 */
export async function updateCredential(ctx: Ctx, id: string, patch: CredentialPatch, expectedVersion: number): Promise<Credential> {
  requirePermission(ctx, 'credential:manage');
  return inTransaction(ctx, async (tx) => {
    const current = await tx.db
      .selectFrom('credentials')
      .selectAll()
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw notFound('credential');
    const today = await todayAt(tx);
    if (current.version !== expectedVersion) {
      throw new AppError('VERSION_MISMATCH', `credential is at version ${current.version}`, {
        extra: { current: await loadCredential(tx, id, today) },
      });
    }
    const next = {
      number: patch.number ?? current.number,
      state: patch.state === undefined ? current.state : patch.state,
      issuer: patch.issuer ?? current.issuer,
      expires_on: patch.expiresOn ?? current.expires_on,
    };
    if (current.kind === 'license' && !next.state) throw invalid('state', 'A state licence needs its state.');
    const renewed = next.expires_on > current.expires_on;
    const now = tx.clock.now();
    await tx.db
      .updateTable('credentials')
      .set({ ...next, ...(renewed && { renewed_at: now }), version: current.version + 1, updated_at: now })
      .where('id', '=', id)
      .execute();
    await recordAudit(tx, {
      action: 'update',
      resourceType: 'credential',
      resourceId: id,
      changes: diffFields(
        { number: current.number, state: current.state, issuer: current.issuer, expiresOn: current.expires_on },
        { number: next.number, state: next.state, issuer: next.issuer, expiresOn: next.expires_on },
      ),
      details: { renewed },
    });
    return loadCredential(tx, id, today);
  });
}
