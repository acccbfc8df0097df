import { requirePermission, todayAt } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { activeStaffIds } from '../identity/index.ts';
import { providersByIds } from '../organizations/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { invalid } from '../shared/errors.ts';
import { loadCredential } from './credential-row.ts';
import type { Credential, CredentialInput } from './credentials.schemas.ts';

/**
 * Record a credential of a provider (licence, DEA, board certification, malpractice) or of a
 * staff member (BLS/ACLS). Another practice's provider or user is unknown here (400 naming it).
 * A new licence for a state whose old one lapsed lifts the booking guard at once.
 */
export async function createCredential(ctx: Ctx, input: CredentialInput): Promise<Credential> {
  requirePermission(ctx, 'credential:manage');
  return inTransaction(ctx, async (tx) => {
    if (input.providerId && (await providersByIds(tx, [input.providerId])).length === 0) throw invalid('providerId', 'Unknown provider.');
    if (input.userId && (await activeStaffIds(tx.db, tx.organizationId, [input.userId])).length === 0)
      throw invalid('userId', 'Unknown or inactive staff member.');
    const now = tx.clock.now();
    const row = await tx.db
      .insertInto('credentials')
      .values({
        organization_id: tx.organizationId,
        provider_id: input.providerId ?? null,
        user_id: input.userId ?? null,
        kind: input.kind,
        number: input.number,
        state: input.state ?? null,
        issuer: input.issuer,
        expires_on: input.expiresOn,
        created_by: actorUserId(tx),
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      action: 'create',
      resourceType: 'credential',
      resourceId: row.id,
      details: { kind: input.kind, expiresOn: input.expiresOn },
    });
    return loadCredential(tx, row.id, await todayAt(tx));
  });
}
