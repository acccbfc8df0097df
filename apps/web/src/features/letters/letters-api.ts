/** Types and links of the letters feature, from the generated API schema. */
import type { paths } from '../../api/schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type LetterTemplate = Json<paths['/api/letter-templates']['get']['responses'][200]>['items'][number];
export type MergeField = Json<paths['/api/letter-templates/fields']['get']['responses'][200]>['items'][number];
export type Letter = Json<paths['/api/letters']['get']['responses'][200]>['items'][number];
export type LetterBatch = Json<paths['/api/letter-batches']['get']['responses'][200]>['items'][number];
export type LetterPreview = Json<paths['/api/letters/preview']['post']['responses'][200]>;

export const letterPdfUrl = (id: string) => `/api/letters/${encodeURIComponent(id)}/pdf`;
export const batchPdfUrl = (id: string) => `/api/letter-batches/${encodeURIComponent(id)}/pdf`;

export const AUDIENCE_LABELS: Record<LetterBatch['audience'], string> = {
  patients: 'Chosen patients',
  overdue_recalls: 'Patients with an overdue recall',
  balances_over: 'Patients owing at least an amount',
};

export const when = (iso: string) => new Date(iso).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });

/** Sample values for the editor's preview (the real letter is merged by the server for a patient). */
export const SAMPLE_VALUES: Record<string, string> = {
  'patient.firstName': 'Maria',
  'patient.lastName': 'García',
  'patient.fullName': 'Maria Elena García',
  'patient.birthDate': '04/12/1968',
  'patient.address': '14 Maple Street\nSpringfield, MA 01103',
  'guarantor.name': 'Maria Elena García',
  'guarantor.address': '14 Maple Street\nSpringfield, MA 01103',
  'provider.name': 'Anna Lee, MD',
  'provider.npi': '1234567893',
  'appointment.date': 'Tuesday, March 10, 2026',
  'appointment.time': '9:30 AM',
  'appointment.start': 'Tuesday, March 10, 2026 at 9:30 AM',
  'appointment.provider': 'Anna Lee, MD',
  'appointment.location': 'East Clinic, 12 Main Street',
  'balance.due': '$125.00',
  'recall.type': 'annual physical',
  'recall.dueDate': 'January 15, 2026',
  'practice.name': 'Riverside Family Practice',
  'location.name': 'East Clinic',
  'location.phone': '(413) 555-0100',
  'location.address': '12 Main Street, Springfield, MA 01103',
  today: 'March 4, 2026',
};

/** The editor's preview with sample values: one pass, so inserted text is never read again (as on the server). */
export function samplePreview(body: string): string {
  return body.replace(/\{\{\s*([^{}]*?)\s*\}\}/g, (whole, name: string) => SAMPLE_VALUES[name] ?? whole);
}
