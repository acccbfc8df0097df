/** The email channel: nodemailer over SMTP, one short-lived connection per message. */
import nodemailer from 'nodemailer';
import type { MessageChannel } from './channel.ts';

export interface SmtpConfig {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user: string | null;
  password: string | null;
  from: string;
}

export function createEmailChannel(smtp: SmtpConfig): MessageChannel {
  return {
    kind: 'email',
    async send(message) {
      const transport = nodemailer.createTransport({
        host: smtp.host,
        port: smtp.port,
        secure: smtp.secure,
        ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}),
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
      });
      try {
        const info = await transport.sendMail({ from: smtp.from, to: message.to, subject: message.subject, text: message.text });
        return { providerMessageId: String(info.messageId ?? '') };
      } finally {
        transport.close();
      }
    },
  };
}

/** `smtp://user:pass@host:port` or `smtps://…` (SMTP_URL) as settings; null when absent or malformed. */
export function parseSmtpUrl(url: string | undefined, from: string | undefined): SmtpConfig | null {
  if (!url) return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'smtp:' && u.protocol !== 'smtps:') return null;
  const secure = u.protocol === 'smtps:';
  const user = u.username ? decodeURIComponent(u.username) : null;
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : secure ? 465 : 587,
    secure,
    user,
    password: u.password ? decodeURIComponent(u.password) : null,
    from: from || (user?.includes('@') ? user : `ClinicDesk <no-reply@${u.hostname}>`),
  };
}
