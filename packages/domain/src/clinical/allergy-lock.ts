import { sql } from 'kysely';
import type { Ctx } from '../shared/context.ts';

/**
 * Serializes the writers of one patient's allergy statement (adding or reactivating an
 * allergy, recording "no known allergies") until the transaction ends: a "no known allergies"
 * statement can then never be recorded beside an allergy added at the same moment.
 */
export async function lockAllergies(tx: Ctx, patientId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('clinical.allergies'), hashtext(${patientId}))`.execute(tx.db);
}
