/** Patient messages: channels, reminder rules and the sweep, the message log, one-click links. */
export type { MessageChannel, OutgoingMessage } from './channel.ts';
export { createEmailChannel, parseSmtpUrl, type SmtpConfig } from './email-channel.ts';
export { type CommsEnv, channelFor, practicePublicUrl, resolveComms, type ResolvedComms } from './comms-settings.ts';
export * from './comms.schemas.ts';
export type { CommsTables, LinkPurpose, MessageStatus } from './comms.tables.ts';
export { localWhen } from './appointment-summary.ts';
export { getCommsSettings } from './get-comms-settings.ts';
export { updateCommsSettings } from './update-comms-settings.ts';
export { listReminderRules } from './list-reminder-rules.ts';
export { createReminderRule } from './create-reminder-rule.ts';
export { updateReminderRule } from './update-reminder-rule.ts';
export { deleteReminderRule } from './delete-reminder-rule.ts';
export { handleReminderSweepJob, REMINDER_SWEEP_QUEUE, SEND_REMINDER_QUEUE, sweepReminders } from './sweep-reminders.ts';
export { ReminderSweeper } from './reminder-sweeper.ts';
export { handleSendReminderJob } from './send-reminder.ts';
export { deliverMessage, emailRecipient, skipMessage } from './deliver-message.ts';
export { issueLink } from './signed-links.ts';
export type { LinkAction } from './link-actions.ts';
export { cancelLinkAction, confirmLinkAction } from './appointment-link-actions.ts';
export { type LinkPage, openSignedLink, useSignedLink } from './use-signed-link.ts';
export { listPatientMessages } from './list-patient-messages.ts';
/** Kept for the modules that import it from here; it lives in shared/context.ts. */
export { systemCtx } from '../shared/context.ts';
export { seedCommsDemo } from './seed-comms-demo.ts';
export { addressMessage, lockOfferMessage, type NewMessage, queueMessage } from './queued-message.ts';
