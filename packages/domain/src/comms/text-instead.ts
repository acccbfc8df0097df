/**
 * A patient who prefers texts (preferred contact: text message), or who cannot get it by email (no
 * email address, or no agreement to email), gets a message other modules queue by email (a
 * waiting-list offer, a statement notice) as a text instead, when they agreed
 * to texts, have a mobile number and the practice's SMS account is set up, and the text can leave
 * before `notAfter` (an offer that would expire during quiet hours goes by email now). The message
 * row becomes channel `sms` and goes through the text outbox. Answers whether it did.
 */
import type { JobContext } from '../jobs/index.ts';
import { emailContactOf, smsContactOf } from '../patients/index.ts';
import type { ResolvedComms } from './comms-settings.ts';
import { nextSendTime } from './quiet-hours.ts';
import { scheduleText } from './send-text.ts';
import { deskZone } from './text-zone.ts';

export async function textInstead(
  job: JobContext,
  comms: ResolvedComms,
  m: { organizationId: string; messageId: string; patientId: string; zone: string | null; body: string; notAfter?: Date },
): Promise<boolean> {
  if (!comms.sms) return false;
  const c = await smsContactOf(job.db, m.organizationId, m.patientId);
  if (!c.consentSmsReminders || !c.mobile) return false;
  if (!c.prefersSms) {
    const e = await emailContactOf(job.db, m.organizationId, m.patientId);
    if (e.email && e.consentEmailReminders) return false;
  }
  const now = job.clock.now();
  const zone = m.zone ?? (await deskZone(job.db, m.organizationId, null));
  if (m.notAfter && nextSendTime(now, zone, comms.smsWindow) >= m.notAfter) return false;
  await job.db.updateTable('messages').set({ channel: 'sms' }).where('id', '=', m.messageId).execute();
  await scheduleText(job.db, comms, { organizationId: m.organizationId, messageId: m.messageId, to: c.mobile, body: m.body, zone, now });
  return true;
}
