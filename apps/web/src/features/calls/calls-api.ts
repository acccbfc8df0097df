/** Types of the call-log API, from the generated schema, and the words the screens show. */
import type { paths } from '../../api/schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type Call = Json<paths['/api/calls']['get']['responses'][200]>['items'][number];
export type CallInput = Json<paths['/api/calls']['post']['requestBody']>;
export type LoggedCall = Json<paths['/api/calls']['post']['responses'][201]>;
export type CallerCandidate = LoggedCall['candidates'][number];
export type WaitingCalls = Json<paths['/api/calls/waiting']['get']['responses'][200]>;

export const DIRECTION_LABELS: Record<Call['direction'], string> = { inbound: 'Incoming', outbound: 'Outgoing' };

export const REASON_LABELS: Record<Call['reason'], string> = {
  appointment: 'Appointment',
  refill_request: 'Refill request',
  billing_question: 'Billing question',
  results: 'Results',
  complaint: 'Complaint',
  other: 'Other',
};

export const OUTCOME_LABELS: Record<NonNullable<Call['outcome']>, string> = {
  resolved: 'Resolved',
  message_taken: 'Message taken',
  left_voicemail: 'Left a voicemail',
  voicemail: 'Voicemail received',
  missed: 'Missed',
  no_answer: 'No answer',
  wrong_number: 'Wrong number',
};

/** The outcomes that fit a direction (the server refuses the others). */
export function outcomesFor(direction: Call['direction']): NonNullable<Call['outcome']>[] {
  const both: NonNullable<Call['outcome']>[] = ['resolved', 'message_taken', 'wrong_number'];
  return direction === 'inbound' ? [...both, 'voicemail', 'missed'] : [...both, 'left_voicemail', 'no_answer'];
}

/** "+14135550111" as "(413) 555-0111" (other countries as stored). */
export function showPhone(e164: string): string {
  const m = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  return m ? `(${m[1]}) ${m[2]}-${m[3]}` : e164;
}
