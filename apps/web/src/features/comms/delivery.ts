/**
 * What happened to a message, as a sentence for the front desk ("Not sent: the patient has not
 * agreed to reminders by email."), never the stored code ("skipped", "no_consent").
 */
import { displayPhone } from '../../app/format-phone.ts';
import type { PatientMessage } from './comms-api.ts';

type Delivery = Pick<PatientMessage, 'status' | 'channel' | 'skipReason' | 'error' | 'kind'>;

const BY = { email: 'by email', sms: 'by text message' } as const;
const ADDRESS = { email: 'email address', sms: 'mobile phone number' } as const;

/** A short word for the badge. */
export const STATUS_LABELS: Record<PatientMessage['status'], string> = {
  queued: 'Waiting',
  sent: 'Sent',
  delivered: 'Delivered',
  failed: 'Not sent',
  bounced: 'Bounced',
  skipped: 'Not sent',
};

/** Why a message was skipped (deliver-message.ts `SkipReason`), as the rest of "Not sent: …". */
export function skipReasonText(
  reason: string | null,
  channel: PatientMessage['channel'],
  kind: PatientMessage['kind'] = 'reminder',
): string {
  const what = kind === 'reminder' ? 'reminders' : 'messages';
  switch (reason) {
    case 'no_consent':
      return `the patient has not agreed to ${what} ${BY[channel]}.`;
    case 'no_address':
      return `the patient's record has no ${ADDRESS[channel]}.`;
    case 'appointment_inactive':
      return 'the appointment was cancelled or moved before the reminder was due.';
    default:
      return 'ClinicDesk held it back.';
  }
}

/** The sentence under the badge. */
export function deliveryLine(m: Delivery): string {
  switch (m.status) {
    case 'queued':
      return 'Waiting to be sent.';
    case 'sent':
      return `Sent ${BY[m.channel]}.`;
    case 'delivered':
      return `Delivered ${BY[m.channel]}: the phone received it.`;
    case 'bounced':
      return `Bounced: the ${m.channel === 'email' ? 'email address' : 'phone number'} did not accept it. Check it with the patient.`;
    case 'failed':
      if (m.error && /SMTP|mail server/i.test(m.error))
        return 'Not sent: the mail server could not be reached or refused it. Check Admin → Reminders.';
      if (m.error && /not set up/i.test(m.error)) return 'Not sent: text messages are not set up. Check Admin → Reminders.';
      if (m.error && /21610/.test(m.error)) return 'Not sent: the patient replied STOP to the practice number.';
      if (m.error && /refused the text/i.test(m.error)) return 'Not sent: the text provider refused it (check the number).';
      return 'Not sent: sending failed after several tries.';
    case 'skipped':
      return `Not sent: ${skipReasonText(m.skipReason, m.channel, m.kind)}`;
  }
}

/** Where it went: an email address as is, a phone as (303) 555-0142. */
export const recipient = (m: Pick<PatientMessage, 'to' | 'channel'>) => (m.to ? (m.channel === 'sms' ? displayPhone(m.to) : m.to) : '—');
