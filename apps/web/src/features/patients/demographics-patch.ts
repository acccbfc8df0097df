/**
 * The demographics edit form's values, and the PATCH built from them: only the fields the
 * user changed are sent, so reapplying after a conflict never overwrites someone else's
 * edit of a field this user did not touch.
 */
import { displayPhone } from '../../app/format-phone.ts';
import type { Patient, PatientPatch } from './patients-api.ts';
import { isoOf, toUsDate } from './us-date.ts';

export interface DemographicsValues {
  givenName: string;
  middleName: string;
  familyName: string;
  suffix: string;
  preferredName: string;
  birthDate: string;
  sex: string;
  genderIdentity: string;
  pronouns: string;
  preferredLanguage: string;
  interpreterNeeded: boolean;
  phones: { type: string; number: string }[];
  email: string;
  address: { line1: string; line2: string; city: string; state: string; postalCode: string };
  preferredContactMethod: string;
  consentSmsReminders: boolean;
  consentEmailReminders: boolean;
  alerts: string[];
  status: string;
  deceasedDate: string;
  emergencyContacts: { name: string; relationship: string; phone: string }[];
  guarantor: GuarantorValues;
}

/** One shape for every kind, so switching kind in the form keeps what was typed. */
export interface GuarantorValues {
  kind: 'self' | 'patient' | 'person';
  patientId: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  relationship: string;
  phone: string;
  address: { line1: string; line2: string; city: string; state: string; postalCode: string };
}

function toGuarantorValues(g: Patient['guarantor']): GuarantorValues {
  const person = g.kind === 'person' ? g : null;
  const a = person?.address;
  return {
    kind: g.kind,
    patientId: g.kind === 'patient' ? g.patientId : '',
    givenName: person?.givenName ?? '',
    familyName: person?.familyName ?? '',
    birthDate: toUsDate(person?.birthDate),
    relationship: person?.relationship ?? '',
    phone: person?.phone ? displayPhone(person.phone) : '',
    address: { line1: a?.line1 ?? '', line2: a?.line2 ?? '', city: a?.city ?? '', state: a?.state ?? '', postalCode: a?.postalCode ?? '' },
  };
}

function addressOf(a: DemographicsValues['address']) {
  const any = a.line1 || a.line2 || a.city || a.state || a.postalCode;
  return any ? { line1: a.line1, line2: orNull(a.line2), city: a.city, state: a.state, postalCode: a.postalCode } : null;
}

function guarantorOf(g: GuarantorValues): unknown {
  if (g.kind === 'self') return { kind: 'self' };
  if (g.kind === 'patient') return { kind: 'patient', patientId: g.patientId };
  return {
    kind: 'person',
    givenName: g.givenName.trim(),
    familyName: g.familyName.trim(),
    birthDate: g.birthDate.trim() ? isoOf(g.birthDate) : null,
    relationship: orNull(g.relationship),
    phone: orNull(g.phone),
    address: addressOf(g.address),
  };
}

export type DemographicsField = keyof DemographicsValues;

/** Labels for the form and for the conflict panel (which also names fields the form does not edit). */
export const FIELD_LABELS: Record<string, string> = {
  givenName: 'Given name',
  middleName: 'Middle name',
  familyName: 'Family name',
  suffix: 'Suffix',
  preferredName: 'Preferred name',
  birthDate: 'Date of birth',
  sex: 'Sex at birth',
  genderIdentity: 'Gender identity',
  pronouns: 'Pronouns',
  preferredLanguage: 'Preferred language',
  interpreterNeeded: 'Interpreter needed',
  phones: 'Phones',
  email: 'Email',
  address: 'Address',
  preferredContactMethod: 'Preferred contact',
  consentSmsReminders: 'SMS reminders',
  consentEmailReminders: 'Email reminders',
  alerts: 'Front-desk alerts',
  status: 'Status',
  deceasedDate: 'Date of death',
  emergencyContacts: 'Emergency contacts',
  guarantor: 'Guarantor',
  primaryProviderId: 'Primary provider',
  preferredLocationId: 'Preferred location',
  restricted: 'Restricted record',
  // The server's nested field paths (list indexes dropped: api/problem.ts `labelOf`).
  'phones.number': 'Phone',
  'phones.type': 'Phone type',
  'address.line1': 'Street address',
  'address.line2': 'Address line 2',
  'address.city': 'City',
  'address.state': 'State',
  'address.postalCode': 'ZIP',
  'emergencyContacts.name': 'Emergency contact name',
  'emergencyContacts.relationship': 'Emergency contact relationship',
  'emergencyContacts.phone': 'Emergency contact phone',
  'guarantor.patientId': 'Guarantor (patient)',
  'guarantor.givenName': 'Guarantor given name',
  'guarantor.familyName': 'Guarantor family name',
  'guarantor.birthDate': 'Guarantor date of birth',
  'guarantor.relationship': 'Guarantor relationship',
  'guarantor.phone': 'Guarantor phone',
  'guarantor.address.line1': 'Guarantor street address',
  'guarantor.address.city': 'Guarantor city',
  'guarantor.address.state': 'Guarantor state',
  'guarantor.address.postalCode': 'Guarantor ZIP',
};

/** The record as form values (nulls as empty strings; at least one phone row to type into). */
export function toFormValues(p: Patient): DemographicsValues {
  const a = p.address;
  return {
    givenName: p.givenName,
    middleName: p.middleName ?? '',
    familyName: p.familyName,
    suffix: p.suffix ?? '',
    preferredName: p.preferredName ?? '',
    birthDate: toUsDate(p.birthDate),
    sex: p.sex,
    genderIdentity: p.genderIdentity ?? '',
    pronouns: p.pronouns ?? '',
    preferredLanguage: p.preferredLanguage ?? '',
    interpreterNeeded: p.interpreterNeeded,
    phones: p.phones.length ? p.phones.map((x) => ({ type: x.type, number: displayPhone(x.number) })) : [{ type: 'mobile', number: '' }],
    email: p.email ?? '',
    address: {
      line1: a?.line1 ?? '',
      line2: a?.line2 ?? '',
      city: a?.city ?? '',
      state: a?.state ?? '',
      postalCode: a?.postalCode ?? '',
    },
    preferredContactMethod: p.preferredContactMethod ?? '',
    consentSmsReminders: p.consentSmsReminders,
    consentEmailReminders: p.consentEmailReminders,
    alerts: [...p.alerts],
    status: p.status === 'merged' ? 'active' : p.status,
    deceasedDate: toUsDate(p.deceasedDate),
    emergencyContacts: p.emergencyContacts.map((c) => ({ name: c.name, relationship: c.relationship ?? '', phone: displayPhone(c.phone) })),
    guarantor: toGuarantorValues(p.guarantor),
  };
}

const orNull = (v: string) => (v.trim() ? v.trim() : null);

/** One form value in the API's shape. */
function toApiValue(field: DemographicsField, v: DemographicsValues): unknown {
  switch (field) {
    case 'phones':
      return v.phones.filter((x) => x.number.trim()).map((x) => ({ type: x.type, number: x.number.trim() }));
    case 'address':
      return addressOf(v.address);
    case 'emergencyContacts':
      return v.emergencyContacts
        .filter((c) => c.name.trim() || c.phone.trim())
        .map((c) => ({ name: c.name.trim(), relationship: orNull(c.relationship), phone: c.phone.trim() }));
    case 'guarantor':
      return guarantorOf(v.guarantor);
    case 'birthDate':
      return isoOf(v.birthDate);
    case 'deceasedDate':
      return v.deceasedDate.trim() ? isoOf(v.deceasedDate) : null;
    case 'givenName':
    case 'familyName':
    case 'sex':
    case 'status':
      return v[field];
    case 'interpreterNeeded':
    case 'consentSmsReminders':
    case 'consentEmailReminders':
    case 'alerts':
      return v[field];
    default:
      return orNull(v[field]);
  }
}

/** The PATCH body: the fields whose value differs from what the form started with. */
export function changedFields(initial: DemographicsValues, now: DemographicsValues): PatientPatch {
  const patch: Record<string, unknown> = {};
  for (const field of Object.keys(now) as DemographicsField[]) {
    const before = JSON.stringify(toApiValue(field, initial));
    const after = toApiValue(field, now);
    if (JSON.stringify(after) !== before) patch[field] = after;
  }
  return patch as PatientPatch;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A value from the record or the audit trail as one readable line: phones as (303) 555-0142,
 * dates as MM/DD/YYYY, and an id (a provider, a location, a guarantor patient) by the name
 * `nameOf` knows for it, never the id itself.
 */
export function formatValue(v: unknown, nameOf: (id: string) => string | undefined = () => undefined): string {
  const f = (x: unknown) => formatValue(x, nameOf);
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (Array.isArray(v)) return v.length ? v.map(f).join('; ') : '—';
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('number' in o && 'type' in o) return `${o.type}: ${displayPhone(String(o.number))}`;
    if ('line1' in o) return [o.line1, o.line2, o.city, `${o.state ?? ''} ${o.postalCode ?? ''}`.trim()].filter(Boolean).join(', ');
    if ('kind' in o) {
      if (o.kind === 'person') return `${o.givenName} ${o.familyName}`;
      if (o.kind === 'patient') return nameOf(String(o.patientId)) ?? 'another patient';
      return o.kind === 'self' ? 'the patient' : String(o.kind);
    }
    if ('name' in o && 'phone' in o) return `${o.name} ${displayPhone(String(o.phone))}`;
    return JSON.stringify(v);
  }
  if (typeof v === 'string' && UUID.test(v)) return nameOf(v) ?? 'another record';
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return toUsDate(v);
  return String(v);
}
