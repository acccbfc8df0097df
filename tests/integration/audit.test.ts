/**
 * The audit trail: reports (filters, sorting, keyset pages, organization scope), the CSV
 * export, the patient access report, break-glass, the append-only guarantees, and the
 * sealer and verifier end to end (API and CLI).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { requirePatientAccess } from '@domain/access/index.ts';
import { AuditSealer, CANONICAL_COLUMNS, recordAudit, sealAudit, verifyAudit } from '@domain/audit/index.ts';
import { createSession } from '@domain/identity/sessions.ts';
import { FakeClock } from '@domain/shared/clock.ts';
import { type Ctx, inTransaction } from '@domain/shared/context.ts';
import type { App } from '@server/plugins/types.ts';
import { sql } from 'kysely';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import type { TestOrg } from '../helpers/factories.ts';
import { asSuperuser, insertPatient } from '../helpers/audit-fixtures.ts';
import { createTestApp } from '../helpers/test-app.ts';

const clock = new FakeClock('2026-03-02T15:00:00Z');

/** A stand-in for GET /api/patients/:id until the patients module owns it: access check + audited read. */
async function testPatientRoutes(app: App) {
  app.get(
    '/api/test/patients/:id',
    { config: { permission: 'patient:read' }, schema: { params: z.object({ id: z.string().uuid() }) } },
    async (request) =>
      inTransaction(request.ctx, async (tx) => {
        const access = await requirePatientAccess(tx, request.params.id);
        await recordAudit(tx, { action: 'read', resourceType: 'patient', resourceId: request.params.id, access });
        return { id: request.params.id, breakGlass: access.breakGlass };
      }),
  );
}

const t = await createTestApp({ clock, extraRoutes: [testPatientRoutes] });

function userCtx(org: TestOrg, role: keyof TestOrg['users']): Ctx {
  return {
    ...org.ctx,
    actor: {
      kind: 'user',
      userId: org.users[role].id,
      organizationId: org.id,
      displayName: role,
      roles: [{ role, locationId: null }],
      permissions: new Set(),
      providerId: null,
      sessionId: null,
    },
  };
}

async function relogin(org: TestOrg, role: keyof TestOrg['users']): Promise<void> {
  const session = await createSession(t.db, clock, { userId: org.users[role].id, organizationId: org.id, ip: null, userAgent: null });
  org.users[role].token = session.token;
}

interface Item {
  seq: number;
  action: string;
  userId: string | null;
  userEmail: string | null;
  patientId: string | null;
  breakGlass: boolean;
  occurredAt: string;
  details: Record<string, unknown> | null;
}

describe('audit reports', () => {
  it('lists only the own organization, with user names, filters and every field', async () => {
    const a = await t.newOrg();
    const b = await t.newOrg();
    const created = await t.as(a, 'admin').post('/api/locations', { name: 'North', timeZone: 'America/Chicago' });
    expect(created.statusCode).toBe(201);
    await t.as(b, 'admin').post('/api/locations', { name: 'Elsewhere', timeZone: 'America/Chicago' });

    const res = await t.as(a, 'office_manager').get('/api/audit?action=create');
    expect(res.statusCode).toBe(200);
    const body = res.json() as { items: Item[]; nextCursor: string | null };
    expect(body.nextCursor).toBeNull();
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({
      action: 'create',
      resourceType: 'location',
      resourceId: created.json().id,
      userId: a.users.admin.id,
      userEmail: a.users.admin.email,
      userDisplayName: expect.any(String),
      role: 'admin',
      outcome: 'success',
      breakGlass: false,
      requestId: created.headers['x-request-id'],
    });
    for (const k of ['seq', 'occurredAt', 'ip', 'userAgent', 'changes', 'patientId']) expect(body.items[0]).toHaveProperty(k);

    const byUser = await t.as(a, 'admin').get(`/api/audit?userId=${b.users.admin.id}`);
    expect(byUser.json().items).toEqual([]);
  });

  it('pages with a keyset cursor in the chosen order, without gaps or repeats', async () => {
    const org = await t.newOrg();
    const admin = userCtx(org, 'admin');
    const patientId = await insertPatient(t.db, org.id);
    for (const action of ['read', 'update', 'print', 'read', 'export', 'export', 'read'] as const) {
      await recordAudit(admin, { action, resourceType: 'patient', resourceId: patientId, patientId });
    }
    for (const sort of ['seq', '-seq', 'action', '-action', '-occurredAt', 'userId']) {
      const seen: Item[] = [];
      let cursor: string | null = null;
      do {
        const q: string = `/api/audit?patientId=${patientId}&sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const res = await t.as(org, 'admin').get(q);
        expect(res.statusCode, q).toBe(200);
        seen.push(...res.json().items);
        cursor = res.json().nextCursor;
      } while (cursor);
      expect(seen, sort).toHaveLength(7);
      expect(new Set(seen.map((i) => i.seq)).size).toBe(7);
      const key = sort.replace('-', '') as 'seq' | 'action' | 'occurredAt' | 'userId';
      const expected = [...seen].sort((x, y) => {
        const c = String(x[key]).localeCompare(String(y[key]), 'en', { numeric: true }) || x.seq - y.seq;
        return sort.startsWith('-') ? -c : c;
      });
      expect(
        seen.map((i) => i.seq),
        sort,
      ).toEqual(expected.map((i) => i.seq));
    }
  });

  it('filters by time range, refuses a foreign cursor and unknown parameters', async () => {
    const org = await t.newOrg();
    const other = await t.newOrg();
    await recordAudit(userCtx(org, 'admin'), { action: 'read', resourceType: 'appointment' });
    const all = (await t.as(org, 'admin').get('/api/audit?action=read&limit=1')).json();
    expect(all.items).toHaveLength(1);
    const at = all.items[0].occurredAt as string;
    const before = new Date(new Date(at).getTime() - 1).toISOString();
    const after = new Date(new Date(at).getTime() + 1000).toISOString();
    expect((await t.as(org, 'admin').get(`/api/audit?action=read&from=${before}&to=${after}`)).json().items).toHaveLength(1);
    expect((await t.as(org, 'admin').get(`/api/audit?action=read&from=${after}`)).json().items).toHaveLength(0);

    await recordAudit(userCtx(other, 'admin'), { action: 'read', resourceType: 'appointment' });
    await recordAudit(userCtx(other, 'admin'), { action: 'read', resourceType: 'appointment' });
    const page = (await t.as(other, 'admin').get('/api/audit?action=read&limit=1')).json();
    expect(page.nextCursor).toEqual(expect.any(String));
    const foreign = await t.as(org, 'admin').get(`/api/audit?action=read&limit=1&cursor=${page.nextCursor}`);
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0].path).toBe('cursor');
    const otherSort = await t.as(other, 'admin').get(`/api/audit?action=read&sort=seq&cursor=${page.nextCursor}`);
    expect(otherSort.statusCode).toBe(400);
    const unknown = await t.as(org, 'admin').get('/api/audit?organizationId=x');
    expect(unknown.statusCode).toBe(400);
    expect((await t.as(org, 'front_desk').get('/api/audit')).statusCode).toBe(403);
  });

  it('records each report view as an audit event', async () => {
    const org = await t.newOrg();
    const res = await t.as(org, 'admin').get('/api/audit?action=update');
    const row = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('request_id', '=', String(res.headers['x-request-id']))
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ action: 'search', resource_type: 'audit_event', user_id: org.users.admin.id });
    expect(row.details).toMatchObject({ filters: { action: 'update' } });
  });

  it('exports CSV with the same filters, neutralises formulas, and audits the export', async () => {
    const org = await t.newOrg();
    const patientId = await insertPatient(t.db, org.id);
    await recordAudit(userCtx(org, 'admin'), {
      action: 'update',
      resourceType: 'patient',
      resourceId: '=HYPERLINK("http://evil")',
      patientId,
      changes: { phone: { before: '1', after: '2, "x"' } },
    });
    await recordAudit(userCtx(org, 'admin'), { action: 'read', resourceType: 'patient', patientId });
    const res = await t.as(org, 'office_manager').get(`/api/audit/export.csv?patientId=${patientId}&action=update`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="audit-\d{4}-\d{2}-\d{2}\.csv"/);
    const lines = res.body.trimEnd().split('\r\n');
    expect(lines[0]?.split(',').slice(0, 4)).toEqual(['seq', 'occurredAt', 'userId', 'userEmail']);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(lines[1]).toContain('"{""phone"":{""after"":""2, \\""x\\"""",""before"":""1""}}"');
    const exportRow = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('request_id', '=', String(res.headers['x-request-id']))
      .executeTakeFirstOrThrow();
    expect(exportRow).toMatchObject({ action: 'export', resource_type: 'audit_event', user_id: org.users.office_manager.id });
    expect(exportRow.details).toMatchObject({ format: 'csv', rows: 1 });
    expect((await t.as(org, 'biller').get('/api/audit/export.csv')).statusCode).toBe(403);
  });
});

describe('patient access report', () => {
  it('shows who opened the record and when, and is itself audited', async () => {
    const org = await t.newOrg();
    const other = await t.newOrg();
    const patientId = await insertPatient(t.db, org.id);
    const read = await t.as(org, 'nurse').get(`/api/test/patients/${patientId}`);
    expect(read.statusCode).toBe(200);
    const res = await t.as(org, 'office_manager').get(`/api/patients/${patientId}/access-report`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Item[];
    expect(items.map((i) => [i.action, i.userEmail])).toEqual([['read', org.users.nurse.email]]);
    const own = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('request_id', '=', String(res.headers['x-request-id']))
      .executeTakeFirstOrThrow();
    expect(own).toMatchObject({ action: 'read', resource_type: 'access_report', patient_id: patientId });
    // The report's own audit row shows up next time.
    const again = (await t.as(org, 'office_manager').get(`/api/patients/${patientId}/access-report`)).json().items as Item[];
    expect(again.map((i) => i.action)).toEqual(['read', 'read']);

    expect((await t.as(other, 'admin').get(`/api/patients/${patientId}/access-report`)).statusCode).toBe(404);
    expect((await t.as(org, 'nurse').get(`/api/patients/${patientId}/access-report`)).statusCode).toBe(403);
  });
});

describe('break-glass', () => {
  it('opens a restricted record for at most 60 minutes, flags every row, and shows in the report', async () => {
    const org = await t.newOrg();
    const clinician = userCtx(org, 'clinician');
    const patientId = await insertPatient(t.db, org.id, { restricted: true, careTeam: [org.users.nurse.id] });
    const doc = t.as(org, 'clinician');

    expect((await doc.get(`/api/test/patients/${patientId}`)).statusCode).toBe(404);
    expect((await t.as(org, 'nurse').get(`/api/test/patients/${patientId}`)).json().breakGlass).toBe(false);

    const short = await doc.post(`/api/patients/${patientId}/break-glass`, { reason: 'urgent' });
    expect(short.statusCode).toBe(400);
    const tooLong = await doc.post(`/api/patients/${patientId}/break-glass`, { reason: 'patient collapsed in lobby', minutes: 61 });
    expect(tooLong.statusCode).toBe(400);
    const opened = await doc.post(`/api/patients/${patientId}/break-glass`, { reason: 'patient collapsed in lobby' });
    expect(opened.statusCode).toBe(201);
    const grant = opened.json();
    expect(new Date(grant.expiresAt).getTime() - new Date(grant.createdAt).getTime()).toBe(60 * 60_000);
    expect(grant.createdAt).toBe(clock.now().toISOString());

    const view = await doc.get(`/api/test/patients/${patientId}`);
    expect(view.statusCode).toBe(200);
    expect(view.json().breakGlass).toBe(true);
    // A module that forgets to pass `access` still gets the row flagged.
    await recordAudit(clinician, { action: 'print', resourceType: 'patient', resourceId: patientId, patientId });

    const rows = await t.db
      .selectFrom('audit_events')
      .select(['action', 'break_glass', 'details'])
      .where('patient_id', '=', patientId)
      .where('user_id', '=', org.users.clinician.id)
      .where('outcome', '=', 'success')
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => [r.action, r.break_glass])).toEqual([
      ['break_glass', true],
      ['read', true],
      ['print', true],
    ]);
    for (const r of rows) expect(r.details).toMatchObject({ breakGlassGrantId: grant.id });

    clock.advance(61 * 60_000);
    // Sessions idled out meanwhile: sign in again.
    await relogin(org, 'clinician');
    await relogin(org, 'office_manager');
    expect((await t.as(org, 'clinician').get(`/api/test/patients/${patientId}`)).statusCode).toBe(404);
    await recordAudit(clinician, { action: 'print', resourceType: 'patient', resourceId: patientId, patientId });
    const late = await t.db
      .selectFrom('audit_events')
      .select('break_glass')
      .where('patient_id', '=', patientId)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(late.break_glass).toBe(false);

    const report = await t.as(org, 'office_manager').get('/api/audit/break-glass');
    expect(report.statusCode).toBe(200);
    const [g] = report.json().items;
    expect(g).toMatchObject({
      id: grant.id,
      userId: org.users.clinician.id,
      userEmail: org.users.clinician.email,
      patientId,
      reason: 'patient collapsed in lobby',
      active: false,
      accessCount: 2,
    });
    expect(g.accesses.map((x: { action: string }) => x.action)).toEqual(['print', 'read']);
    expect((await t.as(org, 'office_manager').get('/api/audit/break-glass?active=true')).json().items).toEqual([]);
  });

  it('refuses roles without break_glass, other organizations, and records that are not restricted', async () => {
    const org = await t.newOrg();
    const other = await t.newOrg();
    const restricted = await insertPatient(t.db, org.id, { restricted: true });
    const open = await insertPatient(t.db, org.id);
    const body = { reason: 'emergency in exam room 2' };
    expect((await t.as(org, 'front_desk').post(`/api/patients/${restricted}/break-glass`, body)).statusCode).toBe(403);
    expect((await t.as(org, 'admin').post(`/api/patients/${restricted}/break-glass`, body)).statusCode).toBe(403);
    expect((await t.as(other, 'clinician').post(`/api/patients/${restricted}/break-glass`, body)).statusCode).toBe(404);
    expect((await t.as(org, 'clinician').post(`/api/patients/${open}/break-glass`, body)).statusCode).toBe(409);
    expect((await t.as(org, 'clinician').post(`/api/patients/${restricted}/break-glass`, { ...body, extra: 1 })).statusCode).toBe(400);
    const grants = await t.db.selectFrom('break_glass_grants').select('id').where('organization_id', 'in', [org.id, other.id]).execute();
    expect(grants).toEqual([]);
  });

  it('lets the database refuse a grant longer than 60 minutes even if code asked for one', async () => {
    const org = await t.newOrg();
    const patientId = await insertPatient(t.db, org.id, { restricted: true });
    await expect(
      t.db
        .insertInto('break_glass_grants')
        .values({
          organization_id: org.id,
          user_id: org.users.clinician.id,
          patient_id: patientId,
          reason: 'a long enough reason',
          created_at: '2026-03-02T15:00:00Z',
          expires_at: '2026-03-02T16:00:01Z',
        })
        .execute(),
    ).rejects.toThrow(/check constraint/);
  });
});

describe('append-only', () => {
  it('refuses UPDATE, DELETE and TRUNCATE to the app role, and UPDATE even to the superuser', async () => {
    const org = await t.newOrg();
    await recordAudit(org.ctx, { action: 'read', resourceType: 'appointment' });
    await sealAudit(t.db);
    const role = await sql<{ r: string }>`select current_user as r`.execute(t.db);
    expect(role.rows[0]?.r).toBe('clinicdesk_app');
    for (const [table, column] of [
      ['audit_events', 'action'],
      ['audit_seals', 'hash'],
    ] as const) {
      const id = sql.id(table);
      await expect(sql`update ${id} set ${sql.id(column)} = ${sql.id(column)}`.execute(t.db)).rejects.toThrow(/permission denied/);
      await expect(sql`delete from ${id}`.execute(t.db)).rejects.toThrow(/permission denied/);
      await expect(sql`truncate ${id}`.execute(t.db)).rejects.toThrow(/permission denied/);
    }
    await asSuperuser(t.database.connectionString, async (c) => {
      await expect(c.query(`update audit_events set action = 'x' where organization_id = $1`, [org.id])).rejects.toThrow(/append-only/);
      await expect(c.query('delete from audit_events where organization_id = $1', [org.id])).rejects.toThrow(/append-only/);
      await expect(c.query('truncate audit_events')).rejects.toThrow(/append-only/);
      await expect(c.query('update audit_seals set hash = hash')).rejects.toThrow(/append-only/);
    });
    const still = await t.db.selectFrom('audit_events').select('action').where('organization_id', '=', org.id).execute();
    expect(still.map((r) => r.action)).toEqual(['read']);
  });

  it('keeps an audit row written outside a transaction under the append lock until it commits', async () => {
    // Outside a transaction recordAudit opens one, so the shared lock spans the insert.
    const org = await t.newOrg();
    await recordAudit({ ...org.ctx, db: t.db }, { action: 'read', resourceType: 'appointment' });
    const rows = await t.db.selectFrom('audit_events').select('action').where('organization_id', '=', org.id).execute();
    expect(rows).toHaveLength(1);
  });
});

describe('hash chain', () => {
  it('covers every column of audit_events in the canonical row', async () => {
    const cols = await t.db
      .selectFrom('information_schema.columns' as never)
      .select(sql<string>`column_name`.as('c'))
      .where(sql`table_name`, '=', 'audit_events')
      .where(sql`table_schema`, '=', 'public')
      .execute();
    expect(cols.map((r) => (r as { c: string }).c).sort()).toEqual([...CANONICAL_COLUMNS].sort());
  });

  it('seals new rows, continues the chain, and verifies through the API and the CLI', async () => {
    const org = await t.newOrg();
    await sealAudit(t.db);
    for (let i = 0; i < 5; i++) await recordAudit(org.ctx, { action: 'read', resourceType: 'appointment', resourceId: `a${i}` });
    // A rolled-back append leaves a gap that the chain skips.
    await t.db
      .transaction()
      .execute(async (trx) => {
        await recordAudit({ ...org.ctx, db: trx }, { action: 'read', resourceType: 'appointment', resourceId: 'rolled back' });
        throw new Error('rollback');
      })
      .catch(() => undefined);
    await recordAudit(org.ctx, { action: 'read', resourceType: 'appointment', resourceId: 'after gap' });
    const first = await sealAudit(t.db, { batchSize: 4 });
    expect(first.sealed).toBeGreaterThanOrEqual(6);
    expect(first.busy).toBe(false);
    const again = await sealAudit(t.db);
    expect(again.sealed).toBe(0);
    const counts = await sql<{ events: number; seals: number }>`
      select (select count(*) from audit_events)::int as events, (select count(*) from audit_seals)::int as seals`.execute(t.db);
    expect(counts.rows[0]?.seals).toBe(counts.rows[0]?.events);

    const v = await verifyAudit(t.db);
    expect(v).toEqual({ ok: true, checked: counts.rows[0]?.seals, firstBadSeq: null });

    // The API walks the same chain but counts only the caller's organization's rows (the CLI counts all).
    const res = await t.as(org, 'admin').get('/api/audit/verify');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, checked: 6, firstBadSeq: null });
    expect((await t.as(org, 'clinician').get('/api/audit/verify')).statusCode).toBe(403);

    const run = promisify(execFile);
    const env = { ...process.env, DATABASE_URL: t.database.connectionString, LOG_LEVEL: 'silent' };
    const sealed = await run(process.execPath, ['bin/clinicdesk.js', 'audit', 'seal'], { env });
    // The verify request's own row, and the clinician's refusal (access_denied).
    expect(JSON.parse(sealed.stdout)).toMatchObject({ busy: false, sealed: 2 });
    const verified = await run(process.execPath, ['bin/clinicdesk.js', 'audit', 'verify'], { env });
    expect(JSON.parse(verified.stdout)).toEqual({ ok: true, checked: (counts.rows[0]?.seals ?? 0) + 2, firstBadSeq: null });
  }, 90_000); // a ceiling for two CLI child processes on busy shared cores (21 s in a clean-clone run), not a measurement

  it('runs as a recurring loop (as `clinicdesk serve` starts it) that seals new rows and stops cleanly', async () => {
    const org = await t.newOrg();
    const errors: unknown[] = [];
    const sealer = new AuditSealer({ db: t.db, intervalMs: 20, onError: (e) => errors.push(e) });
    sealer.start();
    await recordAudit(org.ctx, { action: 'read', resourceType: 'appointment', resourceId: 'sealer loop' });
    const row = await t.db.selectFrom('audit_events').select('seq').where('resource_id', '=', 'sealer loop').executeTakeFirstOrThrow();
    let sealed = false;
    for (let i = 0; i < 500 && !sealed; i++) {
      sealed = (await t.db.selectFrom('audit_seals').select('seq').where('seq', '=', row.seq).executeTakeFirst()) !== undefined;
      if (!sealed) await new Promise((r) => setTimeout(r, 20));
    }
    await sealer.stop();
    expect(sealed).toBe(true);
    expect(errors).toEqual([]);
  });
});
