/**
 * Merging two patient records. `patient.merging` is emitted inside the merge
 * transaction before anything else moves; modules whose rows need more than
 * re-pointing (unique keys, exclusion constraints) react to it and answer how many
 * rows they moved. Every other column that points at patients.id is then handled as
 * its owner's manifest declares (`merge` policies: move, keep, refuse).
 */
import type { Ctx } from '../shared/context.ts';
import { defineEvent } from '../shared/events.ts';

export interface PatientMerge {
  survivorId: string;
  mergedId: string;
}

export const patientMerging = defineEvent<PatientMerge>('patient.merging');

/** The care team's primary key is (patient_id, user_id): a user on both teams keeps one row. */
export async function mergeCareTeam(tx: Ctx, { survivorId, mergedId }: PatientMerge): Promise<number> {
  const members = await tx.db.selectFrom('patient_care_team').select('user_id').where('patient_id', '=', mergedId).execute();
  if (!members.length) return 0;
  await tx.db
    .insertInto('patient_care_team')
    .values(members.map((m) => ({ organization_id: tx.organizationId, patient_id: survivorId, user_id: m.user_id })))
    .onConflict((oc) => oc.doNothing())
    .execute();
  await tx.db.deleteFrom('patient_care_team').where('patient_id', '=', mergedId).execute();
  return members.length;
}
