/**
 * Messages other modules queue and send (the waitlist's offers, statement notices): comms owns the message log,
 * so they write it through these. A message is queued in the transaction that decides it
 * (its unique key is the "sent once" guard), addressed when its job runs, then delivered
 * (deliverMessage) or skipped (skipMessage).
 */
import type { Db } from '../shared/context.ts';
import type { ChannelKind, MessageKind, MessageStatus } from './comms.tables.ts';

export interface NewMessage {
  organizationId: string;
  patientId: string;
  kind: MessageKind;
  channel: ChannelKind;
  /** The waitlist offer the message carries (one message per offer). */
  offerId?: string | null;
  /** The payment whose receipt the message carries. */
  paymentId?: string | null;
  createdAt: Date;
}

/** Queue a message; answers its id. */
export async function queueMessage(db: Db, m: NewMessage): Promise<string> {
  const row = await db
    .insertInto('messages')
    .values({
      organization_id: m.organizationId,
      patient_id: m.patientId,
      kind: m.kind,
      channel: m.channel,
      offer_id: m.offerId ?? null,
      payment_id: m.paymentId ?? null,
      created_at: m.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The message carrying a waitlist offer, locked for sending (FOR UPDATE); null when there is none. */
export async function lockOfferMessage(
  db: Db,
  organizationId: string,
  offerId: string,
): Promise<{ id: string; status: MessageStatus } | null> {
  const row = await db
    .selectFrom('messages')
    .select(['id', 'status'])
    .where('offer_id', '=', offerId)
    .where('organization_id', '=', organizationId)
    .forUpdate()
    .executeTakeFirst();
  return row ?? null;
}

/** Record where a queued message goes and its subject, before it is delivered. */
export async function addressMessage(db: Db, messageId: string, to: { address: string; subject: string }): Promise<void> {
  await db.updateTable('messages').set({ to_address: to.address, subject: to.subject }).where('id', '=', messageId).execute();
}

/** A queued message by id, locked for sending (FOR UPDATE); null when there is none. */
export async function lockMessage(
  db: Db,
  organizationId: string,
  messageId: string,
): Promise<{ id: string; status: MessageStatus; patientId: string; paymentId: string | null } | null> {
  const row = await db
    .selectFrom('messages')
    .select(['id', 'status', 'patient_id', 'payment_id'])
    .where('id', '=', messageId)
    .where('organization_id', '=', organizationId)
    .forUpdate()
    .executeTakeFirst();
  return row ? { id: row.id, status: row.status, patientId: row.patient_id, paymentId: row.payment_id } : null;
}
