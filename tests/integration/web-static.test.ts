/**
 * The built web UI as the server sends it (issue 11, item 16): precompressed copies chosen by
 * Accept-Encoding, hashed assets cached for a year, index.html and unhashed files revalidated,
 * the client-side routes answered with index.html under the same CSP as the rest.
 * The dist directory is a temporary one with the files a build writes (apps/web/vite.config.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { createTestDatabase } from '@db/testing.ts';
import type { Database } from '@domain/database.ts';
import { buildApp } from '@server/app.ts';
import { afterAll, describe, expect, it } from 'vitest';

const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-web-static-'));
const INDEX = '<!doctype html><html><head><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body></body></html>';
const SCRIPT = `export const rows = [${Array.from({ length: 400 }, (_, i) => `"row ${i}"`).join(',')}];\n`;
const ASSET = '/assets/index-Ab12Cd34.js';
fs.mkdirSync(path.join(dist, 'assets'));
const write = (name: string, body: string | Buffer) => fs.writeFileSync(path.join(dist, name), body);
write('index.html', INDEX);
write('index.html.br', zlib.brotliCompressSync(INDEX));
write('index.html.gz', zlib.gzipSync(INDEX));
write(`assets/index-Ab12Cd34.js`, SCRIPT);
write(`assets/index-Ab12Cd34.js.br`, zlib.brotliCompressSync(SCRIPT));
write(`assets/index-Ab12Cd34.js.gz`, zlib.gzipSync(SCRIPT, { level: 9 }));
write('favicon.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>');

const database = await createTestDatabase<Database>();
const { app } = await buildApp({ db: database.db, pool: database.pool, webDist: dist });
afterAll(async () => {
  await app.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

const get = (url: string, acceptEncoding?: string) =>
  app.inject({ method: 'GET', url, headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } });

function decode(body: Buffer, encoding: string | undefined): string {
  if (encoding === 'br') return zlib.brotliDecompressSync(body).toString('utf8');
  if (encoding === 'gzip') return zlib.gunzipSync(body).toString('utf8');
  return body.toString('utf8');
}

describe('the built web UI', () => {
  it('sends the brotli or gzip copy by Accept-Encoding, and the file itself to a client that accepts neither', async () => {
    const cases: [string | undefined, string | undefined][] = [
      ['gzip, deflate, br', 'br'],
      ['br;q=0.5, gzip', 'gzip'],
      ['gzip', 'gzip'],
      ['br', 'br'],
      ['identity', undefined],
      [undefined, undefined],
    ];
    for (const [accept, expected] of cases) {
      const res = await get(ASSET, accept);
      expect(res.statusCode, `Accept-Encoding: ${accept}`).toBe(200);
      expect(res.headers['content-encoding'], `Accept-Encoding: ${accept}`).toBe(expected);
      expect(res.headers['content-type']).toMatch(/^(text|application)\/javascript/);
      expect(String(res.headers.vary).toLowerCase()).toContain('accept-encoding');
      expect(decode(res.rawPayload, expected), `Accept-Encoding: ${accept}`).toBe(SCRIPT);
      if (expected) expect(res.rawPayload.length).toBeLessThan(Buffer.byteLength(SCRIPT) / 3);
    }
  });

  it('caches hashed assets for a year as immutable; index.html and unhashed files are revalidated', async () => {
    const asset = await get(ASSET, 'br');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const url of ['/', '/index.html', '/favicon.svg']) {
      const res = await get(url, 'gzip');
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
    // Revalidation works: the ETag of the copy sent answers 304.
    const first = await get('/', 'br');
    const again = await app.inject({
      method: 'GET',
      url: '/',
      headers: { 'accept-encoding': 'br', 'if-none-match': String(first.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
  });

  it('answers a client-side route with index.html, compressed, no-cache, under the strict CSP', async () => {
    for (const [url, accept] of [
      ['/schedule', 'br'],
      ['/patients/7c9e6679-7425-40de-944b-e07fc1f90ae7', 'gzip'],
      ['/admin/audit?x=1', undefined],
    ] as const) {
      const res = await get(url, accept);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.headers['content-encoding'], url).toBe(accept === 'gzip' ? 'gzip' : accept);
      expect(decode(res.rawPayload, res.headers['content-encoding'] as string | undefined), url).toBe(INDEX);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      const csp = String(res.headers['content-security-policy']);
      expect(csp, url).toContain("script-src 'self'");
      expect(csp, url).toContain("style-src 'self'");
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
    }
  });

  it('answers 404 for a missing hashed asset (a stale chunk), not index.html; API paths stay the API', async () => {
    const stale = await get('/assets/index-Old00000.js', 'br');
    expect(stale.statusCode).toBe(404);
    expect(stale.body).not.toContain('<!doctype html>');
    const api = await get('/api/nothing-here', 'br');
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toContain('application/problem+json');
    expect(api.headers['cache-control']).toBe('no-store');
  });
});
