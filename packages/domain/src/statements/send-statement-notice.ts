/**
 * The emailed notice of a statement (a job, in its claiming transaction): to the guarantor's
 * email when they agreed to email, through comms' message log (sent once: the message row is
 * locked and must still be queued). The notice says a statement was issued, the amount due,
 * by when and how to pay; the visits stay on the statement itself (no PHI beyond the amount).
 */
import { addressMessage, deliverMessage, emailRecipient, lockMessage, resolveComms, skipMessage, textInstead } from '../comms/index.ts';
import type { JobHandler } from '../jobs/index.ts';
import { phoneText } from './statement-pdf.ts';
import type { StatementSnapshot } from './statements.schemas.ts';

const dollars = (n: number) => `$${(n / 100).toFixed(2)}`;

const OPENING: Record<StatementSnapshot['dunningLevel'], string> = {
  first: 'Your new statement is ready.',
  second: 'Second notice: the balance on your account is still unpaid.',
  final: 'Final notice: the balance on your account is past due.',
};

export function noticeText(s: StatementSnapshot): { subject: string; text: string } {
  const p = s.practice;
  const subject =
    s.dunningLevel === 'first'
      ? `Your statement from ${p.name}`
      : `${s.dunningLevel === 'second' ? 'Second' : 'Final'} notice from ${p.name}`;
  const text = [
    `${OPENING[s.dunningLevel]}`,
    '',
    `Account: ${s.guarantor.accountNumber}`,
    `Statement date: ${s.issuedOn}`,
    `Amount due: ${dollars(s.amountDueCents)} by ${s.dueOn}`,
    '',
    'How to pay:',
    `- at the front desk of ${[p.name, p.locationName].filter(Boolean).join(', ')}`,
    ...(p.addressLines.length ? [`- by check mailed to ${p.name}, ${p.addressLines.join(', ')}`] : []),
    ...(p.phone ? [`- by phone: call the billing office at ${phoneText(p.phone)}`] : []),
    '',
    'Your itemized statement is available from the front desk; for your privacy this email does not list your visits.',
  ].join('\n');
  return { subject, text };
}

export const handleSendStatementNoticeJob: JobHandler = async (job) => {
  const { db } = job;
  const { organizationId, statementId } = job.job.payload as { organizationId: string; statementId: string };
  const statement = await db
    .selectFrom('statements')
    .select(['id', 'message_id', 'guarantor_patient_id', 'snapshot'])
    .where('organization_id', '=', organizationId)
    .where('id', '=', statementId)
    .executeTakeFirst();
  if (!statement?.message_id || !statement.guarantor_patient_id) return;
  const message = await lockMessage(db, organizationId, statement.message_id);
  if (message?.status !== 'queued') return; // sent, skipped or failed already
  const recipient = await emailRecipient(db, organizationId, statement.guarantor_patient_id);
  const comms = await resolveComms(db, organizationId, job.installation);
  const snapshot = statement.snapshot as StatementSnapshot;
  const { subject, text } = noticeText(snapshot);
  // A guarantor who prefers texts, or has no email we may use, gets a short notice by text (amount and due date only).
  const sms = `${snapshot.practice.name}: your statement is ready. Amount due ${dollars(snapshot.amountDueCents)} by ${snapshot.dueOn}. Pay at the front desk${snapshot.practice.phone ? ` or call ${phoneText(snapshot.practice.phone)}` : ''}.`;
  const byText = await textInstead(job, comms, {
    organizationId,
    messageId: message.id,
    patientId: statement.guarantor_patient_id,
    zone: null,
    body: sms,
  });
  if (byText) return;
  if ('skip' in recipient) {
    await skipMessage(db, message.id, recipient.skip);
    return;
  }
  await addressMessage(db, message.id, { address: recipient.to, subject });
  await deliverMessage(job, comms, { id: message.id, to: recipient.to, subject, text });
};
