/**
 * What a merge does to records linked to the merged patient. Modules whose rows
 * need more than re-pointing (unique keys, exclusion constraints, caches)
 * register a hook here from their index.ts, as DEMO_SEEDERS does for demo data.
 * Plain foreign keys need no hook: mergePatients re-points every column that
 * references patients(id) after the hooks ran, so nothing is left on the tombstone.
 */
import type { Ctx } from '../shared/context.ts';

export interface PatientMerge {
  survivorId: string;
  mergedId: string;
}

export interface PatientMergeHook {
  /** Shown in the audit row's `moved` counts, e.g. "coverages". */
  name: string;
  /** Runs inside the merge transaction; returns how many rows it moved. */
  run(tx: Ctx, merge: PatientMerge): Promise<number>;
}

export const PATIENT_MERGE_HOOKS: PatientMergeHook[] = [];

/** Register once by name (re-registering replaces, so hot reloads do not double up). */
export function registerPatientMergeHook(hook: PatientMergeHook): void {
  const i = PATIENT_MERGE_HOOKS.findIndex((h) => h.name === hook.name);
  if (i >= 0) PATIENT_MERGE_HOOKS[i] = hook;
  else PATIENT_MERGE_HOOKS.push(hook);
}

// The care team's primary key is (patient_id, user_id): a user on both teams keeps one row.
registerPatientMergeHook({
  name: 'careTeam',
  async run(tx, { survivorId, mergedId }) {
    const members = await tx.db.selectFrom('patient_care_team').select('user_id').where('patient_id', '=', mergedId).execute();
    if (!members.length) return 0;
    await tx.db
      .insertInto('patient_care_team')
      .values(members.map((m) => ({ organization_id: tx.organizationId, patient_id: survivorId, user_id: m.user_id })))
      .onConflict((oc) => oc.doNothing())
      .execute();
    await tx.db.deleteFrom('patient_care_team').where('patient_id', '=', mergedId).execute();
    return members.length;
  },
});
