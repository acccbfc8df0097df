import { defineModule } from '../module-manifest.ts';
import { commsAuditEvents } from './comms.audit.ts';
import { cancelLinkAction, confirmLinkAction } from './appointment-link-actions.ts';
import { ReminderSweeper } from './reminder-sweeper.ts';
import { handleSendReminderJob } from './send-reminder.ts';
import { seedCommsDemo } from './seed-comms-demo.ts';
import { handleSendTextJob, SEND_TEXT_QUEUE } from './send-text.ts';
import { handleSendEmailJob, SEND_EMAIL_QUEUE } from './queue-outreach.ts';
import { handleReminderSweepJob, REMINDER_SWEEP_QUEUE, SEND_REMINDER_QUEUE } from './sweep-reminders.ts';

/** Messages to patients: mail and text settings, texts both ways, reminder rules and the sweep, the message log, signed one-click links. */
export const commsModule = defineModule({
  name: 'comms',
  tables: ['app_secrets', 'comms_settings', 'reminder_rules', 'messages', 'signed_links', 'sms_inbound'],
  jobs: {
    [REMINDER_SWEEP_QUEUE]: handleReminderSweepJob,
    [SEND_REMINDER_QUEUE]: handleSendReminderJob,
    [SEND_TEXT_QUEUE]: handleSendTextJob,
    [SEND_EMAIL_QUEUE]: handleSendEmailJob,
  },
  // Due reminders are looked for once a minute (one sweep job per minute, whatever the process count).
  periodic: ({ db, clock, log }) => [
    new ReminderSweeper({ db, clock, onError: (err) => log.warn({ err }, 'reminder sweep could not be queued; will retry') }),
  ],
  linkActions: [confirmLinkAction, cancelLinkAction],
  demo: seedCommsDemo,
  // The message log follows the patient; sent messages are not changed.
  merge: { 'messages.patient_id': 'move', 'sms_inbound.patient_id': 'move' },
  audit: commsAuditEvents,
});
