import { type PatientAccess, requirePatientAccess } from '../access/index.ts';
import type { Permission } from '../access/index.ts';
import { familyOf } from '../patients/index.ts';
import type { Ctx } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';

/** The patient record a guarantor key lives on: the guarantor patient, or the patient whose outside guarantor it is. */
export function keyPatientId(key: string): string {
  return key.startsWith('person:') ? key.slice('person:'.length) : key;
}

/**
 * A guarantor the caller may work on: the key answers for at least one patient of the practice,
 * and the caller may open the record it lives on (404 otherwise, as for a missing one). Answers
 * the access decision for the audit row, and the guarantor's patients.
 */
export async function requireGuarantor(
  tx: Ctx,
  key: string,
  permission: Permission,
): Promise<{ access: PatientAccess; patientIds: string[]; phone: string | null }> {
  const access = await requirePatientAccess(tx, keyPatientId(key), permission);
  const family = await familyOf(tx, key);
  if (!family) throw notFound('guarantor');
  return { access, patientIds: family.members.map((m) => m.patientId), phone: family.phone };
}

/** The row of a guarantor's collection state, created empty on first use (idempotent). */
export async function ensureCollectionAccount(tx: Ctx, key: string): Promise<void> {
  await tx.db
    .insertInto('collection_accounts')
    .values({ organization_id: tx.organizationId, guarantor_key: key, updated_at: tx.clock.now() })
    .onConflict((oc) => oc.columns(['organization_id', 'guarantor_key']).doNothing())
    .execute();
}
