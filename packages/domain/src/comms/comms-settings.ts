/**
 * Where a practice's mail goes: its own SMTP settings (Admin → Reminders), else the
 * installation's SMTP_URL / SMTP_FROM. Links in messages start with its public URL.
 */
import type { Db } from '../shared/context.ts';
import type { MessageChannel } from './channel.ts';
import { createEmailChannel, parseSmtpUrl, type SmtpConfig } from './email-channel.ts';

export interface CommsEnv {
  SMTP_URL?: string | undefined;
  SMTP_FROM?: string | undefined;
  CLINICDESK_PUBLIC_URL?: string | undefined;
}

export interface ResolvedComms {
  smtp: SmtpConfig | null;
  /** 'organization' when the practice set its own server, 'environment' for SMTP_URL. */
  source: 'organization' | 'environment' | 'none';
  publicUrl: string;
}

export async function resolveComms(db: Db, organizationId: string, env: CommsEnv = process.env): Promise<ResolvedComms> {
  const row = await db.selectFrom('comms_settings').selectAll().where('organization_id', '=', organizationId).executeTakeFirst();
  const publicUrl = (row?.public_url || env.CLINICDESK_PUBLIC_URL || 'http://localhost:3000').replace(/\/+$/, '');
  if (row?.smtp_host) {
    return {
      source: 'organization',
      publicUrl,
      smtp: {
        host: row.smtp_host,
        port: row.smtp_port ?? (row.smtp_secure ? 465 : 587),
        secure: row.smtp_secure,
        user: row.smtp_user,
        password: row.smtp_password,
        from: row.smtp_from || env.SMTP_FROM || `ClinicDesk <no-reply@${row.smtp_host}>`,
      },
    };
  }
  const smtp = parseSmtpUrl(env.SMTP_URL, env.SMTP_FROM);
  return { source: smtp ? 'environment' : 'none', publicUrl, smtp };
}

/** The channel of `kind` for a practice, or null when it is not set up. */
export function channelFor(resolved: ResolvedComms, kind: 'email' | 'sms'): MessageChannel | null {
  if (kind === 'email' && resolved.smtp) return createEmailChannel(resolved.smtp);
  return null;
}
