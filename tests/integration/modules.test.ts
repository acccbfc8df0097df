/**
 * The module list is the one place modules plug in: every table belongs to exactly one
 * module, every column that points at patients has a declared merge policy, and the
 * boundary check fails on a query against another module's table.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { jobHandlers, linkActions, MODULES, mergePolicies, reactionsTo, tableOwners } from '@domain/modules.ts';
import { planMerge } from '@domain/patients/merge-plan.ts';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/ops.ts';
import { createTestApp } from '../helpers/test-app.ts';

const t = await createTestApp();

describe('the module list', () => {
  it('gives every table and view of the schema exactly one owning module', async () => {
    const tables = await sql<{ name: string }>`
      select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = current_schema() and c.relkind in ('r', 'p', 'v') and not c.relispartition
         and c.relname <> 'schema_migrations' order by 1`.execute(t.db);
    const owners = new Map(tableOwners());
    for (const m of MODULES) for (const v of m.views ?? []) owners.set(v, m.name);
    expect(tables.rows.map((r) => r.name).filter((name) => !owners.has(name))).toEqual([]);
    expect([...owners.keys()].filter((name) => !tables.rows.some((r) => r.name === name))).toEqual([]);
  });

  it('declares a merge policy for every column that points at patients, and no policy for a column that does not exist', async () => {
    const columns = await sql<{ key: string }>`
      select cl.relname || '.' || a.attname as key
        from pg_constraint c join pg_class cl on cl.oid = c.conrelid
        cross join lateral unnest(c.conkey, c.confkey) as k(src, dst)
        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.src
        join pg_attribute p on p.attrelid = c.confrelid and p.attnum = k.dst
       where c.contype = 'f' and c.confrelid = 'patients'::regclass and p.attname = 'id'
         and coalesce(obj_description(cl.oid, 'pg_class'), '') not like 'append-only%'`.execute(t.db);
    const keys = columns.rows.map((r) => r.key).sort();
    expect(keys.length).toBeGreaterThan(5);
    expect(planMerge(keys, mergePolicies()).undeclared).toEqual([]);
    expect([...mergePolicies().keys()].sort()).toEqual(keys);
    // A policy belongs to the module that owns the table.
    for (const m of MODULES)
      for (const key of Object.keys(m.merge ?? {})) expect(tableOwners().get(key.split('.')[0] as string), key).toBe(m.name);
  });

  it('plans a merge from the policies: moves, keeps, refuses, and names what nobody declared', () => {
    const plan = planMerge(
      ['a.patient_id', 'b.patient_id', 'c.patient_id', 'd.patient_id', 'e.patient_id'],
      new Map([
        ['a.patient_id', 'move'],
        ['b.patient_id', 'keep'],
        ['c.patient_id', 'refuse'],
        ['d.patient_id', 'reaction'],
      ] as const),
    );
    expect(plan).toEqual({
      move: ['a.patient_id'],
      keep: ['b.patient_id'],
      refuse: ['c.patient_id'],
      reaction: ['d.patient_id'],
      undeclared: ['e.patient_id'],
    });
  });

  it('collects jobs, reactions and link actions from the manifests (no registration by import)', () => {
    expect(Object.keys(jobHandlers())).toEqual(
      expect.arrayContaining(['identity.security-notice', 'scheduling.no-show', 'comms.reminder-sweep', 'comms.send-reminder']),
    );
    expect(reactionsTo('appointment.cancelled').map((r) => r.name)).toEqual(['waitlist.offer-freed-slot']);
    expect(reactionsTo('patient.merging').map((r) => r.name)).toEqual(['careTeam', 'coverages', 'ledger.merge-balances']);
    expect([...linkActions().keys()].sort()).toEqual(['cancel', 'confirm', 'waitlist_accept']);
    expect(new Set(MODULES.map((m) => m.name)).size).toBe(MODULES.length);
    for (const m of MODULES) expect(fs.existsSync(path.join(ROOT, 'packages/domain/src', m.name, 'module.ts')), m.name).toBe(true);
  });
});

describe('the boundary check', () => {
  function tree(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-boundaries-'));
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
    return dir;
  }
  const check = (dir: string) => spawnSync(process.execPath, [path.join(ROOT, 'scripts/check-boundaries.js'), dir], { encoding: 'utf8' });
  const base = {
    'packages/domain/src/billing/module.ts': "export const billingModule = { name: 'billing', tables: ['claims'] };\n",
    'packages/domain/src/billing/index.ts': 'export {};\n',
    'packages/domain/src/patients/module.ts': "export const patientsModule = { name: 'patients', tables: ['patients'] };\n",
    'packages/domain/src/patients/index.ts': 'export {};\n',
  };

  it('passes a module that queries only its own tables', () => {
    const dir = tree({
      ...base,
      'packages/domain/src/billing/list-claims.ts': "export const q = (db) => db.selectFrom('claims').selectAll();\n",
    });
    const r = check(dir);
    expect(r.status, r.stderr).toBe(0);
  });

  it("fails on a query against another module's table (builder or raw SQL), until listed as known debt, and on stale debt", () => {
    const dir = tree({
      ...base,
      'packages/domain/src/billing/claim-patient.ts':
        "export const q = (db) => db.selectFrom('claims').innerJoin('patients as p', 'p.id', 'claims.patient_id');\nexport const r = sql`select 1 from patients`;\n",
    });
    const r = check(dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('billing/claim-patient.ts innerJoin patients (owned by patients)');
    expect(r.stderr).toContain('billing/claim-patient.ts from patients (owned by patients)');
    fs.mkdirSync(path.join(dir, 'scripts'));
    fs.writeFileSync(
      path.join(dir, 'scripts/boundary-debt.txt'),
      'billing/claim-patient.ts from patients (owned by patients)\nbilling/claim-patient.ts innerJoin patients (owned by patients)\n',
    );
    expect(check(dir).status).toBe(0);
    fs.writeFileSync(path.join(dir, 'packages/domain/src/billing/claim-patient.ts'), 'export {};\n');
    const stale = check(dir);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain('no longer exists');
  });

  it("fails on an import of another module's inner file and on a static import of the module list", () => {
    const dir = tree({
      ...base,
      'packages/domain/src/billing/a.ts': "import { x } from '../patients/inner.ts';\n",
      'packages/domain/src/billing/b.ts': "import { MODULES } from '../modules.ts';\n",
    });
    const r = check(dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('imports patients/inner.ts');
    expect(r.stderr).toContain('imports modules.ts statically');
  });
});
