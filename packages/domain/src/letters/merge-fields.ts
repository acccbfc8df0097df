/**
 * The merge language of letter templates: plain text with `{{group.field}}` placeholders. It is
 * deliberately small and strict: every placeholder must name a field of MERGE_FIELDS (checked
 * when a template is saved, so a typo never reaches a printed letter), and rendering is one pass
 * over the template, so a value is inserted as text and never read again: a patient named
 * `{{balance.due}}` or `<b>Ann</b>` prints exactly so. The PDF draws text, never markup, and the
 * web preview renders it as text.
 */
import { invalid } from '../shared/errors.ts';

/** Every field a template may use, with what it prints (the editor lists them). */
export const MERGE_FIELDS = {
  'patient.firstName': 'First (given) name',
  'patient.lastName': 'Last (family) name',
  'patient.fullName': 'Full name as written',
  'patient.birthDate': 'Date of birth (MM/DD/YYYY)',
  'patient.address': 'Mailing address (several lines)',
  'guarantor.name': 'Who answers for the bill',
  'guarantor.address': "The guarantor's mailing address",
  'provider.name': 'The signing provider, with credentials',
  'provider.npi': "The signing provider's NPI",
  'appointment.date': 'Visit date (e.g. Tuesday, March 4, 2026)',
  'appointment.time': 'Visit time at the location (e.g. 9:30 AM)',
  'appointment.start': 'Visit date and time',
  'appointment.provider': 'Who the visit is with',
  'appointment.location': 'Where the visit is',
  'balance.due': 'What the patient owes (e.g. $125.00)',
  'recall.type': 'What the patient is due for (e.g. annual physical)',
  'recall.dueDate': 'When it was due',
  'practice.name': 'The practice',
  'location.name': 'The location',
  'location.phone': "The location's phone",
  'location.address': "The location's address",
  today: "Today's date",
} as const;
export type MergeField = keyof typeof MERGE_FIELDS;
export type MergeValues = Partial<Record<MergeField, string>>;

const TOKEN = /\{\{\s*([^{}]*?)\s*\}\}/g;

type Piece = { text: string } | { field: MergeField };

/**
 * Splits a template into text and fields. Throws a 400 naming `path` (the body) for an unknown
 * field, an empty `{{}}`, or a `{{` / `}}` without its other half.
 */
export function parseTemplate(body: string, path = 'body'): Piece[] {
  const pieces: Piece[] = [];
  let at = 0;
  for (const m of body.matchAll(TOKEN)) {
    const before = body.slice(at, m.index);
    checkStray(before, path);
    if (before) pieces.push({ text: before });
    const name = m[1] ?? '';
    if (!(name in MERGE_FIELDS))
      throw invalid(path, name ? `unknown merge field {{${name}}}` : 'an empty merge field {{}}: name a field or remove the braces');
    pieces.push({ field: name as MergeField });
    at = m.index + m[0].length;
  }
  const rest = body.slice(at);
  checkStray(rest, path);
  if (rest) pieces.push({ text: rest });
  return pieces;
}

function checkStray(text: string, path: string) {
  if (text.includes('{{')) throw invalid(path, 'a merge field opened with {{ is not closed with }}');
  if (text.includes('}}')) throw invalid(path, 'a }} closes no merge field');
}

/** The fields a template uses, each once, in order. */
export function fieldsOf(body: string): MergeField[] {
  return [...new Set(parseTemplate(body).flatMap((p) => ('field' in p ? [p.field] : [])))];
}

/**
 * Fills a checked template. One pass: values are inserted as they are and never scanned for
 * fields. A field with no value (no appointment given, no balance) prints an empty blank line
 * marker so the letter shows what is missing.
 */
export function renderTemplate(body: string, values: MergeValues): string {
  return parseTemplate(body)
    .map((p) => ('text' in p ? p.text : (values[p.field] ?? '________')))
    .join('');
}
