/** Between the patients row (snake_case, jsonb) and the public record (camelCase). */
import { createHash } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Guarantor, GuarantorInput, Patient, PatientData, PatientPatch } from './patients.schemas.ts';
import type { PatientsTable } from './patients.tables.ts';

/** What the record is made of: every column but the search keys and the registration hash, which only the database reads. */
type RecordColumn = Exclude<keyof PatientsTable, 'phone_digits' | 'name_keys' | 'registration_hash'>;

export type PatientRow = Pick<Selectable<PatientsTable>, RecordColumn>;

/** The columns to select or return for a record: no arrays for the driver to parse that nobody reads (hot paths). */
export const PATIENT_RECORD_COLUMNS: readonly RecordColumn[] = [
  'id',
  'organization_id',
  'mrn',
  'given_name',
  'middle_name',
  'family_name',
  'suffix',
  'preferred_name',
  'birth_date',
  'sex',
  'gender_identity',
  'pronouns',
  'preferred_language',
  'interpreter_needed',
  'phones',
  'email',
  'address',
  'status',
  'deceased_date',
  'restricted',
  'primary_provider_id',
  'preferred_location_id',
  'version',
  'created_at',
  'updated_at',
  'preferred_contact_method',
  'consent_email_reminders',
  'consent_sms_reminders',
  'emergency_contacts',
  'guarantor_kind',
  'guarantor_patient_id',
  'guarantor_person',
  'alerts',
  'merged_into_id',
  'merged_at',
  'external_id',
];

function toGuarantor(r: PatientRow): Guarantor {
  if (r.guarantor_kind === 'patient' && r.guarantor_patient_id) return { kind: 'patient', patientId: r.guarantor_patient_id };
  if (r.guarantor_kind === 'person' && r.guarantor_person) {
    const g = r.guarantor_person;
    return { kind: 'person', ...g, address: g.address ? { ...g.address, line2: g.address.line2 ?? null } : null };
  }
  return { kind: 'self' };
}

export function toPatient(r: PatientRow): Patient {
  return {
    id: r.id,
    mrn: r.mrn,
    givenName: r.given_name,
    middleName: r.middle_name,
    familyName: r.family_name,
    suffix: r.suffix,
    preferredName: r.preferred_name,
    birthDate: r.birth_date,
    sex: r.sex,
    genderIdentity: r.gender_identity,
    pronouns: r.pronouns,
    preferredLanguage: r.preferred_language,
    interpreterNeeded: r.interpreter_needed,
    phones: r.phones ?? [],
    email: r.email,
    address: r.address ? { ...r.address, line2: r.address.line2 ?? null } : null,
    preferredContactMethod: r.preferred_contact_method,
    consentEmailReminders: r.consent_email_reminders,
    consentSmsReminders: r.consent_sms_reminders,
    emergencyContacts: r.emergency_contacts ?? [],
    guarantor: toGuarantor(r),
    primaryProviderId: r.primary_provider_id,
    preferredLocationId: r.preferred_location_id,
    status: r.status,
    deceasedDate: r.deceased_date,
    restricted: r.restricted,
    alerts: r.alerts ?? [],
    mergedIntoId: r.merged_into_id,
    externalId: r.external_id,
    version: r.version,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

function guarantorColumns(g: GuarantorInput) {
  if (g.kind === 'patient') return { guarantor_kind: 'patient' as const, guarantor_patient_id: g.patientId, guarantor_person: null };
  if (g.kind === 'person') {
    const { kind: _kind, ...person } = g;
    return { guarantor_kind: 'person' as const, guarantor_patient_id: null, guarantor_person: JSON.stringify(person) };
  }
  return { guarantor_kind: 'self' as const, guarantor_patient_id: null, guarantor_person: null };
}

/** Columns for the fields present in `d` (a full registration or a patch). */
export function toPatientColumns(d: Partial<Omit<PatientData, 'confirmNotDuplicate'>> | PatientPatch) {
  const out: Record<string, unknown> = {};
  const set = (col: string, v: unknown, json = false) => {
    if (v !== undefined) out[col] = json && v !== null ? JSON.stringify(v) : v;
  };
  set('given_name', d.givenName);
  set('middle_name', d.middleName);
  set('family_name', d.familyName);
  set('suffix', d.suffix);
  set('preferred_name', d.preferredName);
  set('birth_date', d.birthDate);
  set('sex', d.sex);
  set('gender_identity', d.genderIdentity);
  set('pronouns', d.pronouns);
  set('preferred_language', d.preferredLanguage);
  set('interpreter_needed', d.interpreterNeeded);
  set('phones', d.phones, true);
  set('email', d.email);
  set('address', d.address, true);
  set('preferred_contact_method', d.preferredContactMethod);
  set('consent_email_reminders', d.consentEmailReminders);
  set('consent_sms_reminders', d.consentSmsReminders);
  set('emergency_contacts', d.emergencyContacts, true);
  if (d.guarantor !== undefined) Object.assign(out, guarantorColumns(d.guarantor));
  set('primary_provider_id', d.primaryProviderId);
  set('preferred_location_id', d.preferredLocationId);
  set('status', d.status);
  set('deceased_date', d.deceasedDate);
  set('restricted', d.restricted);
  set('alerts', d.alerts, true);
  return out;
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(typeof v === 'string' ? v.toLowerCase() : (v ?? null));
}

/** Hash of the canonical registration (keys sorted, case folded, confirmation flag left out). */
export function registrationHash(d: PatientData): string {
  const { confirmNotDuplicate: _c, ...rest } = d;
  return createHash('sha256').update(canonical(rest)).digest('hex');
}
