/** Types of the patient-messages API (mail and text settings, reminder rules, message history, texts), from the generated schema. */
import type { paths } from '../../api/schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type CommsSettings = Json<paths['/api/comms/settings']['get']['responses'][200]>;
export type CommsSettingsPatch = Json<paths['/api/comms/settings']['patch']['requestBody']>;
export type ReminderRule = Json<paths['/api/reminder-rules']['get']['responses'][200]>['items'][number];
export type PatientMessage = Json<paths['/api/patients/{id}/messages']['get']['responses'][200]>['items'][number];
export type PatientText = Json<paths['/api/patients/{id}/texts']['get']['responses'][200]>['items'][number];
export type InboxText = Json<paths['/api/sms/inbox']['get']['responses'][200]>['items'][number];

export const SOURCE_LABELS: Record<CommsSettings['effectiveSource'], string> = {
  organization: "the practice's own server (below)",
  environment: "the installation's server (SMTP_URL)",
  none: 'nowhere: no mail server is set, so reminders are skipped',
};

/** "2 h", "1 day", "3 days 4 h". */
export function hoursLabel(hours: number): string {
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  const parts = [days ? `${days} ${days === 1 ? 'day' : 'days'}` : '', rest ? `${rest} h` : ''].filter(Boolean);
  return parts.join(' ');
}

/** Reminders go out between 1 hour and 30 days before a visit: anything else is refused here, never quietly changed. */
export function hoursProblem(value: number | string): string | null {
  if (value === '') return null;
  const n = Number(value);
  if (!Number.isInteger(n)) return 'Enter whole hours';
  if (n < 1) return 'At least 1 hour before the visit';
  if (n > 720) return 'At most 720 hours (30 days) before the visit';
  return null;
}
