/**
 * Where a practice's mail goes: its own SMTP settings (Admin → Reminders), else the
 * installation's SMTP_URL / SMTP_FROM. Links in messages start with its public URL.
 */
import type { Db } from '../shared/context.ts';
import { installationPublicUrl, type PublicUrlEnv } from '../shared/public-url.ts';
import type { MessageChannel } from './channel.ts';
import { createEmailChannel, parseSmtpUrl, type SmtpConfig } from './email-channel.ts';

export interface CommsEnv extends PublicUrlEnv {
  SMTP_URL?: string | undefined;
  SMTP_FROM?: string | undefined;
}

export interface ResolvedComms {
  smtp: SmtpConfig | null;
  /** 'organization' when the practice set its own server, 'environment' for SMTP_URL. */
  source: 'organization' | 'environment' | 'none';
  publicUrl: string;
}

/**
 * `env`: the installation's mail server and link base. Requests pass the server's Config;
 * job handlers (whose context carries no Config yet) get the process environment.
 */
export async function resolveComms(db: Db, organizationId: string, env: CommsEnv = process.env): Promise<ResolvedComms> {
  const row = await db.selectFrom('comms_settings').selectAll().where('organization_id', '=', organizationId).executeTakeFirst();
  const publicUrl = publicUrlOf(row?.public_url, env);
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

/**
 * The base of every absolute link for a practice: its own public URL (Admin → Reminders),
 * else the installation's (shared/public-url.ts). Never from a request's Host header.
 */
export async function practicePublicUrl(db: Db, organizationId: string, env: PublicUrlEnv): Promise<string> {
  const row = await db.selectFrom('comms_settings').select('public_url').where('organization_id', '=', organizationId).executeTakeFirst();
  return publicUrlOf(row?.public_url, env);
}

function publicUrlOf(practiceUrl: string | null | undefined, env: PublicUrlEnv): string {
  return (practiceUrl || installationPublicUrl(env)).replace(/\/+$/, '');
}

/** The channel of `kind` for a practice, or null when it is not set up. */
export function channelFor(resolved: ResolvedComms, kind: 'email' | 'sms'): MessageChannel | null {
  if (kind === 'email' && resolved.smtp) return createEmailChannel(resolved.smtp);
  return null;
}
