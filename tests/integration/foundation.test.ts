import { describe, expect, it } from 'vitest';
import { createTestApp } from '../helpers/test-app.ts';

const t = await createTestApp();

describe('HTTP conventions', () => {
  it('answers /healthz and /readyz without auth', async () => {
    const health = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.json()).toEqual({ status: 'ready' });
  });

  it('puts x-request-id on every response and no-store on /api', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/me' });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('answers an unknown route with 404 problem+json', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/no-such-thing' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 404, code: 'NOT_FOUND', title: 'Not found' });
  });

  it('serves an OpenAPI 3.1 document listing the routes', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/locations', '/api/me', '/api/auth/login']));
  });
});

describe('locations', () => {
  it('lets an admin create and edit a location with If-Match, refusing stale versions', async () => {
    const org = await t.newOrg();
    const admin = t.as(org, 'admin');
    const created = await admin.post('/api/locations', {
      name: 'North',
      timeZone: 'America/Chicago',
      state: 'IL',
      postalCode: '60601',
      phone: '(312) 555-2368',
      billingNpi: '1234567893',
    });
    expect(created.statusCode).toBe(201);
    const loc = created.json();
    expect(loc.phone).toBe('+13125552368');
    expect(created.headers.etag).toBe('"1"');

    const noIfMatch = await admin.patch(`/api/locations/${loc.id}`, { city: 'Chicago' });
    expect(noIfMatch.statusCode).toBe(428);
    const ok = await admin.patch(`/api/locations/${loc.id}`, { city: 'Chicago' }, { 'if-match': '"1"' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().version).toBe(2);
    // A partial PATCH leaves the fields it does not name alone.
    expect(ok.json()).toMatchObject({ state: 'IL', postalCode: '60601', phone: '+13125552368', billingNpi: '1234567893' });
    const stale = await admin.patch(`/api/locations/${loc.id}`, { city: 'Evanston' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().current.city).toBe('Chicago');
  });

  it('refuses bad input with 400 naming the field, and writes nothing', async () => {
    const org = await t.newOrg();
    const admin = t.as(org, 'admin');
    const cases: [Record<string, unknown>, string][] = [
      [{ name: 'X', timeZone: 'Mars/Olympus' }, 'timeZone'],
      [{ name: 'X', timeZone: 'America/Chicago', billingNpi: '1234567890' }, 'billingNpi'],
      [{ name: 'X', timeZone: 'America/Chicago', postalCode: '1234' }, 'postalCode'],
      [{ name: 'X', timeZone: 'America/Chicago', organizationId: org.id }, 'organizationId'],
      [{ name: 42, timeZone: 'America/Chicago' }, 'name'],
    ];
    for (const [body, field] of cases) {
      const res = await admin.post('/api/locations', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(field);
    }
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/locations',
      headers: { authorization: `Bearer ${org.users.admin.token}`, 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.headers['content-type']).toContain('application/problem+json');
    const list = await admin.get('/api/locations');
    expect(
      list
        .json()
        .items.map((l: { name: string }) => l.name)
        .sort(),
    ).toEqual(['East', 'West']);
  });

  it("hides another organization's location (404) and refuses roles without location:manage (403)", async () => {
    const a = await t.newOrg();
    const b = await t.newOrg();
    const locB = b.locationId;
    const res = await t.as(a, 'admin').patch(`/api/locations/${locB}`, { city: 'Nope' }, { 'if-match': '"1"' });
    expect(res.statusCode).toBe(404);
    const fd = await t.as(a, 'front_desk').post('/api/locations', { name: 'Z', timeZone: 'America/Chicago' });
    expect(fd.statusCode).toBe(403);
  });
});
