/**
 * Send one reminder (appointment × rule). The message row is inserted first under the
 * unique (appointment_id, rule_id) key: a second job, runner or retry for the same pair
 * finds it (or waits for the first to commit) and does nothing. Patients without email
 * consent or address get a `skipped` row with the reason instead.
 */
import type { JobHandler } from '../jobs/index.ts';
import { loadAppointmentSummary } from './appointment-summary.ts';
import { resolveComms } from './comms-settings.ts';
import { deliverMessage, emailRecipient, skipMessage } from './deliver-message.ts';
import { issueLink } from './signed-links.ts';

export const handleSendReminderJob: JobHandler = async (job) => {
  const { db, clock } = job;
  const { organizationId, appointmentId, ruleId } = job.job.payload as { organizationId: string; appointmentId: string; ruleId: string };
  const appt = await loadAppointmentSummary(db, organizationId, appointmentId);
  if (!appt) return;
  const subject = `Appointment reminder: ${appt.when}`;
  const inserted = await db
    .insertInto('messages')
    .values({
      organization_id: organizationId,
      patient_id: appt.patientId,
      appointment_id: appointmentId,
      rule_id: ruleId,
      kind: 'reminder',
      channel: 'email',
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
  const recipient = await emailRecipient(db, organizationId, appt.patientId);
  if ('skip' in recipient) {
    await skipMessage(db, inserted.id, recipient.skip);
    return;
  }
  await db.updateTable('messages').set({ to_address: recipient.to }).where('id', '=', inserted.id).execute();
  const comms = await resolveComms(db, organizationId, job.installation);
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
