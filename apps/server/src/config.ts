/**
 * Environment variables ClinicDesk reads, read here and only here (the server, its routes and
 * services take a Config). Names are a public contract (README lists them).
 */
import fs from 'node:fs';
import os from 'node:os';
import type { Installation } from '@domain/shared/installation.ts';
import type { HttpCardGatewayConfig } from '@domain/shared/outside/http-card-gateway.ts';
import type { SftpClearinghouseConfig } from '@domain/shared/outside/sftp-clearinghouse.ts';
import { installationPublicUrl, PublicUrlError } from '@domain/shared/public-url.ts';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  demo: boolean;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  /** CLINICDESK_REQUIRE_MFA=0 turns the organization MFA requirement off: development and tests only. */
  requireMfa: boolean;
  /**
   * CLINICDESK_CHECK_SERIALIZERS=1 writes every answer with both its compiled serializer and
   * zod's and fails it when they differ (plugins/serializer.ts): the test suite runs with it on.
   */
  checkSerializers: boolean;
  logLevel: string;
  /** Human log lines: LOG_FORMAT=pretty, or by default when standard output is a terminal (LOG_FORMAT=json forces JSON). */
  logPretty: boolean;
  bodyLimitBytes: number;
  /** Set when served over HTTPS (behind TLS termination): cookies get Secure and the __Host- prefix. */
  secureCookies: boolean;
  jobs: boolean;
  /**
   * CLINICDESK_PUBLIC_URL, else derived from HOST/PORT/CLINICDESK_HTTPS here at start-up: the base
   * of every absolute link the server writes (never a request's Host header).
   */
  publicUrl: string;
  /**
   * CLINICDESK_TRUST_PROXY: which proxies may tell the client's address in X-Forwarded-For.
   * A number is how many proxy hops in front of ClinicDesk to trust (1: one load balancer);
   * otherwise a comma-separated list of proxy addresses or CIDR ranges (as Fastify's
   * `trustProxy` takes). Unset or 0: trust none; the socket's address is the client's.
   */
  trustProxy: TrustProxy;
  /** CLINICDESK_DB_POOL_MAX: database connections of the server process (`dbPoolMax`). */
  dbPoolMax: number;
  /** CLAIMS_OUTBOX_DIR: where submitted 837P batches are written (default DATA_DIR/outbox/claims). */
  claimsOutboxDir: string;
  /**
   * The clearinghouse's SFTP server (`claimsSftpFrom`): CLAIMS_SFTP_URL (`sftp://user@host:22/inbound`),
   * CLAIMS_SFTP_HOST_KEY (its host key's `SHA256:…` fingerprint, required), CLAIMS_SFTP_PRIVATE_KEY_FILE
   * or CLAIMS_SFTP_PASSWORD (or a password in the URL), CLAIMS_SFTP_OUTBOX_DIR (else the URL's path).
   * Unset: batches go to the outbox folder only.
   */
  claimsSftp: SftpClearinghouseConfig | undefined;
  /**
   * CLINICDESK_STATEMENT_TIMEOUT_MS: the longest one SQL statement of a request may run before
   * the database cancels it and the request answers 503 (default 2000; 0: no limit).
   */
  statementTimeoutMs: number;
  /** CLINICDESK_REPORT_STATEMENT_TIMEOUT_MS: the same for reports and exports (default 30000; 0: no limit). */
  reportStatementTimeoutMs: number;
  /**
   * Expensive routes (search, availability, reports and exports) in flight per process, per kind,
   * with a short queue behind; past it they answer 503 (plugins/concurrency.ts). From
   * CLINICDESK_EXPENSIVE_CONCURRENCY (requests of one kind at once), else from the pool size.
   */
  routeLimits: RouteLimits;
  /**
   * SMTP_URL (`smtp://user:password@host:587`, or `smtps://` for TLS from the start): the
   * installation's mail server, for practices that set none of their own (Admin → Reminders).
   */
  smtpUrl: string | undefined;
  /** SMTP_FROM: the sender of mail through a mail server without its own sender. */
  smtpFrom: string | undefined;
  /**
   * The practice's card processor (`cardGatewayFrom`): CARD_GATEWAY_URL (its API's base URL),
   * CARD_GATEWAY_KEY (the secret API key, required with the URL), CARD_GATEWAY_TIMEOUT_MS
   * (default 10000). Unset: card payments are taken on a standalone terminal and keyed in.
   */
  cardGateway: HttpCardGatewayConfig | undefined;
}

export type TrustProxy = false | number | string[];

/** The kinds of expensive route (a route declares its kind as `config.expensive`). */
export const ROUTE_COSTS = ['search', 'availability', 'report'] as const;
export type RouteCost = (typeof ROUTE_COSTS)[number];

export interface RouteLimit {
  /** Requests of this kind running at once. */
  inFlight: number;
  /** Requests waiting for one of them to finish; past it the request answers 503 at once. */
  queue: number;
  /** How long a request may wait in the queue before it answers 503. */
  waitMs: number;
}

export type RouteLimits = Record<RouteCost, RouteLimit>;

export class ConfigError extends Error {}

const PROXY_ADDRESS = /^(loopback|linklocal|uniquelocal|[0-9a-f.:]+(\/\d{1,3})?)$/i;

export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const value = (raw ?? '').trim();
  if (value === '' || value === '0') return false;
  if (/^\d+$/.test(value)) return Number(value);
  const list = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = list.find((s) => !PROXY_ADDRESS.test(s));
  if (bad !== undefined || list.length === 0) {
    throw new ConfigError(
      `CLINICDESK_TRUST_PROXY must be a number of proxy hops or a comma-separated list of proxy addresses (got ${JSON.stringify(value)})`,
    );
  }
  return list;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: env.DATA_DIR ?? './data',
    databaseUrl: env.DATABASE_URL || undefined,
    demo: env.CLINICDESK_DEMO !== '0',
    adminEmail: env.CLINICDESK_ADMIN_EMAIL || undefined,
    adminPassword: env.CLINICDESK_ADMIN_PASSWORD || undefined,
    requireMfa: env.CLINICDESK_REQUIRE_MFA !== '0',
    checkSerializers: env.CLINICDESK_CHECK_SERIALIZERS === '1',
    logLevel: env.LOG_LEVEL ?? 'info',
    logPretty: env.LOG_FORMAT ? env.LOG_FORMAT === 'pretty' : process.stdout.isTTY === true,
    bodyLimitBytes: Number(env.CLINICDESK_BODY_LIMIT ?? 1_048_576),
    secureCookies: env.CLINICDESK_HTTPS === '1',
    jobs: env.CLINICDESK_JOBS !== '0',
    publicUrl: publicUrlFrom(env),
    trustProxy: parseTrustProxy(env.CLINICDESK_TRUST_PROXY),
    dbPoolMax: dbPoolMax(env.CLINICDESK_DB_POOL_MAX),
    claimsOutboxDir: env.CLAIMS_OUTBOX_DIR || `${env.DATA_DIR ?? './data'}/outbox/claims`,
    claimsSftp: claimsSftpFrom(env),
    statementTimeoutMs: millis('CLINICDESK_STATEMENT_TIMEOUT_MS', env.CLINICDESK_STATEMENT_TIMEOUT_MS, 2_000),
    reportStatementTimeoutMs: millis('CLINICDESK_REPORT_STATEMENT_TIMEOUT_MS', env.CLINICDESK_REPORT_STATEMENT_TIMEOUT_MS, 30_000),
    routeLimits: routeLimits(env.CLINICDESK_EXPENSIVE_CONCURRENCY, dbPoolMax(env.CLINICDESK_DB_POOL_MAX)),
    smtpUrl: env.SMTP_URL || undefined,
    smtpFrom: env.SMTP_FROM || undefined,
    cardGateway: cardGatewayFrom(env),
  };
}

/** The card gateway settings, or undefined when CARD_GATEWAY_URL is unset; refused at start-up when incomplete. */
export function cardGatewayFrom(env: NodeJS.ProcessEnv): HttpCardGatewayConfig | undefined {
  const raw = (env.CARD_GATEWAY_URL ?? '').trim();
  if (raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('CARD_GATEWAY_URL must be a URL like https://gateway.example/v1');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)))
    throw new ConfigError('CARD_GATEWAY_URL must be https:// (plain http only to this machine)');
  const apiKey = (env.CARD_GATEWAY_KEY ?? '').trim();
  if (!apiKey) throw new ConfigError('CARD_GATEWAY_URL needs CARD_GATEWAY_KEY (the API key at the processor)');
  return { url: raw, apiKey, timeoutMs: millis('CARD_GATEWAY_TIMEOUT_MS', env.CARD_GATEWAY_TIMEOUT_MS, 10_000) };
}

/**
 * Database connections for the server: CLINICDESK_DB_POOL_MAX, else 4 per CPU between 8
 * and 20. More connections than the database has cores to run them only queue inside
 * PostgreSQL instead of here: on 2 cores, 8 connections registered patients 10-15% faster
 * than 20 (docs/OPERATIONS.md).
 */
export function dbPoolMax(raw: string | undefined, cpus = os.cpus().length): number {
  const set = Number(raw);
  if (Number.isInteger(set) && set > 0) return set;
  return Math.max(8, Math.min(20, cpus * 4));
}

/** A duration in ms from the environment: a whole number, 0 meaning "no limit". */
function millis(name: string, raw: string | undefined, fallback: number): number {
  const value = (raw ?? '').trim();
  if (value === '') return fallback;
  if (!/^\d+$/.test(value)) throw new ConfigError(`${name} must be a whole number of milliseconds (got ${JSON.stringify(value)})`);
  return Number(value);
}

/**
 * Expensive requests of one kind at once: CLINICDESK_EXPENSIVE_CONCURRENCY, else half the pool,
 * so a flood of one kind leaves connections for sign-in and everyday reads. Reports and exports
 * hold a connection for long: half that again, with a longer wait in the queue.
 */
export function routeLimits(raw: string | undefined, poolMax: number): RouteLimits {
  const set = Number(raw);
  const inFlight = Number.isInteger(set) && set > 0 ? set : Math.max(2, Math.floor(poolMax / 2));
  const reports = Math.max(1, Math.floor(inFlight / 2));
  // The queue holds no connection, only a pending request: deep enough that the front desks of a
  // busy practice (50 searching at once) wait their turn instead of being refused, short enough in
  // time that a request stuck behind a real flood is told to retry within 2 s.
  const queue = Math.max(64, inFlight * 16);
  return {
    search: { inFlight, queue, waitMs: 2_000 },
    availability: { inFlight, queue, waitMs: 2_000 },
    report: { inFlight: reports, queue: reports * 4, waitMs: 5_000 },
  };
}

/** The installation's mail server, link base and clearinghouse, as requests and job handlers take them. */
export function installationOf(
  config: Pick<Config, 'smtpUrl' | 'smtpFrom' | 'publicUrl'> & Partial<Pick<Config, 'claimsSftp'>>,
): Installation {
  return {
    smtpUrl: config.smtpUrl,
    smtpFrom: config.smtpFrom,
    publicUrl: config.publicUrl,
    ...(config.claimsSftp ? { claimsSftp: config.claimsSftp } : {}),
  };
}

/**
 * The clearinghouse SFTP settings, or undefined when CLAIMS_SFTP_URL is unset. Refused at
 * start-up: a URL that is not sftp://, no user, no host key fingerprint (the server's key is
 * always pinned), no way to sign in, or a key file that cannot be read.
 */
export function claimsSftpFrom(env: NodeJS.ProcessEnv): SftpClearinghouseConfig | undefined {
  const raw = (env.CLAIMS_SFTP_URL ?? '').trim();
  if (raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('CLAIMS_SFTP_URL must be a URL like sftp://user@host:22/inbound');
  }
  if (url.protocol !== 'sftp:' || !url.hostname || !url.username)
    throw new ConfigError('CLAIMS_SFTP_URL must be a URL like sftp://user@host:22/inbound (sftp, with a user name)');
  const hostKey = (env.CLAIMS_SFTP_HOST_KEY ?? '').trim();
  if (!/^SHA256:[A-Za-z0-9+/]{43}=?$/.test(hostKey))
    throw new ConfigError('CLAIMS_SFTP_HOST_KEY must be the server host key fingerprint as `ssh-keygen -lf` prints it (SHA256:…)');
  const keyFile = (env.CLAIMS_SFTP_PRIVATE_KEY_FILE ?? '').trim();
  let privateKey: Buffer | undefined;
  if (keyFile) {
    try {
      privateKey = fs.readFileSync(keyFile);
    } catch (e) {
      throw new ConfigError(`CLAIMS_SFTP_PRIVATE_KEY_FILE cannot be read: ${(e as Error).message}`);
    }
  }
  const password = env.CLAIMS_SFTP_PASSWORD || (url.password ? decodeURIComponent(url.password) : undefined);
  if (!privateKey && !password) throw new ConfigError('CLAIMS_SFTP_URL needs CLAIMS_SFTP_PRIVATE_KEY_FILE or a password');
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : 22,
    username: decodeURIComponent(url.username),
    ...(password ? { password } : {}),
    ...(privateKey ? { privateKey } : {}),
    outboxDir: env.CLAIMS_SFTP_OUTBOX_DIR || decodeURIComponent(url.pathname) || '/',
    hostKeySha256: hostKey,
  };
}

function publicUrlFrom(env: NodeJS.ProcessEnv): string {
  try {
    return installationPublicUrl(env);
  } catch (e) {
    if (e instanceof PublicUrlError) throw new ConfigError(e.message);
    throw e;
  }
}
