/**
 * The audit catalogue: every audit event is declared by the module that writes it, with the
 * shape of its details. recordAudit, readAudited and insertAudited refuse anything else and
 * write nothing; every event the source writes is declared (a scan of the source, on top of
 * the whole suite passing with the check on); docs/AUDIT.md shows the catalogue as it is.
 */
import fs from 'node:fs';
import path from 'node:path';
import { insertAudited, readAudited, recordAudit } from '@domain/audit/index.ts';
import { auditCatalogue, MODULES } from '@domain/modules.ts';
import {
  AUDIT_ACTIONS,
  type AuditAction,
  AuditCatalogueError,
  takeAuditCatalogueRefusals,
  withAuditCatalogue,
} from '@domain/shared/audit-events.ts';
import { inTransaction } from '@domain/shared/context.ts';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { TestOrg } from '../helpers/factories.ts';
import { insertPatient } from '../helpers/audit-fixtures.ts';
import { ROOT } from '../helpers/ops.ts';
import { createTestApp } from '../helpers/test-app.ts';

const t = await createTestApp();

async function auditRows(org: TestOrg): Promise<{ action: string; resource_type: string | null; details: unknown }[]> {
  return t.db
    .selectFrom('audit_events')
    .select(['action', 'resource_type', 'details'])
    .where('organization_id', '=', org.id)
    .orderBy('seq')
    .execute();
}

// The refusals these tests provoke on purpose; the suite-wide guard must find none left.
let expectedRefusals = 0;
afterEach(() => {
  expect(takeAuditCatalogueRefusals()).toHaveLength(expectedRefusals);
  expectedRefusals = 0;
});

describe('writing an event the catalogue does not declare', () => {
  it('recordAudit throws before anything is written: unknown resource type, unknown action', async () => {
    const org = await t.newOrg();
    await expect(recordAudit(org.ctx, { action: 'read', resourceType: 'no_such_thing' })).rejects.toThrow(AuditCatalogueError);
    // @ts-expect-error an action outside AUDIT_ACTIONS does not compile either
    const unknownAction = recordAudit(org.ctx, { action: 'frobnicate', resourceType: 'patient' });
    await expect(unknownAction).rejects.toThrow(/audit event frobnicate:patient is not declared/);
    // Inside a transaction too: the caller's other work is untouched, nothing of the audit row is.
    await inTransaction(org.ctx, async (tx) => {
      await expect(recordAudit(tx, { action: 'delete', resourceType: 'patient' })).rejects.toThrow(AuditCatalogueError);
    });
    expectedRefusals = 3;
    expect(await auditRows(org)).toEqual([]);
  });

  it('readAudited throws before the read runs; insertAudited before the insert runs', async () => {
    const org = await t.newOrg();
    const patientId = await insertPatient(t.db, org.id);
    await expect(
      readAudited(org.ctx, sql`select id from patients where id = ${patientId}`, { action: 'read', resourceType: 'patients', patientId }),
    ).rejects.toThrow(/read:patients is not declared/);
    const before = await t.db.selectFrom('locations').select('id').where('organization_id', '=', org.id).execute();
    await expect(
      inTransaction(org.ctx, (tx) =>
        insertAudited(
          tx,
          tx.db.insertInto('locations').values({ organization_id: org.id, name: 'Nowhere', time_zone: 'America/New_York' }).returning('id'),
          { action: 'create', resourceType: 'place' },
        ),
      ),
    ).rejects.toThrow(/create:place is not declared/);
    expectedRefusals = 2;
    expect(await t.db.selectFrom('locations').select('id').where('organization_id', '=', org.id).execute()).toEqual(before);
    expect(await auditRows(org)).toEqual([]);
  });
});

describe('writing a declared event with details of another shape', () => {
  it('throws and writes nothing: a wrong value, a key nobody declared, details missing or where none belong', async () => {
    const org = await t.newOrg();
    const patientId = await insertPatient(t.db, org.id);
    const wrong: { resourceType: string; action: AuditAction; details?: Record<string, unknown> | null; pattern: RegExp }[] = [
      { action: 'read', resourceType: 'patient', details: { reason: 'curiosity' }, pattern: /read:patient has details of another shape/ },
      { action: 'read', resourceType: 'care_team', details: { count: 2, names: ['Alex Tester'] }, pattern: /names/ },
      { action: 'read', resourceType: 'care_team', details: { count: -1 }, pattern: /count/ },
      { action: 'search', resourceType: 'patient', pattern: /search:patient/ },
      { action: 'update', resourceType: 'patient', details: { note: 'edited' }, pattern: /update:patient/ },
      { action: 'search', resourceType: 'appointment', details: { count: 1, patientIds: ['Alex Tester'] }, pattern: /uuids/ },
    ];
    for (const w of wrong) {
      await expect(recordAudit(org.ctx, { ...w, patientId }), `${w.action}:${w.resourceType}`).rejects.toThrow(w.pattern);
    }
    await expect(
      readAudited(org.ctx, sql`select id from patients where id = ${patientId}`, {
        action: 'read',
        resourceType: 'patient',
        patientId,
        details: { reason: 'curiosity' },
      }),
    ).rejects.toThrow(AuditCatalogueError);
    expectedRefusals = wrong.length + 1;
    expect(await auditRows(org)).toEqual([]);
  });

  it('insertAudited checks its SQL details as written: a mismatch rolls the rows back with their audit', async () => {
    const org = await t.newOrg();
    const write = (details: ReturnType<typeof sql>) =>
      inTransaction(org.ctx, (tx) =>
        insertAudited(
          tx,
          tx.db
            .insertInto('locations')
            .values({ organization_id: org.id, name: 'Annex', time_zone: 'America/New_York' })
            .returning(['id', 'name']),
          { action: 'create', resourceType: 'location', details },
        ),
      );
    await expect(write(sql`jsonb_build_object('name', w.name, 'phone', '555')`)).rejects.toThrow(/create:location has details/);
    expectedRefusals = 1;
    const annex = () =>
      t.db.selectFrom('locations').select('id').where('organization_id', '=', org.id).where('name', '=', 'Annex').execute();
    expect(await annex()).toEqual([]);
    expect(await auditRows(org)).toEqual([]);
    // The declared shape goes through, and the rows come back without the details column.
    const [row] = await write(sql`jsonb_build_object('name', w.name)`);
    expect(row).toEqual({ id: expect.any(String), name: 'Annex' });
    expect(await auditRows(org)).toEqual([{ action: 'create', resource_type: 'location', details: { name: 'Annex' } }]);
  });
});

describe('the vocabulary for the modules to come', () => {
  it('declares sign, amend, disclose, print and export, and writes them with their details', async () => {
    const org = await t.newOrg();
    const patientId = await insertPatient(t.db, org.id);
    const cat = auditCatalogue();
    for (const key of [
      'sign:encounter_note',
      'amend:encounter_note',
      'disclose:claim',
      'disclose:statement',
      'print:patient',
      'export:patient',
    ]) {
      expect(cat.has(key), key).toBe(true);
    }
    const disclosure = {
      recipient: { kind: 'payer', name: 'Blue Harbor Health Plan', identifier: 'BHHP-60054', address: 'PO Box 1, Boston MA 02101' },
      purpose: 'payment',
      statement: 'claim for payment of the visit of 2026-03-02',
      disclosed: 'demographics, coverage, diagnoses, procedures and charges of the visit of 2026-03-02',
      channel: 'edi',
    };
    await recordAudit(org.ctx, { action: 'disclose', resourceType: 'claim', resourceId: 'claim-1', patientId, details: disclosure });
    await recordAudit(org.ctx, {
      action: 'sign',
      resourceType: 'encounter_note',
      patientId,
      details: { version: 1, contentSha256: 'a'.repeat(64) },
    });
    await recordAudit(org.ctx, {
      action: 'amend',
      resourceType: 'encounter_note',
      patientId,
      details: { fromVersion: 1, toVersion: 2, kind: 'addendum', reason: 'lab result arrived after signing' },
    });
    await recordAudit(org.ctx, { action: 'print', resourceType: 'patient', patientId, details: { format: 'pdf' } });
    await recordAudit(org.ctx, { action: 'export', resourceType: 'patient', patientId, details: { format: 'ccda' } });
    expect((await auditRows(org)).map((r) => `${r.action}:${r.resource_type}`)).toEqual([
      'disclose:claim',
      'sign:encounter_note',
      'amend:encounter_note',
      'print:patient',
      'export:patient',
    ]);
    // A disclosure must say who received what, and why.
    const { recipient: _r, ...withoutRecipient } = disclosure;
    await expect(recordAudit(org.ctx, { action: 'disclose', resourceType: 'statement', details: withoutRecipient })).rejects.toThrow(
      /recipient/,
    );
    await expect(
      recordAudit(org.ctx, { action: 'disclose', resourceType: 'claim', details: { ...disclosure, purpose: 'marketing' } }),
    ).rejects.toThrow(/purpose/);
    expectedRefusals = 2;
  });
});

describe('the catalogue', () => {
  it('names a known action in every key, one module per key, each with a line of what it records', () => {
    const events = [...auditCatalogue().values()];
    expect(events.length).toBeGreaterThan(60);
    for (const e of events) {
      expect(AUDIT_ACTIONS, e.key).toContain(e.action);
      expect(e.key).toBe(`${e.action}:${e.resourceType}`);
      expect(e.about.length, e.key).toBeGreaterThan(5);
      expect(
        MODULES.map((m) => m.name),
        e.key,
      ).toContain(e.module);
    }
    // Every action has at least one event, so the closed list holds no dead words.
    expect(AUDIT_ACTIONS.filter((a) => !events.some((e) => e.action === a))).toEqual([]);
  });

  it('declares every (action, resource type) pair the source writes, and nothing unwritten but the reserved entries', () => {
    const files = ['packages/domain/src', 'apps/server/src'].flatMap((dir) =>
      fs
        .readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
        .map((f) => path.join(ROOT, dir, f)),
    );
    const written = new Map<string, string>();
    // `action: <expression>, resourceType: '<type>'` in an event literal; every quoted action in the expression counts.
    const literal = /\baction:\s*([^,\n]+),\s*resourceType:\s*'([^']+)'/g;
    for (const file of files) {
      for (const m of fs.readFileSync(file, 'utf8').matchAll(literal)) {
        for (const a of (m[1] as string).matchAll(/'([^']+)'/g)) {
          if ((AUDIT_ACTIONS as readonly string[]).includes(a[1] as string)) written.set(`${a[1]}:${m[2]}`, path.relative(ROOT, file));
        }
      }
    }
    const cat = auditCatalogue();
    expect(written.size).toBeGreaterThan(60);
    expect([...written].filter(([key]) => !cat.has(key)).map(([key, file]) => `${key} (${file})`)).toEqual([]);
    const unwritten = [...cat.values()].filter((e) => !written.has(e.key) && !e.writer?.startsWith('reserved'));
    expect(unwritten.map((e) => e.key)).toEqual([]);
  });

  it('is shown as it is in docs/AUDIT.md (`clinicdesk docs audit`)', () => {
    const doc = fs.readFileSync(path.join(ROOT, 'docs/AUDIT.md'), 'utf8');
    expect(withAuditCatalogue(doc, [...auditCatalogue().values()]) === doc, 'run `npm run clinicdesk -- docs audit`').toBe(true);
  });

  it('checks the refusal audit of the server: a 401 on a protected route writes a declared access_denied row', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/audit' });
    expect(res.statusCode).toBe(401);
    const row = await t.db
      .selectFrom('audit_events')
      .select(['action', 'resource_type', 'details'])
      .where('action', '=', 'access_denied')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ resource_type: 'route', details: { route: 'GET /api/audit', code: 'UNAUTHENTICATED' } });
  });
});
