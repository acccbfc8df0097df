/**
 * Bad input names what was wrong (issue 10 §3): a text/plain body to a JSON route is an
 * unsupported media type (415), not a body the schema refuses (400); an unknown query parameter
 * is named 'querystring.<name>', as every other query field is.
 */
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../helpers/test-app.ts';

const t = await createTestApp();

describe('problem details for malformed input', () => {
  it('answers a text/plain body with 415 problem+json and changes nothing', async () => {
    const org = await t.newOrg();
    const before = await t.db.selectFrom('patients').select('id').where('organization_id', '=', org.id).execute();
    const plain = (url: string, headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'POST', url, headers: { 'content-type': 'text/plain', ...headers }, payload: '{"givenName":"Ada"}' });
    for (const res of [
      await plain('/api/patients', { authorization: `Bearer ${org.users.admin.token}` }),
      await plain('/api/auth/login'),
    ]) {
      expect(res.statusCode).toBe(415);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    }
    expect(await t.db.selectFrom('patients').select('id').where('organization_id', '=', org.id).execute()).toEqual(before);
  });

  it("names a query field 'querystring.<name>', an unknown one included", async () => {
    const org = await t.newOrg();
    const admin = t.as(org, 'admin');
    const unknown = await admin.get('/api/patients?bogus=1');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([{ path: 'querystring.bogus', message: 'Not a field this request accepts.' }]);
    const bad = await admin.get('/api/patients?limit=0');
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(['querystring.limit']);
  });
});
