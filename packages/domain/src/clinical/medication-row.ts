import type { Ctx } from '../shared/context.ts';
import { type MedicationRow, toMedication } from './clinical-rows.ts';
import type { Medication } from './clinical.schemas.ts';

/** A patient's medications with their prescribers' names (provider_directory), optionally one by id. */
export function selectMedications(tx: Ctx, patientId: string) {
  return tx.db
    .selectFrom('medications as m')
    .leftJoin('provider_directory as pr', (j) =>
      j.onRef('pr.id', '=', 'm.prescriber_provider_id').onRef('pr.organization_id', '=', 'm.organization_id'),
    )
    .selectAll('m')
    .select(['pr.given_name as pr_given_name', 'pr.family_name as pr_family_name', 'pr.credentials as pr_credentials'])
    .where('m.organization_id', '=', tx.organizationId)
    .where('m.patient_id', '=', patientId);
}

/** One medication as the API answers it (after a write). */
export async function readMedication(tx: Ctx, patientId: string, id: string): Promise<Medication> {
  const row = await selectMedications(tx, patientId).where('m.id', '=', id).executeTakeFirstOrThrow();
  return toMedication(row as MedicationRow);
}
