/** One `messages` row as the API shows it, and the keyset cursor (created_at, id) of message lists. */
import { invalid } from '../shared/errors.ts';
import type { Message } from './comms.schemas.ts';
import type { MessageStatus } from './comms.tables.ts';

export interface MessageRow {
  id: string;
  kind: Message['kind'];
  channel: Message['channel'];
  to_address: string | null;
  subject: string;
  status: MessageStatus;
  appointment_id: string | null;
  provider_message_id: string | null;
  error: string | null;
  skip_reason: string | null;
  sent_at: Date | null;
  created_at: Date;
}

export function toMessage(m: MessageRow): Message {
  return {
    id: m.id,
    kind: m.kind,
    channel: m.channel,
    to: m.to_address,
    subject: m.subject,
    status: m.status,
    appointmentId: m.appointment_id,
    providerMessageId: m.provider_message_id,
    error: m.error,
    skipReason: m.skip_reason,
    sentAt: m.sent_at ? m.sent_at.toISOString() : null,
    createdAt: m.created_at.toISOString(),
  };
}

/** Keyset cursor: created_at and id of the last item (newest first). */
export function decodeMessageCursor(cursor: string | undefined): { at: Date; id: string } | null {
  if (!cursor) return null;
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || !id || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/i.test(id)) throw invalid('cursor', 'not a cursor from this list');
  return { at: new Date(at), id };
}

export function encodeMessageCursor(last: { created_at: Date; id: string }): string {
  return Buffer.from(`${last.created_at.toISOString()}|${last.id}`).toString('base64url');
}
