/**
 * SQL-injection payloads in every sort, filter and search parameter of the audit report,
 * and in `sort`/`q` of every list route the registry holds: never a 500, a non-allow-listed
 * sort is refused with 400, and the audit table changes only by the rows the requests
 * themselves write (nothing dropped, deleted or forged).
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../helpers/test-app.ts';

const t = await createTestApp();

const PAYLOADS = [
  "'; drop table audit_events; --",
  "' or '1'='1",
  'seq; delete from audit_events',
  '1) or (1=1',
  'occurredAt desc, (select pg_sleep(0))',
  "-occurredAt'--",
  '"; truncate audit_seals; --',
  "action') union select * from users --",
  '\\x00',
  "$$;insert into audit_events(action) values('x');$$",
  '%27%20OR%201%3D1',
];

async function auditSnapshot() {
  const r = await sql<{ n: number; max: number | null; sum: string | null }>`
    select count(*)::int as n, max(seq) as max, sum(seq)::text as sum from audit_events`.execute(t.db);
  return r.rows[0] as { n: number; max: number | null; sum: string | null };
}

describe('SQL injection in the audit report', () => {
  it('refuses every payload as a sort key with 400 and survives them in every filter', async () => {
    const org = await t.newOrg();
    const admin = t.as(org, 'admin');
    const before = await auditSnapshot();
    const beforeSeqs = (await t.db.selectFrom('audit_events').select('seq').orderBy('seq').execute()).map((r) => r.seq);
    let auditedResponses = 0;
    const failures: string[] = [];
    for (const p of PAYLOADS) {
      const q = encodeURIComponent(p);
      const sortRes = await admin.get(`/api/audit?sort=${q}`);
      if (sortRes.statusCode !== 400) failures.push(`sort=${p}: ${sortRes.statusCode}`);
      else expect(sortRes.json().errors[0].path).toBe('querystring.sort');
      for (const param of ['patientId', 'userId', 'action', 'from', 'to', 'cursor', 'limit']) {
        for (const url of [`/api/audit?${param}=${q}`, `/api/audit/export.csv?${param}=${q}`]) {
          const res = await admin.get(url);
          if (res.statusCode >= 500) failures.push(`${url}: ${res.statusCode}`);
          if (res.statusCode === 200) auditedResponses++;
        }
      }
      const report = await admin.get(`/api/audit/break-glass?patientId=${q}&cursor=${q}`);
      if (report.statusCode >= 500) failures.push(`break-glass report: ${report.statusCode}`);
      if (report.statusCode === 200) auditedResponses++;
      const access = await admin.get(`/api/patients/${q}/access-report`);
      if (access.statusCode >= 500) failures.push(`access-report ${p}: ${access.statusCode}`);
    }
    expect(failures).toEqual([]);
    const after = await auditSnapshot();
    // Each answered report wrote exactly one row about itself; nothing else changed.
    expect(after.n - before.n).toBe(auditedResponses);
    const afterSeqs = (await t.db.selectFrom('audit_events').select('seq').orderBy('seq').execute()).map((r) => r.seq);
    expect(afterSeqs.slice(0, beforeSeqs.length)).toEqual(beforeSeqs);
    const added = await t.db
      .selectFrom('audit_events')
      .select(['action', 'organization_id'])
      .where('seq', '>', before.max ?? 0)
      .execute();
    for (const row of added) {
      expect(['search', 'export', 'read']).toContain(row.action);
      expect(row.organization_id).toBe(org.id);
    }
  });

  it('treats a payload in a free-text filter as data: no match, no error', async () => {
    const org = await t.newOrg();
    const res = await t.as(org, 'admin').get(`/api/audit?action=${encodeURIComponent("read' or '1'='1")}`);
    expect(res.statusCode).toBe(400);
    const ok = await t.as(org, 'admin').get('/api/audit?action=read.or.1');
    expect(ok.statusCode).toBe(200);
    expect(ok.json().items).toEqual([]);
  });
});

/** Whether the OpenAPI document lists a `sort` query parameter for GET `url`. */
function declaresSort(url: string): boolean {
  const doc = t.app.swagger() as { paths?: Record<string, { get?: { parameters?: { name: string; in: string }[] } }> };
  return (doc.paths?.[url]?.get?.parameters ?? []).some((p) => p.in === 'query' && p.name === 'sort');
}

describe('SQL injection in every list route with sort or q', () => {
  it('never answers 500 and keeps the audit trail whole', async () => {
    const org = await t.newOrg();
    const lists = t.routes.filter((r) => r.method === 'GET' && r.permission && !r.url.includes(':') && !r.url.includes('stream'));
    expect(lists.length).toBeGreaterThan(0);
    expect(declaresSort('/api/audit')).toBe(true);
    const beforeSeqs = (await t.db.selectFrom('audit_events').select('seq').orderBy('seq').execute()).map((r) => r.seq);
    const failures: string[] = [];
    for (const route of lists) {
      for (const param of ['sort', 'q']) {
        for (const p of PAYLOADS) {
          const res = await t.as(org, 'admin').get(`${route.url}?${param}=${encodeURIComponent(p)}`);
          if (res.statusCode >= 500) failures.push(`${route.url}?${param}=${p}: ${res.statusCode}`);
          // A route declaring a sort parameter must refuse a key outside its allow-list.
          if (param === 'sort' && declaresSort(route.url) && res.statusCode !== 400) {
            failures.push(`${route.url}?sort=${p}: accepted`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
    const afterSeqs = (await t.db.selectFrom('audit_events').select('seq').orderBy('seq').execute()).map((r) => r.seq);
    expect(afterSeqs.slice(0, beforeSeqs.length)).toEqual(beforeSeqs);
    const tables = await sql<{
      n: number;
    }>`select count(*)::int as n from pg_tables where tablename in ('audit_events', 'audit_seals', 'users')`.execute(t.db);
    expect(tables.rows[0]?.n).toBe(3);
  });
});
