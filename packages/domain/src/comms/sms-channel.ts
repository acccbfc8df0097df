/**
 * The SMS channel: a Twilio-compatible REST API. `POST {base}/2010-04-01/Accounts/{sid}/Messages.json`
 * with the form fields To, From, Body (and StatusCallback when the practice has a public URL),
 * HTTP basic auth with the account SID and auth token. A 2xx answers the provider's message sid.
 * A 4xx is the provider refusing this message for good (21211 not a valid number, 21610 the
 * recipient texted STOP): `SmsRejected`, never retried. A 5xx, a timeout or a network failure is
 * an ordinary error the job runner retries.
 */
import type { MessageChannel } from './channel.ts';

export const DEFAULT_SMS_API_BASE_URL = 'https://api.twilio.com';

export interface SmsConfig {
  accountSid: string;
  authToken: string;
  /** The practice's number, E.164. */
  from: string;
  /** Default https://api.twilio.com; tests point it at a local fake. */
  apiBaseUrl: string;
  /** Where the provider reports delivery (POST /api/sms/status), or null for none. */
  statusCallbackUrl: string | null;
  timeoutMs?: number;
}

/** The provider refused the message (a 4xx): retrying would be refused again. */
export class SmsRejected extends Error {
  constructor(
    message: string,
    readonly providerCode: number | null,
  ) {
    super(message);
  }
}

type Answer = { sid?: unknown; status?: unknown; code?: unknown; message?: unknown };

export function createSmsChannel(config: SmsConfig): MessageChannel {
  const base = config.apiBaseUrl.replace(/\/+$/, '');
  const url = `${base}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/Messages.json`;
  const auth = `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString('base64')}`;
  return {
    kind: 'sms',
    async send(message) {
      const form = new URLSearchParams({ To: message.to, From: config.from, Body: message.text });
      if (config.statusCallbackUrl) form.set('StatusCallback', config.statusCallbackUrl);
      const res = await fetch(url, {
        method: 'POST',
        headers: { authorization: auth, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form.toString(),
        signal: AbortSignal.timeout(config.timeoutMs ?? 10_000),
      });
      const answer = (await res.json().catch(() => ({}))) as Answer;
      if (res.status >= 200 && res.status < 300 && typeof answer.sid === 'string' && answer.sid) return { providerMessageId: answer.sid };
      const code = typeof answer.code === 'number' ? answer.code : null;
      const why = typeof answer.message === 'string' ? answer.message.slice(0, 300) : `HTTP ${res.status}`;
      if (res.status >= 400 && res.status < 500)
        throw new SmsRejected(`the SMS provider refused the text${code ? ` (${code})` : ''}: ${why}`, code);
      throw new Error(`the SMS provider answered ${res.status}: ${why}`);
    },
  };
}
