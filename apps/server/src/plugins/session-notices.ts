/**
 * The connection that keeps this process's session cache honest: it LISTENs for the notices
 * identity's and the organizations module's triggers send on commit (migrations 0105, 0106)
 * and drops the cached sessions they name. The cache keeps nothing until the LISTEN is in
 * place, and drops everything when the connection is lost (a notice may have been missed);
 * the next request after a pause re-opens it. A connection of its own, not one of the pool's:
 * the request pool is sized to the database's cores.
 */
import { ORGANIZATION_SECURITY_CHANNEL, parseSessionNotice, SESSION_CHANNEL, type SessionCache } from '@domain/identity/session-cache.ts';
import pg from 'pg';

const RETRY_MS = [250, 1_000, 5_000, 15_000];

export class SessionNotices {
  private client: pg.Client | null = null;
  private connecting = false;
  private failures = 0;
  private retryAt = 0;
  private closed = false;

  constructor(
    private readonly pool: pg.Pool,
    private readonly cache: SessionCache,
    private readonly onError: (err: unknown) => void = () => undefined,
  ) {}

  /** Called on each authenticated request: opens the connection the first time, and again after a loss. */
  ensure(): void {
    if (this.client || this.connecting || this.closed || Date.now() < this.retryAt) return;
    this.connecting = true;
    const client = new pg.Client({ ...this.pool.options, application_name: 'clinicdesk-session-notices' });
    client.on('notification', (msg) => {
      const change = parseSessionNotice(msg.channel, msg.payload);
      if (change) this.cache.invalidate(change);
    });
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client, new Error('session notice connection ended')));
    (async () => {
      await client.connect();
      await client.query(`LISTEN ${SESSION_CHANNEL}; LISTEN ${ORGANIZATION_SECURITY_CHANNEL}`);
    })().then(
      () => {
        this.connecting = false;
        if (this.closed) {
          client.end().catch(() => undefined);
          return;
        }
        this.client = client;
        this.failures = 0;
        this.cache.setListening(true);
      },
      (err) => {
        this.connecting = false;
        this.backOff();
        this.onError(err);
        client.end().catch(() => undefined);
      },
    );
  }

  private lost(client: pg.Client, err: unknown): void {
    if (this.client !== client) return;
    this.client = null;
    this.cache.setListening(false);
    client.end().catch(() => undefined);
    if (this.closed) return;
    this.backOff();
    this.onError(err);
  }

  private backOff(): void {
    this.retryAt = Date.now() + (RETRY_MS[Math.min(this.failures, RETRY_MS.length - 1)] as number);
    this.failures++;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.cache.close();
    const client = this.client;
    this.client = null;
    if (client) await client.end().catch(() => undefined);
  }
}
