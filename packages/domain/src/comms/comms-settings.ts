/**
 * Where a practice's mail goes: its own SMTP settings (Admin → Reminders), else the
 * installation's SMTP_URL / SMTP_FROM. Links in messages start with its public URL.
 */
import type { Db } from '../shared/context.ts';
import type { Installation } from '../shared/installation.ts';
import type { MessageChannel } from './channel.ts';
import { createEmailChannel, parseSmtpUrl, type SmtpConfig } from './email-channel.ts';
import type { SendWindow } from './quiet-hours.ts';
import { createSmsChannel, DEFAULT_SMS_API_BASE_URL, type SmsConfig } from './sms-channel.ts';

export interface ResolvedComms {
  smtp: SmtpConfig | null;
  /** 'organization' when the practice set its own server, 'environment' for SMTP_URL. */
  source: 'organization' | 'environment' | 'none';
  publicUrl: string;
  /** The practice's SMS account, or null when texts are not set up. */
  sms: SmsConfig | null;
  /** Local hours texts may go out (quiet hours outside them). */
  smsWindow: SendWindow;
}

type SettingsRow = {
  sms_account_sid: string | null;
  sms_auth_token: string | null;
  sms_from_number: string | null;
  sms_api_base_url: string | null;
  sms_send_from: string;
  sms_send_until: string;
};

function smsOf(row: SettingsRow | undefined, publicUrl: string): Pick<ResolvedComms, 'sms' | 'smsWindow'> {
  const smsWindow = { from: row?.sms_send_from ?? '08:00', until: row?.sms_send_until ?? '20:00' };
  if (!row?.sms_account_sid || !row.sms_auth_token || !row.sms_from_number) return { sms: null, smsWindow };
  return {
    smsWindow,
    sms: {
      accountSid: row.sms_account_sid,
      authToken: row.sms_auth_token,
      from: row.sms_from_number,
      apiBaseUrl: row.sms_api_base_url || DEFAULT_SMS_API_BASE_URL,
      statusCallbackUrl: /^https:\/\//.test(publicUrl) ? `${publicUrl}/api/sms/status` : null,
    },
  };
}

/** `installation`: its mail server and link base (requests and job handlers both carry it). */
export async function resolveComms(db: Db, organizationId: string, installation: Installation): Promise<ResolvedComms> {
  const row = await db.selectFrom('comms_settings').selectAll().where('organization_id', '=', organizationId).executeTakeFirst();
  const publicUrl = publicUrlOf(row?.public_url, installation);
  if (row?.smtp_host) {
    return {
      source: 'organization',
      publicUrl,
      ...smsOf(row, publicUrl),
      smtp: {
        host: row.smtp_host,
        port: row.smtp_port ?? (row.smtp_secure ? 465 : 587),
        secure: row.smtp_secure,
        user: row.smtp_user,
        password: row.smtp_password,
        from: row.smtp_from || installation.smtpFrom || `ClinicDesk <no-reply@${row.smtp_host}>`,
      },
    };
  }
  const smtp = parseSmtpUrl(installation.smtpUrl, installation.smtpFrom);
  return { source: smtp ? 'environment' : 'none', publicUrl, smtp, ...smsOf(row, publicUrl) };
}

/**
 * The base of every absolute link for a practice: its own public URL (Admin → Reminders),
 * else the installation's (shared/public-url.ts). Never from a request's Host header.
 */
export async function practicePublicUrl(db: Db, organizationId: string, installation: Installation): Promise<string> {
  const row = await db.selectFrom('comms_settings').select('public_url').where('organization_id', '=', organizationId).executeTakeFirst();
  return publicUrlOf(row?.public_url, installation);
}

function publicUrlOf(practiceUrl: string | null | undefined, installation: Installation): string {
  return (practiceUrl || installation.publicUrl).replace(/\/+$/, '');
}

/** The channel of `kind` for a practice, or null when it is not set up. */
export function channelFor(resolved: ResolvedComms, kind: 'email' | 'sms'): MessageChannel | null {
  if (kind === 'email' && resolved.smtp) return createEmailChannel(resolved.smtp);
  if (kind === 'sms' && resolved.sms) return createSmsChannel(resolved.sms);
  return null;
}
