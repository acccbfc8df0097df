/** The clinical module's public face: the chart's problem, allergy, medication and prescription lists. */
export { addAllergy } from './add-allergy.ts';
export { addMedication } from './add-medication.ts';
export { addProblem } from './add-problem.ts';
export * from './clinical.schemas.ts';
export type { ClinicalTables } from './clinical.tables.ts';
export { createPrescription } from './create-prescription.ts';
export { deaWithCheckDigit, isValidDea } from './dea-number.ts';
export { listAllergies } from './list-allergies.ts';
export { listMedications } from './list-medications.ts';
export { medicationsForRefill, type RefillMedication } from './medications-for-refill.ts';
export { listPrescriptions } from './list-prescriptions.ts';
export { listProblems } from './list-problems.ts';
export { printPrescription } from './print-prescription.ts';
export { recordNoKnownAllergies } from './record-no-known-allergies.ts';
export { updateAllergy } from './update-allergy.ts';
export { updateMedication } from './update-medication.ts';
export { updateProblem } from './update-problem.ts';
