/**
 * Absolute URLs come from configuration, never from the request: the calendar feed URL
 * answered by POST /api/providers/{id}/ical-token used to be built from the Host header
 * (`http://evil.example/ical/...`). The base is the practice's own public URL (Admin →
 * Reminders), else CLINICDESK_PUBLIC_URL, else one derived from HOST/PORT at start-up:
 * the same source as the reminder links.
 */
import { resolveComms } from '@domain/comms/index.ts';
import { installationPublicUrl } from '@domain/shared/public-url.ts';
import { buildApp } from '@server/app.ts';
import { ConfigError, installationOf, loadConfig } from '@server/config.ts';
import { afterAll, describe, expect, it } from 'vitest';
import type { TestOrg } from '../helpers/factories.ts';

const saved = process.env.CLINICDESK_PUBLIC_URL;
process.env.CLINICDESK_PUBLIC_URL = 'https://clinic.example.org';
afterAll(() => {
  if (saved === undefined) delete process.env.CLINICDESK_PUBLIC_URL;
  else process.env.CLINICDESK_PUBLIC_URL = saved;
});
const { createTestApp } = await import('../helpers/test-app.ts');
const t = await createTestApp();

const EVIL = { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'http', forwarded: 'host=evil.example' };

function icalToken(app: typeof t.app, org: TestOrg) {
  return app.inject({
    method: 'POST',
    url: `/api/providers/${org.providerId}/ical-token`,
    headers: { authorization: `Bearer ${org.users.office_manager.token}`, ...EVIL },
  });
}

describe('absolute URLs ignore the Host header', () => {
  it('answers the calendar feed URL on the configured public URL when the request says Host: evil.example', async () => {
    const org = await t.newOrg();
    const res = await icalToken(t.app, org);
    expect(res.statusCode, res.body).toBe(201);
    const { url, path } = res.json();
    expect(path).toMatch(/^\/ical\/[^/]+\.ics$/);
    expect(url).toBe(`https://clinic.example.org${path}`);
    expect(url).not.toContain('evil');
    // The feed itself is served at that path.
    const feed = await t.app.inject({ method: 'GET', url: path });
    expect(feed.statusCode).toBe(200);
  });

  it("uses the practice's own public URL when it set one (the reminder links' base)", async () => {
    const org = await t.newOrg();
    const set = await t.as(org, 'admin').patch('/api/comms/settings', { publicUrl: 'https://desk.riverside.example' });
    expect(set.statusCode, set.body).toBe(200);
    const { url, path } = (await icalToken(t.app, org)).json();
    expect(url).toBe(`https://desk.riverside.example${path}`);
    expect((await resolveComms(t.db, org.id, t.installation)).publicUrl).toBe('https://desk.riverside.example');
  });

  it("uses the server's configuration (fixed at start-up) when the app is built with it", async () => {
    const config = loadConfig({ HOST: '0.0.0.0', PORT: '8443', CLINICDESK_HTTPS: '1' });
    expect(config.publicUrl).toBe('https://localhost:8443');
    const { app } = await buildApp({ db: t.db, pool: t.database.pool, config });
    try {
      const org = await t.newOrg();
      const { url, path } = (await icalToken(app, org)).json();
      expect(url).toBe(`https://localhost:8443${path}`);
    } finally {
      await app.close();
    }
  });
});

describe('the installation public URL', () => {
  it('comes from CLINICDESK_PUBLIC_URL, else from HOST/PORT/CLINICDESK_HTTPS', () => {
    expect(installationPublicUrl({ CLINICDESK_PUBLIC_URL: 'https://clinic.example.org/' })).toBe('https://clinic.example.org');
    expect(installationPublicUrl({ CLINICDESK_PUBLIC_URL: 'http://10.0.0.5:3000' })).toBe('http://10.0.0.5:3000');
    expect(installationPublicUrl({})).toBe('http://localhost:3000');
    expect(installationPublicUrl({ HOST: '0.0.0.0', PORT: '8080' })).toBe('http://localhost:8080');
    expect(installationPublicUrl({ HOST: 'desk.clinic.lan', PORT: '443', CLINICDESK_HTTPS: '1' })).toBe('https://desk.clinic.lan');
    expect(installationPublicUrl({ HOST: '::1', PORT: '80' })).toBe('http://[::1]');
  });

  it('refuses a CLINICDESK_PUBLIC_URL that is not a scheme and host at start-up', () => {
    for (const bad of [
      'clinic.example.org',
      'ftp://clinic.example.org',
      'https://clinic.example.org/app',
      'https://user@clinic.example.org',
    ]) {
      expect(() => loadConfig({ CLINICDESK_PUBLIC_URL: bad }), bad).toThrow(ConfigError);
    }
  });

  it('is the default base of reminder links too', async () => {
    const org = await t.newOrg();
    // The job runner is handed the same installation settings as the requests (server.ts).
    expect((await resolveComms(t.db, org.id, t.installation)).publicUrl).toBe('https://clinic.example.org');
    expect((await resolveComms(t.db, org.id, installationOf(loadConfig({ PORT: '4000' })))).publicUrl).toBe('http://localhost:4000');
  });
});
