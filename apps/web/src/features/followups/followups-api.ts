/** Types of the follow-up and recall APIs, from the generated schema, the words the screens show, and date helpers. */
import type { paths } from '../../api/schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type FollowUp = Json<paths['/api/follow-ups']['get']['responses'][200]>['items'][number];
export type FollowUpStatus = FollowUp['status'];
export type Recall = Json<paths['/api/recalls']['get']['responses'][200]>['items'][number];
export type RecallInput = Json<paths['/api/patients/{id}/recalls']['post']['requestBody']>;
export type RecallContactInput = Json<paths['/api/recalls/{id}/contacts']['post']['requestBody']>;

export const RECALL_TYPE_LABELS: Record<Recall['recallType'], string> = {
  annual_physical: 'Annual physical',
  wellness: 'Wellness visit',
  diabetic_eye: 'Diabetic eye exam',
  mammogram: 'Mammogram',
  colonoscopy: 'Colonoscopy',
  lab: 'Lab work',
  other: 'Other',
};

export const METHOD_LABELS: Record<RecallContactInput['method'], string> = {
  phone: 'Phone call',
  sms: 'Text message',
  email: 'Email',
  letter: 'Letter',
  in_person: 'In person',
};

export const OUTCOME_LABELS: Record<RecallContactInput['outcome'], string> = {
  reached: 'Reached',
  left_message: 'Left a message',
  no_answer: 'No answer',
  wrong_number: 'Wrong number',
  declined: 'Declined',
  booked: 'Booked',
};

/** "Annual physical", or the practice's own words ("Lab work: A1c"). */
export function recallName(r: Pick<Recall, 'recallType' | 'label'>): string {
  if (r.recallType === 'other') return r.label ?? 'Other';
  return r.label ? `${RECALL_TYPE_LABELS[r.recallType]}: ${r.label}` : RECALL_TYPE_LABELS[r.recallType];
}

const DAY = 86_400_000;

/** A `YYYY-MM-DD` date plus `days` (calendar arithmetic, no time zone involved). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** The later of two `YYYY-MM-DD` dates. */
export function laterDate(a: string, b: string): string {
  return a.localeCompare(b) >= 0 ? a : b;
}

/** The Monday of the week `date` falls in. */
export function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

/** Today's date on a zone's clock (the browser's when the zone is unknown). */
export function todayOn(zone: string | null | undefined): string {
  return new Date().toLocaleDateString('en-CA', zone ? { timeZone: zone } : {});
}

/** "Mon, Mar 9, 2026" for a `YYYY-MM-DD` date. */
export function longDate(date: string): string {
  return new Date(`${date}T12:00:00Z`).toLocaleDateString('en-US', {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
