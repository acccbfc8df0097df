/**
 * Findings of the outside security review, compliance area:
 *  - (7) the audit trail and its CSV export show events about a restricted record without its
 *    values to a reader who may not open that record;
 *  - (16) GET /api/audit/verify counts and names only the caller's organization's events;
 *  - (17) back-to-back break-glass grants: a renewal within 24 hours needs a review of the
 *    previous grant or a renewal reason, and the report flags the chain.
 */
import { sealAudit } from '@domain/audit/index.ts';
import { createSession } from '@domain/identity/sessions.ts';
import { FakeClock } from '@domain/shared/clock.ts';
import { sql } from 'kysely';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { asSuperuser, insertPatient } from '../helpers/audit-fixtures.ts';
import type { TestOrg } from '../helpers/factories.ts';
import { createTestApp } from '../helpers/test-app.ts';

const clock = new FakeClock('2026-03-02T15:00:00Z');
const t = await createTestApp({ clock });

/** New sessions for `roles` (after the clock moved past their idle timeout). */
async function relogin(org: TestOrg, ...roles: (keyof TestOrg['users'])[]): Promise<void> {
  for (const role of roles) {
    const session = await createSession(t.db, clock, { userId: org.users[role].id, organizationId: org.id, ip: null, userAgent: null });
    org.users[role].token = session.token;
  }
}

interface Event {
  seq: number;
  action: string;
  resourceType: string | null;
  userId: string | null;
  patientId: string | null;
  changes: Record<string, { before: unknown; after: unknown }> | null;
  details: Record<string, unknown> | null;
  redacted: boolean;
}

describe('(7) restricted records in the audit trail', () => {
  const SECRET_EMAIL = 'hidden.address@example.org';

  /** A restricted record (nurse on its team) with a registration and an email change in the trail. */
  async function restrictedWithHistory(org: TestOrg) {
    const created = await t
      .as(org, 'front_desk')
      .post('/api/patients', { givenName: 'Greta', familyName: 'Garbo', birthDate: '1975-09-18' });
    expect(created.statusCode, created.body).toBe(201);
    const { id, version } = created.json() as { id: string; version: number };
    const restricted = await t.as(org, 'nurse').patch(`/api/patients/${id}`, { restricted: true }, { 'if-match': `"${version}"` });
    expect(restricted.statusCode, restricted.body).toBe(200);
    const edited = await t
      .as(org, 'nurse')
      .patch(`/api/patients/${id}`, { email: SECRET_EMAIL }, { 'if-match': `"${restricted.json().version}"` });
    expect(edited.statusCode, edited.body).toBe(200);
    const mrn = (await t.db.selectFrom('patients').select('mrn').where('id', '=', id).executeTakeFirstOrThrow()).mrn;
    return { id, mrn };
  }

  async function trail(org: TestOrg, role: keyof TestOrg['users'], patientId: string) {
    const res = await t.as(org, role).get(`/api/audit?patientId=${patientId}&sort=seq`);
    expect(res.statusCode, res.body).toBe(200);
    return { body: res.body, items: (res.json() as { items: Event[] }).items };
  }

  async function csv(org: TestOrg, role: keyof TestOrg['users'], patientId: string) {
    const res = await t.as(org, role).get(`/api/audit/export.csv?patientId=${patientId}&sort=seq`);
    expect(res.statusCode, res.body).toBe(200);
    const [header, ...rows] = res.body.trimEnd().split('\r\n');
    return { body: res.body, header: header?.split(',') ?? [], rows };
  }

  it('shows an office manager off the care team every event of a restricted record, without its values, in the list and the CSV', async () => {
    const org = await t.newOrg();
    const { id, mrn } = await restrictedWithHistory(org);
    // The office manager holds audit:read but is denied the record itself.
    expect((await t.as(org, 'office_manager').get(`/api/patients/${id}`)).statusCode).toBe(404);

    const { body, items } = await trail(org, 'office_manager', id);
    expect(body).not.toContain(SECRET_EMAIL);
    expect(body).not.toContain('mrn');
    expect(mrn).toEqual(expect.any(String));
    const update = items.find((e) => e.action === 'update' && e.resourceType === 'patient' && e.userId === org.users.nurse.id);
    const create = items.find((e) => e.action === 'create' && e.resourceType === 'patient');
    expect(update).toMatchObject({ patientId: id, changes: null, redacted: true });
    expect(create).toMatchObject({ patientId: id, changes: null, details: null, redacted: true });
    // The denied read is an event too; it carries nothing of the record and stays as it is.
    expect(items.some((e) => e.action === 'read' && e.userId === org.users.office_manager.id)).toBe(true);

    const exported = await csv(org, 'office_manager', id);
    expect(exported.body).not.toContain(SECRET_EMAIL);
    expect(exported.body).not.toContain('mrn');
    expect(exported.header.at(-1)).toBe('redacted');
    expect(exported.rows.length).toBe(items.length);
    const updateRow = exported.rows.find((r) => r.startsWith(`${update?.seq},`));
    expect(updateRow?.endsWith(',true')).toBe(true);
  });

  it('shows the values to a reader on the care team, and to one holding an active break-glass grant', async () => {
    const org = await t.newOrg();
    const { id, mrn } = await restrictedWithHistory(org);

    // The admin (audit:read) joins the care team: values are shown.
    await t.db.insertInto('patient_care_team').values({ organization_id: org.id, patient_id: id, user_id: org.users.admin.id }).execute();
    const onTeam = await trail(org, 'admin', id);
    const update = onTeam.items.find((e) => e.action === 'update' && e.changes?.email);
    expect(update).toMatchObject({ redacted: false, changes: { email: { after: SECRET_EMAIL } } });
    expect(onTeam.items.find((e) => e.action === 'create' && e.resourceType === 'patient')?.details).toMatchObject({ mrn });
    const adminCsv = await csv(org, 'admin', id);
    expect(adminCsv.body).toContain(SECRET_EMAIL);
    expect(adminCsv.rows.every((r) => r.endsWith(',false'))).toBe(true);

    // The office manager breaks the glass: values are shown while the grant lasts.
    const before = await trail(org, 'office_manager', id);
    expect(before.body).not.toContain(SECRET_EMAIL);
    const opened = await t.as(org, 'office_manager').post(`/api/patients/${id}/break-glass`, { reason: 'subpoena response due today' });
    expect(opened.statusCode, opened.body).toBe(201);
    const during = await trail(org, 'office_manager', id);
    expect(during.items.find((e) => e.seq === update?.seq)).toMatchObject({ redacted: false, changes: { email: { after: SECRET_EMAIL } } });
    expect((await csv(org, 'office_manager', id)).body).toContain(SECRET_EMAIL);

    clock.advance(61 * 60_000);
    await relogin(org, 'office_manager');
    const after = await trail(org, 'office_manager', id);
    expect(after.body).not.toContain(SECRET_EMAIL);
    expect(after.items.find((e) => e.seq === update?.seq)).toMatchObject({ redacted: true, changes: null });
    // A redacted event keeps the reference to the grant it was written under (no values).
    const flagged = after.items.filter((e) => e.action === 'break_glass');
    expect(flagged).toHaveLength(1);
    expect(flagged[0]).toMatchObject({ redacted: true, changes: null, details: { breakGlassGrantId: opened.json().id } });
  });

  it('leaves events of records that are not restricted as they are', async () => {
    const org = await t.newOrg();
    const created = await t
      .as(org, 'front_desk')
      .post('/api/patients', { givenName: 'Open', familyName: 'Record', birthDate: '1980-01-01', email: SECRET_EMAIL });
    expect(created.statusCode, created.body).toBe(201);
    const { items, body } = await trail(org, 'office_manager', created.json().id);
    expect(items.every((e) => e.redacted === false)).toBe(true);
    expect(body).toContain(`"mrn":"${created.json().mrn}"`);
  });
});

describe('(16) verifying the trail reports the own organization only', () => {
  async function sealedCount(orgId: string): Promise<number> {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from audit_events e join audit_seals s on s.seq = e.seq where e.organization_id = ${orgId}`.execute(t.db);
    return rows[0]?.n ?? 0;
  }

  async function tamper(fn: (c: pg.Client) => Promise<unknown>): Promise<void> {
    await asSuperuser(t.database.connectionString, async (c) => {
      await c.query('begin');
      await c.query('alter table audit_events disable trigger audit_events_no_update');
      await fn(c);
      await c.query('alter table audit_events enable trigger audit_events_no_update');
      await c.query('commit');
    });
  }

  it("counts only the caller's organization's events, and never names another organization's seq", async () => {
    const a = await t.newOrg();
    const b = await t.newOrg();
    const pa = await insertPatient(t.db, a.id);
    const pb = await insertPatient(t.db, b.id);
    for (let i = 0; i < 3; i++) expect((await t.as(a, 'nurse').get(`/api/patients/${pa}`)).statusCode).toBe(200);
    for (let i = 0; i < 7; i++) expect((await t.as(b, 'nurse').get(`/api/patients/${pb}`)).statusCode).toBe(200);
    await sealAudit(t.db);
    const total = (await sql<{ n: number }>`select count(*)::int as n from audit_seals`.execute(t.db)).rows[0]?.n;

    const ownA = await sealedCount(a.id);
    const ownB = await sealedCount(b.id);
    expect(ownA).toBeGreaterThanOrEqual(3);
    expect(ownB).toBeGreaterThanOrEqual(7);
    expect(ownA).toBeLessThan(total ?? 0);
    expect(ownB).toBeLessThan(total ?? 0);
    const resA = await t.as(a, 'office_manager').get('/api/audit/verify');
    expect(resA.statusCode).toBe(200);
    expect(resA.json()).toEqual({ ok: true, checked: ownA, firstBadSeq: null });
    expect((await t.as(b, 'admin').get('/api/audit/verify')).json()).toEqual({ ok: true, checked: ownB, firstBadSeq: null });
    // The check's own audit row says the same.
    const row = await t.db
      .selectFrom('audit_events')
      .select('details')
      .where('request_id', '=', String(resA.headers['x-request-id']))
      .executeTakeFirstOrThrow();
    expect(row.details).toEqual({ ok: true, checked: ownA, firstBadSeq: null });

    // B's row is edited: A learns that the chain is broken, but not where, and its count stays its own.
    await sealAudit(t.db);
    const target = await t.db
      .selectFrom('audit_events')
      .select('seq')
      .where('organization_id', '=', b.id)
      .where('patient_id', '=', pb)
      .orderBy('seq')
      .executeTakeFirstOrThrow();
    await tamper((c) => c.query(`update audit_events set action = 'print' where seq = $1`, [target.seq]));
    const brokenA = (await t.as(a, 'office_manager').get('/api/audit/verify')).json();
    expect(brokenA).toEqual({ ok: false, checked: await sealedCount(a.id), firstBadSeq: null });
    const brokenB = (await t.as(b, 'office_manager').get('/api/audit/verify')).json();
    expect(brokenB).toMatchObject({ ok: false, firstBadSeq: target.seq });
    expect(brokenB.checked).toBeLessThanOrEqual(await sealedCount(b.id));
    await tamper((c) => c.query(`update audit_events set action = 'read' where seq = $1`, [target.seq]));

    // A's own row: A is told its seq; B is not.
    await sealAudit(t.db);
    const own = await t.db
      .selectFrom('audit_events')
      .select('seq')
      .where('organization_id', '=', a.id)
      .where('patient_id', '=', pa)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    await tamper((c) => c.query(`update audit_events set action = 'print' where seq = $1`, [own.seq]));
    expect((await t.as(a, 'admin').get('/api/audit/verify')).json()).toMatchObject({ ok: false, firstBadSeq: own.seq });
    expect((await t.as(b, 'admin').get('/api/audit/verify')).json()).toMatchObject({ ok: false, firstBadSeq: null });
    await tamper((c) => c.query(`update audit_events set action = 'read' where seq = $1`, [own.seq]));
    await sealAudit(t.db);
    expect((await t.as(a, 'admin').get('/api/audit/verify')).json()).toEqual({
      ok: true,
      checked: await sealedCount(a.id),
      firstBadSeq: null,
    });
  });
});

describe('(17) break-glass renewals', () => {
  const FIRST = 'patient collapsed in lobby';
  const RENEWAL = 'still in resuscitation bay 2; ED team needs the medication list again';

  async function grants(org: TestOrg, patientId: string) {
    return t.db
      .selectFrom('break_glass_grants')
      .select('id')
      .where('organization_id', '=', org.id)
      .where('patient_id', '=', patientId)
      .execute();
  }

  interface Grant {
    id: string;
    chain: { position: number; previousGrantId: string; previousReviewed: boolean } | null;
    review: { reviewedBy: string; note: string | null } | null;
  }

  async function report(org: TestOrg, patientId: string): Promise<Grant[]> {
    const res = await t.as(org, 'office_manager').get(`/api/audit/break-glass?patientId=${patientId}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items;
  }

  it('refuses a second grant within 24 hours while the first is not reviewed, unless it is stated as a renewal with a longer reason', async () => {
    const org = await t.newOrg();
    const patientId = await insertPatient(t.db, org.id, { restricted: true, careTeam: [org.users.nurse.id] });
    const first = await t.as(org, 'clinician').post(`/api/patients/${patientId}/break-glass`, { reason: FIRST });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().renewalOf).toBeNull();

    clock.advance(65 * 60_000);
    await relogin(org, 'clinician', 'office_manager');
    const breakGlassRows = () =>
      t.db.selectFrom('audit_events').select('seq').where('patient_id', '=', patientId).where('action', '=', 'break_glass').execute();
    const rowsBefore = (await breakGlassRows()).length;
    for (const body of [
      { reason: FIRST },
      { reason: RENEWAL },
      { reason: 'renewing: still treating', renewal: true },
      { reason: RENEWAL, renewal: false },
    ]) {
      const refused = await t.as(org, 'clinician').post(`/api/patients/${patientId}/break-glass`, body);
      expect(refused.statusCode, JSON.stringify(body)).toBe(409);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.json()).toMatchObject({
        code: 'BREAK_GLASS_RENEWAL_UNREVIEWED',
        status: 409,
        previousGrantId: first.json().id,
        minReasonLength: 40,
      });
      expect(refused.json().errors[0]).toMatchObject({ path: 'reason', message: expect.stringContaining('40 characters') });
    }
    // Nothing was granted or written, and the record stays closed.
    expect(await grants(org, patientId)).toHaveLength(1);
    expect(await breakGlassRows()).toHaveLength(rowsBefore);
    expect((await t.as(org, 'clinician').get(`/api/patients/${patientId}`)).statusCode).toBe(404);

    const renewed = await t.as(org, 'clinician').post(`/api/patients/${patientId}/break-glass`, { reason: RENEWAL, renewal: true });
    expect(renewed.statusCode, renewed.body).toBe(201);
    expect(renewed.json().renewalOf).toBe(first.json().id);
    expect((await t.as(org, 'clinician').get(`/api/patients/${patientId}`)).statusCode).toBe(200);
    const audited = await t.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'break_glass')
      .where('patient_id', '=', patientId)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(audited.details).toMatchObject({ renewalOf: first.json().id, previousReviewed: false, breakGlassGrantId: renewed.json().id });

    // The report flags the chain.
    const [second, firstInReport] = await report(org, patientId);
    expect(second).toMatchObject({
      id: renewed.json().id,
      chain: { position: 2, previousGrantId: first.json().id, previousReviewed: false },
      review: null,
    });
    expect(firstInReport).toMatchObject({ id: first.json().id, chain: null, review: null });
  });

  it('allows the next grant with an ordinary reason once a manager has reviewed the previous one, and flags the chain', async () => {
    const org = await t.newOrg();
    const other = await t.newOrg();
    const patientId = await insertPatient(t.db, org.id, { restricted: true });
    const g1 = (await t.as(org, 'clinician').post(`/api/patients/${patientId}/break-glass`, { reason: FIRST })).json();

    // Reviews: only another person of the same organization, once.
    const otherGrantPatient = await insertPatient(t.db, other.id, { restricted: true });
    const otherGrant = (await t.as(other, 'clinician').post(`/api/patients/${otherGrantPatient}/break-glass`, { reason: FIRST })).json();
    expect((await t.as(org, 'office_manager').post(`/api/audit/break-glass/${otherGrant.id}/review`, {})).statusCode).toBe(404);
    expect((await t.as(org, 'clinician').post(`/api/audit/break-glass/${g1.id}/review`, {})).statusCode).toBe(403);
    const reviewed = await t.as(org, 'office_manager').post(`/api/audit/break-glass/${g1.id}/review`, { note: 'checked with the ED lead' });
    expect(reviewed.statusCode, reviewed.body).toBe(201);
    expect(reviewed.json()).toMatchObject({ grantId: g1.id, reviewedBy: org.users.office_manager.id, note: 'checked with the ED lead' });
    expect((await t.as(org, 'admin').post(`/api/audit/break-glass/${g1.id}/review`, {})).statusCode).toBe(409);
    const reviewAudit = await t.db
      .selectFrom('audit_events')
      .select(['user_id', 'resource_id'])
      .where('action', '=', 'review')
      .where('organization_id', '=', org.id)
      .execute();
    expect(reviewAudit).toEqual([{ user_id: org.users.office_manager.id, resource_id: g1.id }]);

    clock.advance(65 * 60_000);
    await relogin(org, 'clinician', 'office_manager');
    const g2 = await t.as(org, 'clinician').post(`/api/patients/${patientId}/break-glass`, { reason: 'second emergency visit' });
    expect(g2.statusCode, g2.body).toBe(201);
    expect(g2.json().renewalOf).toBe(g1.id);

    // g2 is not reviewed: a third one inside the day is a renewal again.
    clock.advance(65 * 60_000);
    await relogin(org, 'clinician', 'office_manager');
    expect(
      (await t.as(org, 'clinician').post(`/api/patients/${patientId}/break-glass`, { reason: 'third emergency visit' })).statusCode,
    ).toBe(409);
    const g3 = await t.as(org, 'clinician').post(`/api/patients/${patientId}/break-glass`, { reason: RENEWAL, renewal: true });
    expect(g3.statusCode, g3.body).toBe(201);

    const items = await report(org, patientId);
    expect(items.map((g) => [g.id, g.chain])).toEqual([
      [g3.json().id, { position: 3, previousGrantId: g2.json().id, previousReviewed: false }],
      [g2.json().id, { position: 2, previousGrantId: g1.id, previousReviewed: true }],
      [g1.id, null],
    ]);
    expect(items[2]?.review).toMatchObject({ reviewedBy: org.users.office_manager.id, note: 'checked with the ED lead' });
    // The report of the other organization shows none of this.
    await relogin(other, 'office_manager');
    const theirs = (await t.as(other, 'office_manager').get('/api/audit/break-glass')).json().items as Grant[];
    expect(theirs.map((g) => g.id)).toEqual([otherGrant.id]);

    // A day after the last grant, a new one starts a new chain.
    clock.advance(24 * 3_600_000);
    await relogin(org, 'clinician', 'office_manager');
    const fresh = await t.as(org, 'clinician').post(`/api/patients/${patientId}/break-glass`, { reason: 'new emergency next day' });
    expect(fresh.statusCode, fresh.body).toBe(201);
    expect(fresh.json().renewalOf).toBeNull();
    expect((await report(org, patientId))[0]).toMatchObject({ id: fresh.json().id, chain: null });
  });
});
