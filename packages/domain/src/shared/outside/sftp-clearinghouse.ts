/**
 * The SFTP adapter of `ClearinghouseConnection` (submission only, for now): one connection per
 * call, the server's host key checked against a pinned SHA-256 fingerprint before anything is
 * sent (a different key: refused, nothing uploaded), the file written under a temporary name
 * and renamed when complete. A file already there under the final name with the same size is
 * taken as an earlier attempt that succeeded (a retry after a lost acknowledgement uploads
 * nothing twice). Reading the clearinghouse's responses (999, 277CA, 835) comes with their imports.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import path from 'node:path/posix';
import { Client, type SFTPWrapper } from 'ssh2';
import type { ClearinghouseConnection, ClearinghouseFile } from './clearinghouse.ts';

export interface SftpClearinghouseConfig {
  host: string;
  port: number;
  username: string;
  password?: string;
  /** OpenSSH or PEM private key (the file CLAIMS_SFTP_PRIVATE_KEY_FILE names). */
  privateKey?: Buffer;
  /** Where submissions go on the server (CLAIMS_SFTP_OUTBOX_DIR, else the URL's path). */
  outboxDir: string;
  /** The server's host key as OpenSSH prints it: `SHA256:` and unpadded base64 (`ssh-keygen -lf`). */
  hostKeySha256: string;
  /** Give up connecting after this long (default 20 s). */
  timeoutMs?: number;
}

/** OpenSSH's fingerprint of a raw public host key: `SHA256:` + base64 without padding. */
export function hostKeyFingerprint(key: Buffer): string {
  return `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
}

export class HostKeyMismatchError extends Error {
  constructor(readonly presented: string) {
    super(`the SFTP server presented host key ${presented}, not the pinned one: refused, nothing sent`);
  }
}

function sameFingerprint(a: string, b: string): boolean {
  const x = Buffer.from(a.replace(/=+$/, ''));
  const y = Buffer.from(b.replace(/=+$/, ''));
  return x.length === y.length && timingSafeEqual(x, y);
}

const call = <T>(fn: (cb: (err: Error | null | undefined, value: T) => void) => void) =>
  new Promise<T>((resolve, reject) => fn((err, value) => (err ? reject(err) : resolve(value))));

export class SftpClearinghouse implements Pick<ClearinghouseConnection, 'submit'> {
  constructor(private readonly config: SftpClearinghouseConfig) {}

  async submit(file: ClearinghouseFile): Promise<{ remoteName: string }> {
    if (!/^[A-Za-z0-9._-]{1,200}$/.test(file.name)) throw new Error(`not a safe remote file name: ${file.name}`);
    const remoteName = path.join(this.config.outboxDir, file.name);
    const temporary = path.join(this.config.outboxDir, `.${file.name}.part`);
    await this.withSftp(async (sftp) => {
      const existing = await call<{ size: number } | null>((cb) => sftp.stat(remoteName, (err, stats) => cb(null, err ? null : stats)));
      if (existing && existing.size === file.bytes.length) return;
      await call<void>((cb) => sftp.writeFile(temporary, file.bytes, (err) => cb(err, undefined)));
      await call<void>((cb) => sftp.rename(temporary, remoteName, (err) => cb(err, undefined)));
    });
    return { remoteName };
  }

  private withSftp<T>(work: (sftp: SFTPWrapper) => Promise<T>): Promise<T> {
    const c = this.config;
    return new Promise<T>((resolve, reject) => {
      const conn = new Client();
      let refused: HostKeyMismatchError | undefined;
      let settled = false;
      const finish = (err: unknown, value?: T) => {
        if (settled) return;
        settled = true;
        conn.end();
        if (err) reject(err);
        else resolve(value as T);
      };
      conn.on('ready', () => {
        conn.sftp((err, sftp) => {
          if (err) return finish(err);
          work(sftp).then(
            (v) => finish(null, v),
            (e) => finish(e),
          );
        });
      });
      conn.on('error', (err) => finish(refused ?? err));
      conn.on('close', () => finish(refused ?? new Error('the SFTP connection closed before the upload finished')));
      conn.connect({
        host: c.host,
        port: c.port,
        username: c.username,
        password: c.password,
        privateKey: c.privateKey,
        readyTimeout: c.timeoutMs ?? 20_000,
        hostVerifier: (key: Buffer) => {
          const presented = hostKeyFingerprint(key);
          if (sameFingerprint(presented, c.hostKeySha256)) return true;
          refused = new HostKeyMismatchError(presented);
          return false;
        },
      });
    });
  }
}
