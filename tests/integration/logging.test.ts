import { Writable } from 'node:stream';
import { createTestDatabase } from '@db/testing.ts';
import type { Database } from '@domain/database.ts';
import { buildApp } from '@server/app.ts';
import { loggerOptions } from '@server/logger.ts';
import { describe, expect, it } from 'vitest';

describe('request logs', () => {
  it('are JSON, carry the request id, and hold no query strings, bodies or credentials', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    const database = await createTestDatabase<Database>();
    const logger = { ...(loggerOptions('info') as object), stream };
    const { app } = await buildApp({ db: database.db, pool: database.pool, logger: logger as never });
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login?q=Smith%20John%201980-03-07',
      headers: { 'content-type': 'application/json', authorization: 'Bearer not-a-real-token-xxxxxxxxxxxx', cookie: 'cd_session=secret' },
      payload: { email: 'jane.doe@example.com', password: 'my-secret-password-123' },
    });
    expect(res.statusCode).toBe(401);
    await app.close();
    expect(lines.length).toBeGreaterThan(0);
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const requestLines = parsed.filter((l) => l.req || l.res);
    expect(requestLines.length).toBeGreaterThanOrEqual(2);
    for (const l of requestLines) expect(l.reqId).toBe(res.headers['x-request-id']);
    const all = lines.join('\n');
    for (const secret of ['Smith', '1980-03-07', 'jane.doe', 'my-secret-password', 'not-a-real-token', 'cd_session=secret']) {
      expect(all).not.toContain(secret);
    }
    expect(all).toContain('/api/auth/login');
  });
});

describe('x-request-id', () => {
  it('keeps a well-formed caller id and replaces a malformed one', async () => {
    const database = await createTestDatabase<Database>();
    const { app } = await buildApp({ db: database.db, pool: database.pool });
    const kept = await app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'trace-1234abcd' } });
    expect(kept.headers['x-request-id']).toBe('trace-1234abcd');
    const replaced = await app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'bad id\n{"level":60}' } });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    await app.close();
  });
});
