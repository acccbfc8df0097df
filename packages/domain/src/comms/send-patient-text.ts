import { requirePatientAccess } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import type { SendTextInput, Text } from './comms.schemas.ts';
import { resolveComms } from './comms-settings.ts';
import { smsRecipient } from './deliver-message.ts';
import type { Installation } from '../shared/installation.ts';
import { scheduleText } from './send-text.ts';
import { deskZone } from './text-zone.ts';

/**
 * Text a patient from the chart. Only to a patient who agreed to texts and has a mobile number,
 * and only when the practice's SMS account is set up (CONFLICT otherwise, nothing queued). The
 * text goes through the outbox: at once in sending hours, else held until the morning of the
 * desk's location. Audited with the patient; the words are kept in the message log.
 */
export async function sendPatientText(ctx: Ctx, patientId: string, input: SendTextInput, installation: Installation): Promise<Text> {
  return inTransaction(ctx, async (tx) => {
    const access = await requirePatientAccess(tx, patientId, 'patient:write');
    const recipient = await smsRecipient(tx.db, tx.organizationId, patientId);
    if ('skip' in recipient)
      throw new AppError(
        'CONFLICT',
        recipient.skip === 'no_consent' ? 'the patient has not agreed to text messages' : 'the patient has no mobile number on record',
      );
    const comms = await resolveComms(tx.db, tx.organizationId, installation);
    if (!comms.sms) throw new AppError('CONFLICT', 'text messages are not set up (Admin → Reminders → Text messages)');
    const now = tx.clock.now();
    const row = await tx.db
      .insertInto('messages')
      .values({
        organization_id: tx.organizationId,
        patient_id: patientId,
        kind: 'text',
        channel: 'sms',
        body: input.body,
        sent_by: tx.actor.kind === 'user' ? tx.actor.userId : null,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const zone = await deskZone(tx.db, tx.organizationId, tx.locationId);
    const runAt = await scheduleText(tx.db, comms, {
      organizationId: tx.organizationId,
      messageId: row.id,
      to: recipient.to,
      body: input.body,
      zone,
      now,
    });
    const heldUntil = runAt > now ? runAt.toISOString() : null;
    await recordAudit(tx, {
      action: 'create',
      resourceType: 'patient_text',
      resourceId: row.id,
      access,
      details: { heldUntil },
    });
    return {
      id: row.id,
      direction: 'outbound',
      body: input.body,
      at: now.toISOString(),
      number: recipient.to,
      status: 'queued',
      error: heldUntil ? `held until ${heldUntil} (quiet hours)` : null,
      action: null,
      handledAt: null,
    };
  });
}
