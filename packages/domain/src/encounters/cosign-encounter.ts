import { requirePatientAccess, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { confirmIdentity } from '../identity/index.ts';
import { type Ctx, inTransaction, requireUser } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { emit } from '../shared/events.ts';
import { type EncounterRow, loadEncounterFull, lockEncounter } from './encounter-row.ts';
import { signedPayload, toSignature } from './encounter-signature.ts';
import type { Signature, SignInput } from './encounters.schemas.ts';
import { encounterSigned } from './encounter-signed.ts';

function checkCosignable(ctx: Ctx, row: EncounterRow): void {
  const actor = requireUser(ctx);
  if (row.status !== 'signed') throw new AppError('CONFLICT', 'the rendering provider must sign the note first');
  if (!row.cosign_required) throw new AppError('CONFLICT', 'this note needs no co-signature');
  if (row.cosigned_at) throw new AppError('CONFLICT', 'the note is already co-signed');
  if (actor.providerId === null || actor.providerId !== row.cosign_provider_id) {
    throw new AppError('FORBIDDEN', "only the rendering provider's supervising provider may co-sign this note");
  }
}

/**
 * The supervising provider named when the note was signed co-signs it (password or
 * authenticator code, as for signing). The signature is then complete: `encounter.signed` is
 * emitted in this transaction, naming the co-signer.
 */
export async function cosignEncounter(ctx: Ctx, id: string, proof: SignInput): Promise<Signature> {
  requirePermission(ctx, 'note:sign');
  await inTransaction(ctx, async (tx) => {
    const row = await loadEncounterFull(tx, id);
    await requirePatientAccess(tx, row.patient_id, 'note:sign');
    checkCosignable(tx, row);
  });
  const confirmed = await confirmIdentity(ctx, proof, 'sign encounter');
  return inTransaction(ctx, async (tx) => {
    const current = await lockEncounter(tx, id);
    const access = await requirePatientAccess(tx, current.patient_id, 'note:sign');
    checkCosignable(tx, current);
    const now = tx.clock.now();
    const cosigned = await tx.db
      .updateTable('encounters')
      .set({ cosigned_at: now, cosigned_by: confirmed.userId, version: current.version + 1, updated_at: now })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      action: 'sign',
      resourceType: 'encounter',
      resourceId: id,
      access,
      details: { cosign: true, method: confirmed.method },
    });
    const full = await loadEncounterFull(tx, id);
    await emit(tx, encounterSigned, signedPayload(full));
    return toSignature(cosigned);
  });
}
