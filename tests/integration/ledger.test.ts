/**
 * The ledger: approving a charge posts one balanced entry (Dr patient A/R, Cr revenue) in the
 * approving transaction, voiding it posts the mirror image, a second delivery posts nothing;
 * the trial balance nets to zero; the database refuses an unbalanced entry and any change or
 * deletion of posted rows, whoever connects (the owner included); a patient merge moves the
 * merged record's balance by a transfer entry; who may read the books.
 */
import { checkForeignKeys } from '@db/backup/integrity.ts';
import { APP_ROLE } from '@db/index.ts';
import { chargeApproved } from '@domain/billing/index.ts';
import { postEntry } from '@domain/ledger/index.ts';
import { inTransaction, systemCtx } from '@domain/shared/context.ts';
import { emit } from '@domain/shared/events.ts';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { billablePatient, billingPractice, signedVisit } from '../helpers/claim-fixtures.ts';
import type { TestOrg } from '../helpers/factories.ts';
import { createTestApp } from '../helpers/test-app.ts';

const t = await createTestApp();
const p = await billingPractice(t);
const org = p.org;

type TrialBalance = {
  items: { account: string; accountName: string; kind: string; debitCents: number; creditCents: number }[];
  totalDebitCents: number;
  totalCreditCents: number;
};

async function trialBalance(o: TestOrg = org, query = ''): Promise<TrialBalance> {
  const res = await t.as(o, 'biller').get(`/api/ledger/trial-balance${query}`);
  expect(res.statusCode, res.body).toBe(200);
  const tb = res.json() as TrialBalance;
  expect(tb.totalDebitCents).toBe(tb.totalCreditCents);
  return tb;
}

const balance = (tb: TrialBalance, code: string) => {
  const a = tb.items.find((i) => i.account === code);
  return a ? a.debitCents - a.creditCents : 0;
};

async function chargesOf(encounterId: string) {
  const res = await t.as(org, 'biller').get(`/api/charges?encounterId=${encounterId}`);
  return (res.json() as { items: { id: string; amountCents: number; status: string; version: number }[] }).items;
}

async function linesOf(patientId: string) {
  return t.db
    .selectFrom('journal_lines')
    .selectAll()
    .where('organization_id', '=', org.id)
    .where('patient_id', '=', patientId)
    .orderBy('entry_id')
    .orderBy('line_number')
    .execute();
}

/** A raw connection to this file's database as its owner (a superuser), the tenant set. */
async function asOwner<T>(fn: (c: pg.Client) => Promise<T>, o: { appRole?: boolean } = {}): Promise<T> {
  const c = new pg.Client({ connectionString: t.database.connectionString });
  await c.connect();
  try {
    if (o.appRole) await c.query(`set role ${pg.escapeIdentifier(APP_ROLE)}`);
    await c.query(`select set_config('clinicdesk.organization_id', $1, false)`, [org.id]);
    return await fn(c);
  } finally {
    await c.end();
  }
}

describe('charges in the books', () => {
  it('approval posts Dr patient A/R, Cr revenue per charge; a void after approval posts the mirror; the trial balance nets to zero', async () => {
    const before = await trialBalance();
    const { patientId } = await billablePatient(t, p);
    const { encounterId } = await signedVisit(t, org, patientId, undefined, { approve: false });
    const charges = await chargesOf(encounterId);
    expect(charges.length).toBe(2);
    // Not approved yet: nothing posted (a biller may still correct the price).
    expect(await linesOf(patientId)).toEqual([]);
    for (const c of charges)
      expect((await t.as(org, 'biller').post(`/api/charges/${c.id}/approve`, undefined, { 'if-match': `"${c.version}"` })).statusCode).toBe(
        200,
      );
    const total = charges.reduce((s, c) => s + c.amountCents, 0);
    expect(total).toBeGreaterThan(0);
    const lines = await linesOf(patientId);
    expect(lines.length).toBe(4);
    for (const c of charges) {
      const own = lines.filter((l) => l.charge_id === c.id);
      expect(own.map((l) => [l.account_code, Number(l.debit_cents), Number(l.credit_cents)])).toEqual([
        ['1110', c.amountCents, 0],
        ['4000', 0, c.amountCents],
      ]);
      expect(own.every((l) => l.encounter_id === encounterId)).toBe(true);
    }
    const after = await trialBalance();
    expect(balance(after, '1110') - balance(before, '1110')).toBe(total);
    expect(balance(after, '4000') - balance(before, '4000')).toBe(-total);

    // Void one approved charge: the mirror entry, dated today, and the balances drop by its amount.
    const [first] = charges;
    if (!first) throw new Error('no charge');
    const voided = await t
      .as(org, 'biller')
      .post(`/api/charges/${first.id}/void`, { reason: 'Duplicate line' }, { 'if-match': `"${first.version + 1}"` });
    expect(voided.statusCode, voided.body).toBe(200);
    const entries = await t.db
      .selectFrom('journal_entries')
      .select(['kind', 'memo'])
      .where('organization_id', '=', org.id)
      .where('source_id', '=', first.id)
      .orderBy('kind')
      .execute();
    expect(entries.map((e) => e.kind)).toEqual(['charge', 'charge_void']);
    const afterVoid = await trialBalance();
    expect(balance(afterVoid, '1110') - balance(before, '1110')).toBe(total - first.amountCents);
  });

  it('a charge voided before approval posts nothing; a second delivery of charge.approved posts nothing more', async () => {
    const { patientId } = await billablePatient(t, p);
    const { encounterId } = await signedVisit(t, org, patientId, undefined, { approve: false });
    const [one, two] = await chargesOf(encounterId);
    if (!one || !two) throw new Error('two charges expected');
    expect(
      (await t.as(org, 'biller').post(`/api/charges/${one.id}/void`, { reason: 'Not rendered' }, { 'if-match': `"${one.version}"` }))
        .statusCode,
    ).toBe(200);
    expect(await linesOf(patientId)).toEqual([]);
    expect(
      (await t.as(org, 'biller').post(`/api/charges/${two.id}/approve`, undefined, { 'if-match': `"${two.version}"` })).statusCode,
    ).toBe(200);
    const row = await t.db.selectFrom('charges').selectAll().where('id', '=', two.id).executeTakeFirstOrThrow();
    const results = await inTransaction(systemTx(), (tx) =>
      emit(tx, chargeApproved, {
        chargeId: row.id,
        patientId: row.patient_id,
        encounterId: row.encounter_id,
        providerId: row.provider_id,
        locationId: row.location_id,
        dateOfService: row.date_of_service,
        procedureCode: row.procedure_code,
        amountCents: Number(row.amount_cents),
      }),
    );
    expect(results.find((r) => r.reaction === 'ledger.post-approved-charge')?.result).toMatchObject({ posted: false });
    expect((await linesOf(patientId)).length).toBe(2);
  });
});

function systemTx() {
  return systemCtx(t.db, t.clock, org.id, 'tests', 'ledger-test');
}

describe('the database keeps the books honest', () => {
  it('refuses an entry whose lines do not balance, at commit, also for the owner', async () => {
    const ctx = systemTx();
    await expect(
      inTransaction(ctx, async (tx) => {
        await postEntry(tx, {
          kind: 'transfer',
          source: { type: 'test', id: 'balanced' },
          postingDate: '2026-03-03',
          memo: 'a balanced entry first, so the chart exists',
          lines: [
            { account: 'bank', debitCents: 100 },
            { account: 'owner_equity', creditCents: 100 },
          ],
        });
      }),
    ).resolves.toBeUndefined();
    await asOwner(async (c) => {
      await c.query('begin');
      const e = await c.query<{ id: string }>(
        `insert into journal_entries (organization_id, posting_date, kind, source_type, source_id, memo)
         values ($1, '2026-03-03', 'transfer', 'test', 'unbalanced', 'debits without credits') returning id`,
        [org.id],
      );
      await c.query(
        `insert into journal_lines (organization_id, entry_id, line_number, account_code, debit_cents) values ($1, $2, 1, '1020', 500), ($1, $2, 2, '1000', 1)`,
        [org.id, e.rows[0]?.id],
      );
      await c.query(
        `insert into journal_lines (organization_id, entry_id, line_number, account_code, credit_cents) values ($1, $2, 3, '3000', 500)`,
        [org.id, e.rows[0]?.id],
      );
      await expect(c.query('commit')).rejects.toThrow(/does not balance/);
    });
    await asOwner(async (c) => {
      // An entry without lines is refused too.
      await c.query('begin');
      await c.query(
        `insert into journal_entries (organization_id, posting_date, kind, source_type, source_id, memo) values ($1, '2026-03-03', 'transfer', 'test', 'empty', 'no lines')`,
        [org.id],
      );
      await expect(c.query('commit')).rejects.toThrow(/does not balance/);
    });
    const left = await t.db.selectFrom('journal_entries').select('source_id').where('source_type', '=', 'test').execute();
    expect(left.map((r) => r.source_id)).toEqual(['balanced']);
  });

  it('refuses any change or deletion of posted entries and lines, for the owner and the app role', async () => {
    const line = await t.db
      .selectFrom('journal_lines')
      .selectAll()
      .where('organization_id', '=', org.id)
      .limit(1)
      .executeTakeFirstOrThrow();
    for (const appRole of [false, true]) {
      await asOwner(
        async (c) => {
          await expect(
            c.query('update journal_lines set debit_cents = debit_cents + 1 where entry_id = $1', [line.entry_id]),
          ).rejects.toThrow(appRole ? /permission denied|cannot be changed/ : /cannot be changed or deleted/);
          await expect(c.query('delete from journal_lines where entry_id = $1', [line.entry_id])).rejects.toThrow(
            appRole ? /permission denied|cannot be changed/ : /cannot be changed or deleted/,
          );
          await expect(c.query(`update journal_entries set memo = 'edited' where id = $1`, [line.entry_id])).rejects.toThrow(
            appRole ? /permission denied|cannot be changed/ : /cannot be changed or deleted/,
          );
          await expect(c.query('delete from journal_entries where id = $1', [line.entry_id])).rejects.toThrow(
            appRole ? /permission denied|cannot be changed/ : /cannot be changed or deleted/,
          );
        },
        { appRole },
      );
    }
    const still = await t.db
      .selectFrom('journal_lines')
      .selectAll()
      .where('entry_id', '=', line.entry_id)
      .where('line_number', '=', line.line_number)
      .executeTakeFirstOrThrow();
    expect(still).toEqual(line);
  });

  it("refuses a line whose entry, account or patient is not its practice's (23503), and keeps an account and a patient the books name", async () => {
    const other = await billingPractice(t);
    const theirPatient = (await billablePatient(t, other)).patientId;
    const theirEntry = await inTransaction(systemCtx(t.db, t.clock, other.org.id, 'tests', 'ledger-test'), (tx) =>
      postEntry(tx, {
        kind: 'transfer',
        source: { type: 'test', id: 'other-practice' },
        postingDate: '2026-03-03',
        memo: "the other practice's entry",
        lines: [
          { account: 'bank', debitCents: 100 },
          { account: 'owner_equity', creditCents: 100 },
        ],
      }),
    );
    const { patientId } = await billablePatient(t, p);
    const line = (entry: string, account: string, patient: string | null) =>
      asOwner(async (c) => {
        await c.query('begin');
        try {
          const own = await c.query<{ id: string }>(
            `insert into journal_entries (organization_id, posting_date, kind, source_type, source_id, memo)
             values ($1, '2026-03-03', 'transfer', 'test', 'parents', 'lines naming what is not there') returning id`,
            [org.id],
          );
          await c.query(
            `insert into journal_lines (organization_id, entry_id, line_number, account_code, debit_cents, credit_cents, patient_id)
             values ($1, $2, 101, $3, 100, 0, $4), ($1, $2, 102, '3000', 0, 100, null)`,
            [org.id, entry === 'own' ? own.rows[0]?.id : entry, account, patient],
          );
          return 'inserted';
        } catch (e) {
          return `${(e as { code?: string }).code} ${(e as Error).message}`;
        } finally {
          await c.query('rollback');
        }
      });
    // Each parent in turn belongs elsewhere or is missing; the others are right.
    expect(await line(theirEntry?.id as string, '1000', patientId)).toMatch(/^23503 .*names entry/);
    expect(await line('own', '9999', patientId)).toMatch(/^23503 .*names account 9999/);
    expect(await line('own', '1000', theirPatient)).toMatch(/^23503 .*names patient/);
    // Right parents: the lines go in.
    expect(await line('own', '1000', patientId)).toBe('inserted');
    // What the books name stays: an account is never deleted, a patient with lines is not deleted.
    const named = await t.db
      .selectFrom('journal_lines')
      .select(['account_code', 'patient_id'])
      .where('organization_id', '=', org.id)
      .where('patient_id', 'is not', null)
      .limit(1)
      .executeTakeFirstOrThrow();
    await asOwner(async (c) => {
      await expect(
        c.query('delete from ledger_accounts where organization_id = $1 and code = $2', [org.id, named.account_code]),
      ).rejects.toThrow(/never deleted/);
      await expect(c.query('delete from patients where id = $1', [named.patient_id])).rejects.toThrow(/the books name is kept/);
    });
    expect(await t.db.selectFrom('patients').select('id').where('id', '=', named.patient_id).executeTakeFirst()).toBeTruthy();
    // A restore loads with triggers off, then checks every key: these references among them.
    await asOwner(async (c) => {
      await c.query('begin');
      try {
        await c.query('set local session_replication_role = replica');
        const own = await c.query<{ id: string }>(
          `insert into journal_entries (organization_id, posting_date, kind, source_type, source_id, memo)
           values ($1, '2026-03-03', 'transfer', 'test', 'restored', 'loaded with triggers off') returning id`,
          [org.id],
        );
        await c.query(
          `insert into journal_lines (organization_id, entry_id, line_number, account_code, debit_cents, credit_cents, patient_id)
           values ($1, $2, 1, '1000', 100, 0, $3), ($1, $2, 2, '3000', 0, 100, null)`,
          [org.id, own.rows[0]?.id, theirPatient],
        );
        const check = await checkForeignKeys(c);
        expect(check.ok).toBe(false);
        expect(check.detail).toMatch(/journal_lines\.journal_lines_parents \(patient\): 1 row\(s\) reference a missing patients/);
      } finally {
        await c.query('rollback');
      }
    });
  });
});

describe('a patient merge', () => {
  it("moves the merged record's open balance to the survivor by a transfer entry; history stays", async () => {
    const survivor = await billablePatient(t, p);
    const duplicate = await billablePatient(t, p);
    const { encounterId } = await signedVisit(t, org, duplicate.patientId);
    const total = (await chargesOf(encounterId)).reduce((s, c) => s + c.amountCents, 0);
    const merged = await t
      .as(org, 'office_manager')
      .post('/api/patients/merge', { survivorId: survivor.patientId, mergedId: duplicate.patientId });
    expect(merged.statusCode, merged.body).toBe(200);
    const net = async (patientId: string) =>
      (await linesOf(patientId))
        .filter((l) => l.account_code === '1110')
        .reduce((s, l) => s + Number(l.debit_cents) - Number(l.credit_cents), 0);
    expect(await net(duplicate.patientId)).toBe(0);
    expect(await net(survivor.patientId)).toBe(total);
    // The charge entries still name the record they were posted to.
    expect((await linesOf(duplicate.patientId)).filter((l) => l.charge_id !== null).length).toBe(4);
    await trialBalance();
  });
});

describe('reading the books', () => {
  it('billers, office managers and admins read the trial balance; front desk and clinicians get 403; another practice sees only its own', async () => {
    for (const role of ['biller', 'office_manager', 'admin'] as const)
      expect((await t.as(org, role).get('/api/ledger/trial-balance')).statusCode).toBe(200);
    for (const role of ['front_desk', 'clinician', 'nurse'] as const)
      expect((await t.as(org, role).get('/api/ledger/trial-balance')).statusCode).toBe(403);
    const other = await t.newOrg();
    expect(await trialBalance(other)).toEqual({ items: [], totalDebitCents: 0, totalCreditCents: 0 });
    const bad = await t.as(org, 'biller').get('/api/ledger/trial-balance?asOf=yesterday');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toMatch(/asOf/);
    // Before any posting date: nothing.
    expect((await trialBalance(org, '?asOf=2000-01-01')).items).toEqual([]);
  });
});
