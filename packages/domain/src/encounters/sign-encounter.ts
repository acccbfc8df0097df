import { requirePatientAccess, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { confirmIdentity } from '../identity/index.ts';
import { providersByIds } from '../organizations/index.ts';
import { type Ctx, inTransaction, requireUser } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { emit } from '../shared/events.ts';
import { checkPointersForSigning } from './encounter-coding.ts';
import { type EncounterFull, loadEncounterFull, lockEncounter } from './encounter-row.ts';
import { signedPayload, toSignature } from './encounter-signature.ts';
import type { Signature, SignInput } from './encounters.schemas.ts';
import { encounterSigned } from './encounter-signed.ts';

/** What must hold to sign, checked before the password (cheap refusals first) and again under the row lock. */
function checkSignable(ctx: Ctx, row: EncounterFull): void {
  const actor = requireUser(ctx);
  if (row.status === 'signed') throw new AppError('NOTE_SIGNED', 'the note is already signed', { extra: { encounterId: row.id } });
  if (actor.providerId !== row.provider_id) throw new AppError('FORBIDDEN', "only the encounter's rendering provider may sign it");
  if ([row.subjective, row.objective, row.assessment, row.plan].every((t) => t.trim() === '')) {
    const message = 'write the note before signing it: every section is empty';
    throw new AppError('VALIDATION_FAILED', message, { errors: [{ path: 'note', message }] });
  }
  checkPointersForSigning(row.diagnoses.length, row.procedures);
}

/**
 * The rendering provider signs the note, re-entering their password or an authenticator code
 * (a wrong one counts toward the account's sign-in lockout). From then on it changes only by
 * addendum. When the provider's settings name a supervising provider, the note waits for
 * that supervisor's co-signature; otherwise the signature is complete and `encounter.signed`
 * is emitted in this transaction (billing, follow-ups).
 */
export async function signEncounter(ctx: Ctx, id: string, proof: SignInput): Promise<Signature> {
  requirePermission(ctx, 'note:sign');
  const actor = requireUser(ctx);
  await inTransaction(ctx, async (tx) => {
    const row = await loadEncounterFull(tx, id);
    await requirePatientAccess(tx, row.patient_id, 'note:sign');
    checkSignable(tx, row);
  });
  const confirmed = await confirmIdentity(ctx, proof, 'sign encounter');
  return inTransaction(ctx, async (tx) => {
    await lockEncounter(tx, id);
    const row = await loadEncounterFull(tx, id);
    const access = await requirePatientAccess(tx, row.patient_id, 'note:sign');
    checkSignable(tx, row);
    const [provider] = await providersByIds(tx, [row.provider_id]);
    const supervisor = provider?.supervisingProviderId ?? null;
    const now = tx.clock.now();
    const signed = await tx.db
      .updateTable('encounters')
      .set({
        status: 'signed',
        signed_at: now,
        signed_by: actor.userId,
        cosign_required: supervisor !== null,
        cosign_provider_id: supervisor,
        version: row.version + 1,
        updated_at: now,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      action: 'sign',
      resourceType: 'encounter',
      resourceId: id,
      access,
      details: { cosignRequired: supervisor !== null, method: confirmed.method },
    });
    if (supervisor === null) await emit(tx, encounterSigned, signedPayload({ ...row, ...signed }));
    return toSignature(signed);
  });
}
