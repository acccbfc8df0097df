/**
 * Tenancy's second wall: row-level security keyed on the connection's organization
 * (migration 0089, packages/db/src/tenant.ts). A query that forgets its organization
 * filter still sees only the caller's practice; a connection nobody scoped sees no
 * patient data; a write into another practice is refused; name search keeps its index.
 */
import { APP_ROLE, runInTenantScope } from '@db/index.ts';
import type { App } from '@server/plugins/types.ts';
import { sql } from 'kysely';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertPatient } from '../helpers/audit-fixtures.ts';
import type { TestOrg } from '../helpers/factories.ts';
import { createTestApp } from '../helpers/test-app.ts';

/** A route whose query "forgets" the organization filter, as a bug would. */
async function forgetfulRoutes(app: App) {
  app.get('/api/test/all-patients', { config: { permission: 'patient:read' } }, async (request) => {
    const rows = await request.ctx.db.selectFrom('patients').select(['id', 'organization_id']).execute();
    const appointments = await sql<{ n: number }>`select count(*)::int as n from appointments`.execute(request.ctx.db);
    return {
      organizations: [...new Set(rows.map((r) => r.organization_id))],
      patients: rows.length,
      appointments: appointments.rows[0]?.n,
    };
  });
}

const t = await createTestApp({ extraRoutes: [forgetfulRoutes] });
let a: TestOrg;
let b: TestOrg;
beforeAll(async () => {
  a = await t.newOrg();
  b = await t.newOrg();
  for (let i = 0; i < 3; i++) await insertPatient(t.db, a.id);
  for (let i = 0; i < 5; i++) await insertPatient(t.db, b.id);
});

describe('row-level security', () => {
  it("shows a request only its practice's rows even when a query forgets the organization filter", async () => {
    for (const [org, count] of [
      [a, 3],
      [b, 5],
    ] as const) {
      const res = await t.as(org, 'front_desk').get('/api/test/all-patients');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ organizations: [org.id], patients: count });
    }
  });

  it('scopes code outside requests explicitly, and fails closed on a connection nobody scoped', async () => {
    const count = () =>
      t.db
        .selectFrom('patients')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
    expect(Number((await runInTenantScope(count, a.id)).n)).toBe(3);
    expect(Number((await runInTenantScope(count, b.id)).n)).toBe(5);
    // Unscoped work (jobs, the CLI) spans practices.
    expect(Number((await count()).n)).toBeGreaterThanOrEqual(8);

    const raw = new pg.Client({ connectionString: t.database.connectionString });
    await raw.connect();
    try {
      await raw.query(`set role ${pg.escapeIdentifier(APP_ROLE)}`);
      expect((await raw.query('select count(*)::int as n from patients')).rows[0].n).toBe(0);
      expect((await raw.query('select count(*)::int as n from audit_events where organization_id is not null')).rows[0].n).toBe(0);
    } finally {
      await raw.end();
    }
  });

  it("refuses a write into another practice's rows", async () => {
    await expect(
      runInTenantScope(
        () => t.db.insertInto('patient_care_team').values({ organization_id: b.id, patient_id: a.id, user_id: b.users.nurse.id }).execute(),
        a.id,
      ),
    ).rejects.toThrow(/row-level security/);
    const bPatient = await runInTenantScope(() => t.db.selectFrom('patients').select('id').executeTakeFirstOrThrow(), b.id);
    const updated = await runInTenantScope(
      () => t.db.updateTable('patients').set({ preferred_name: 'Changed' }).where('id', '=', bPatient.id).executeTakeFirst(),
      a.id,
    );
    expect(Number(updated.numUpdatedRows)).toBe(0);
  });

  it("refuses another practice's location in x-location-id, also after that practice's own staff used it", async () => {
    // Its own practice's request puts the location among the ones this process knows.
    expect((await t.as(b, 'admin').get('/api/users', { 'x-location-id': b.locationId })).statusCode).toBe(200);
    const res = await t.as(a, 'admin').get('/api/users', { 'x-location-id': b.locationId });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('headers.x-location-id');
    // Its own location is taken, the second time from memory.
    expect((await t.as(a, 'admin').get('/api/users', { 'x-location-id': a.locationId })).statusCode).toBe(200);
    expect((await t.as(a, 'admin').get('/api/users', { 'x-location-id': a.locationId })).statusCode).toBe(200);
  });

  it('keeps the name-key index for search (the scoped view applies the tenant check as a plain condition)', async () => {
    const explain = (table: 'patients' | 'patients_scoped') =>
      t.db.connection().execute(async (conn) => {
        // Few rows here: take the cheap plans away so the planner shows which indexes it may use.
        await sql`set enable_seqscan = off`.execute(conn);
        try {
          await sql`select set_config('clinicdesk.organization_id', ${a.id}, false)`.execute(conn);
          const plan = await sql<{ 'QUERY PLAN': string }>`explain select id from ${sql.table(table)} p
            where patient_search_keys(p.organization_id, p.name_keys) && array[${sql.lit(`${a.id.slice(0, 8)}:^smi`)}]::text[]`.execute(
            conn,
          );
          return plan.rows.map((r) => r['QUERY PLAN']).join('\n');
        } finally {
          await sql`reset enable_seqscan`.execute(conn);
          await sql`select set_config('clinicdesk.organization_id', '*', false)`.execute(conn);
        }
      });
    expect(await explain('patients_scoped')).toContain('patients_search_keys');
    // Through the table itself the policy comes first and the array operator (not leakproof) may not use the index.
    expect(await explain('patients')).not.toContain('patients_search_keys');
  });
});
