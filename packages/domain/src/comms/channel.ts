/**
 * A way to reach a patient. Email is the one built today; SMS plugs in later as another
 * MessageChannel of kind 'sms' without touching reminders or the waitlist.
 */
import type { ChannelKind } from './comms.tables.ts';

export interface OutgoingMessage {
  /** An email address, or an E.164 number for SMS. */
  to: string;
  /** Email only; SMS ignores it. */
  subject: string;
  text: string;
}

export interface MessageChannel {
  kind: ChannelKind;
  /** Resolves once the provider accepted the message; rejects when it did not. */
  send(message: OutgoingMessage): Promise<{ providerMessageId: string }>;
}
