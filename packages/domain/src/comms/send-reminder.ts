/**
 * Send one reminder (appointment × rule). The message row is inserted first under the
 * unique (appointment_id, rule_id) key: a second job, runner or retry for the same pair
 * finds it (or waits for the first to commit) and does nothing. Patients without consent or
 * address for the rule's channel get a `skipped` row with the reason instead. A text reminder
 * goes through the text outbox (send-text.ts: quiet hours of the visit's location); the patient
 * answers C or N (receive-inbound-sms.ts).
 */
import type { JobHandler } from '../jobs/index.ts';
import { loadAppointmentSummary } from './appointment-summary.ts';
import { resolveComms } from './comms-settings.ts';
import { deliverMessage, emailRecipient, skipMessage, smsRecipient } from './deliver-message.ts';
import { scheduleText } from './send-text.ts';
import { issueLink } from './signed-links.ts';

export const handleSendReminderJob: JobHandler = async (job) => {
  const { db, clock } = job;
  const { organizationId, appointmentId, ruleId } = job.job.payload as { organizationId: string; appointmentId: string; ruleId: string };
  const appt = await loadAppointmentSummary(db, organizationId, appointmentId);
  if (!appt) return;
  const rule = await db.selectFrom('reminder_rules').select('channel').where('id', '=', ruleId).executeTakeFirst();
  const channel = rule?.channel ?? 'email';
  const subject = `Appointment reminder: ${appt.when}`;
  const inserted = await db
    .insertInto('messages')
    .values({
      organization_id: organizationId,
      patient_id: appt.patientId,
      appointment_id: appointmentId,
      rule_id: ruleId,
      kind: 'reminder',
      channel,
      subject,
      created_at: clock.now(),
    })
    .onConflict((oc) => oc.columns(['appointment_id', 'rule_id']).where('rule_id', 'is not', null).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return; // already sent (or skipped) by an earlier run
  if ((appt.status !== 'scheduled' && appt.status !== 'confirmed') || appt.startsAt <= clock.now()) {
    await skipMessage(db, inserted.id, 'appointment_inactive');
    return;
  }
  const recipient = await (channel === 'sms' ? smsRecipient : emailRecipient)(db, organizationId, appt.patientId);
  if ('skip' in recipient) {
    await skipMessage(db, inserted.id, recipient.skip);
    return;
  }
  const comms = await resolveComms(db, organizationId, job.installation);
  if (channel === 'sms') {
    const body = `${appt.practiceName}: reminder of your visit ${appt.when} at ${appt.locationName}. Reply C to confirm or N to cancel. Reply STOP to stop texts.`;
    await scheduleText(db, comms, { organizationId, messageId: inserted.id, to: recipient.to, body, zone: appt.zone, now: clock.now() });
    return;
  }
  await db.updateTable('messages').set({ to_address: recipient.to }).where('id', '=', inserted.id).execute();
  const link = (purpose: 'confirm' | 'cancel') =>
    issueLink(db, { organizationId, purpose, subjectId: appointmentId, patientId: appt.patientId, expiresAt: appt.startsAt });
  const [confirm, cancel] = [await link('confirm'), await link('cancel')];
  const text = [
    `This is a reminder of your appointment with ${appt.practiceName}.`,
    '',
    `When: ${appt.when}`,
    `Where: ${appt.locationName}`,
    '',
    `To confirm, open: ${comms.publicUrl}/r/${confirm}`,
    `To cancel, open: ${comms.publicUrl}/r/${cancel}`,
    '',
    'Please do not reply to this message; call the practice with any questions.',
  ].join('\n');
  await deliverMessage(job, comms, { id: inserted.id, to: recipient.to, subject, text });
};
