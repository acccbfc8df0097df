export { createPatient } from './create-patient.ts';
export { findDuplicateCandidates } from './find-duplicates.ts';
export { getCareTeam } from './get-care-team.ts';
export { getPatient } from './get-patient.ts';
export {
  IMPORT_FIELDS,
  type ImportBatchResult,
  type ImportField,
  type ImportRow,
  type ImportRowError,
  importPatientBatch,
} from './import-patients.ts';
export { parseLooseDate } from './loose-date.ts';
export { mergeCareTeam, type PatientMerge, patientMerging } from './merge-hooks.ts';
export { mergePatients } from './merge-patients.ts';
export * from './patients.schemas.ts';
export type { PatientsTables } from './patients.tables.ts';
export { type SearchInput, searchPatients } from './search-patients.ts';
export { setCareTeam } from './set-care-team.ts';
export { updatePatient } from './update-patient.ts';
export { emailContactOf } from './email-contact.ts';
export { type PatientStatus, patientStatus } from './patient-status.ts';
export { type Guarantor, guarantorsOf } from './guarantors.ts';
export { FAMILY_LIMIT, type Family, type FamilyMember, familiesOf, familyOf } from './family-of.ts';
export { patientsWithPhone, smsContactOf } from './sms-contact.ts';
export { setSmsConsent } from './set-sms-consent.ts';
export { type PhoneMatch, patientsByPhone } from './patients-by-phone.ts';
export { type OutreachContact, outreachContactOf } from './outreach-contact.ts';
