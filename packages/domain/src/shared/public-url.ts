/**
 * The address people and calendar apps reach this installation at, for every absolute
 * link ClinicDesk writes (reminder and waitlist links, calendar feed URLs). It comes from
 * configuration, never from a request: a Host header is whatever the client sent.
 * CLINICDESK_PUBLIC_URL when set (scheme and host, e.g. https://clinic.example.org), else
 * derived at start-up from HOST, PORT and CLINICDESK_HTTPS (a wildcard host becomes
 * localhost). A practice may set its own in Admin → Reminders (comms `practicePublicUrl`).
 */
export interface PublicUrlEnv {
  CLINICDESK_PUBLIC_URL?: string | undefined;
  HOST?: string | undefined;
  PORT?: string | undefined;
  CLINICDESK_HTTPS?: string | undefined;
}

/** Scheme, host and optional port; nothing else (no path, query, user or fragment). */
export const PUBLIC_URL_PATTERN = /^https?:\/\/[^\s/?#@]+(:\d+)?\/?$/;

export class PublicUrlError extends Error {}

export function installationPublicUrl(env: PublicUrlEnv): string {
  const configured = env.CLINICDESK_PUBLIC_URL?.trim();
  if (configured) {
    if (!PUBLIC_URL_PATTERN.test(configured) || !URL.canParse(configured)) {
      throw new PublicUrlError(
        `CLINICDESK_PUBLIC_URL must be a scheme and host such as https://clinic.example.org (got ${JSON.stringify(configured)})`,
      );
    }
    return new URL(configured).origin;
  }
  const https = env.CLINICDESK_HTTPS === '1';
  const rawHost = (env.HOST ?? '').trim();
  const host = rawHost === '' || rawHost === '0.0.0.0' || rawHost === '::' || rawHost === '[::]' ? 'localhost' : rawHost;
  const port = Number(env.PORT ?? 3000);
  const bracketed = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  const defaultPort = https ? 443 : 80;
  return `${https ? 'https' : 'http'}://${bracketed}${port === defaultPort ? '' : `:${port}`}`;
}
