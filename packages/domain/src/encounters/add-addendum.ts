import { requirePatientAccess, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction, requireUser } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { lockEncounter } from './encounter-row.ts';
import type { Addendum } from './encounters.schemas.ts';

/**
 * Amend a signed note: the addendum is appended (exactly as typed), signed by its author and
 * timestamped; the original note stays as signed. An open note is edited instead.
 */
export async function addAddendum(ctx: Ctx, encounterId: string, input: { text: string }): Promise<Addendum> {
  requirePermission(ctx, 'note:write');
  const actor = requireUser(ctx);
  return inTransaction(ctx, async (tx) => {
    // Locked so a concurrent co-signature or merge and this addendum see one order.
    const encounter = await lockEncounter(tx, encounterId);
    const access = await requirePatientAccess(tx, encounter.patient_id, 'note:write');
    if (encounter.status !== 'signed') {
      throw new AppError('CONFLICT', 'the note is not signed yet: edit it instead of adding an addendum');
    }
    const row = await tx.db
      .insertInto('encounter_addenda')
      .values({
        organization_id: tx.organizationId,
        encounter_id: encounterId,
        text: input.text,
        author_id: actor.userId,
        signed_at: tx.clock.now(),
      })
      .returning(['id', 'text', 'author_id', 'signed_at'])
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      action: 'amend',
      resourceType: 'encounter',
      resourceId: encounterId,
      access,
      details: { addendumId: row.id },
    });
    return {
      id: row.id,
      text: row.text,
      authorId: row.author_id,
      authorName: actor.displayName,
      signedAt: new Date(row.signed_at).toISOString(),
    };
  });
}
