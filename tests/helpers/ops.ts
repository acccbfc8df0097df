/** Helpers for the operations tests: extra databases, table fingerprints, child processes. */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import { testServerAdminUrl } from '@db/testing.ts';
import { withDatabaseName } from '@db/url.ts';
import pg from 'pg';
import { afterAll, inject } from 'vitest';

export const ROOT = path.resolve(import.meta.dirname, '../..');

/** A database with nothing in it (CREATE DATABASE from template0), dropped after the file. */
export async function createEmptyDatabase(): Promise<string> {
  const adminUrl = testServerAdminUrl();
  const name = `cd_t_${inject('pgTemplateDb').replace('cd_tpl_', '')}_e${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template template0 encoding 'UTF8'`);
  await admin.end();
  afterAll(async () => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
    await c.end();
  });
  return withDatabaseName(adminUrl, name);
}

export interface TableFingerprint {
  rows: number;
  md5: string;
}

/** Row count and md5 of the ordered rows of every public table, as PostgreSQL prints them (shipped reference data aside: it is loaded from the files, not backed up). */
export async function tableFingerprints(connectionString: string): Promise<Record<string, TableFingerprint>> {
  const c = new pg.Client({ connectionString });
  await c.connect();
  try {
    await c.query("set timezone = 'UTC'");
    const tables = await c.query<{ name: string }>(
      `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
          and coalesce(obj_description(c.oid, 'pg_class'), '') not like 'reference data%' order by 1`,
    );
    const out: Record<string, TableFingerprint> = {};
    for (const { name } of tables.rows) {
      const t = pg.escapeIdentifier(name);
      const r = await c.query<{ rows: number; md5: string }>(
        `select count(*)::int as rows, md5(coalesce(string_agg(x::text, E'\\n' order by x::text), '')) as md5 from public.${t} x`,
      );
      out[name] = r.rows[0] as TableFingerprint;
    }
    return out;
  } finally {
    await c.end();
  }
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run `node bin/clinicdesk.js …` and wait for it to exit. */
export function runCli(args: string[], env: Record<string, string | undefined> = {}, timeoutMs = 60_000): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/clinicdesk.js'), ...args], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`clinicdesk ${args.join(' ')} timed out\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export async function waitUntil(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Resolves when the child exits (immediately if it already has). */
export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** A GET that never throws: the status code, or 0 when nothing answered. */
export async function httpStatus(url: string): Promise<number> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

/** Everything `child` writes to stdout and stderr so far, as one string (for assertions and failure messages). */
export function captureOutput(child: ChildProcess): () => string {
  let out = '';
  const take = (d: Buffer) => {
    out += d.toString();
  };
  child.stdout?.on('data', take);
  child.stderr?.on('data', take);
  return () => out;
}
