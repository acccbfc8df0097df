/**
 * What the installation, not a practice, decides about reaching the outside: its mail
 * server and the base of every absolute link. The server builds it once from its Config
 * (apps/server/src/config.ts `installationOf`) and hands it to requests and to job
 * handlers alike; the domain never reads the process environment.
 */
import type { SftpClearinghouseConfig } from './outside/sftp-clearinghouse.ts';

export interface Installation {
  /** SMTP_URL: the installation's mail server, for practices that set none of their own. */
  smtpUrl: string | undefined;
  /** SMTP_FROM: the sender of that server's mail. */
  smtpFrom: string | undefined;
  /** The installation's public URL, already resolved and checked (shared/public-url.ts). */
  publicUrl: string;
  /** CLAIMS_SFTP_*: the clearinghouse's SFTP server new 837P batches are uploaded to (unset: outbox folder only). */
  claimsSftp?: SftpClearinghouseConfig;
}
