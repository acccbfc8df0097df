import { sql } from 'kysely';
import { localDateOf } from '../scheduling/index.ts';
import { actorUserId, type Ctx } from '../shared/context.ts';
import { ACCOUNT_CODE, type AccountKey, ensureStandardAccounts } from './accounts.ts';
import type { EntryKind } from './ledger.tables.ts';

/** One side of an entry: a debit or a credit to an account by role, with what it is about. */
export interface EntryLine {
  /** The account by role; `accountCode` names any account of the chart instead (reversals). */
  account?: AccountKey;
  accountCode?: string;
  debitCents?: number;
  creditCents?: number;
  patientId?: string | null;
  encounterId?: string | null;
  chargeId?: string | null;
  claimId?: string | null;
  payerId?: string | null;
  /** Why the line was posted (an adjustment's CARC `CO-45`, or `refund`, `claim_write_off`…): reports split by it. */
  reason?: string | null;
}

export interface NewEntry {
  kind: EntryKind;
  /** What posts it: one entry per source and kind (a second delivery posts nothing). */
  source: { type: string; id: string };
  postingDate: string;
  memo: string;
  locationId?: string | null;
  reversesEntryId?: string | null;
  lines: EntryLine[];
}

export interface PostedEntry {
  id: string;
  /** False when this source had already posted this kind of entry (nothing new was written). */
  posted: boolean;
}

/** The calendar day at a location now (the practice's books run on local days), else UTC. */
export async function postingDateAt(tx: Ctx, locationId: string | null): Promise<string> {
  const row = locationId
    ? await tx.db
        .selectFrom('location_directory')
        .select('time_zone')
        .where('organization_id', '=', tx.organizationId)
        .where('id', '=', locationId)
        .executeTakeFirst()
    : undefined;
  return localDateOf(tx.clock.now().getTime(), row?.time_zone ?? 'UTC');
}

function cents(n: number | undefined, what: string): number {
  const v = n ?? 0;
  if (!Number.isSafeInteger(v) || v < 0) throw new Error(`ledger: ${what} must be a non-negative integer number of cents, got ${v}`);
  return v;
}

/**
 * Posts one balanced journal entry in the caller's transaction (the event's own). Lines of zero
 * are left out; an entry with nothing left posts nothing (answers null). An unbalanced entry is a
 * programming error here, and the database refuses it at commit whoever writes it (migration 0180).
 */
export async function postEntry(tx: Ctx, entry: NewEntry): Promise<PostedEntry | null> {
  const lines = entry.lines
    .map((l) => ({ ...l, debit: cents(l.debitCents, 'debitCents'), credit: cents(l.creditCents, 'creditCents') }))
    .filter((l) => l.debit > 0 || l.credit > 0);
  if (lines.length === 0) return null;
  const debits = lines.reduce((s, l) => s + l.debit, 0);
  const credits = lines.reduce((s, l) => s + l.credit, 0);
  if (lines.some((l) => !l.accountCode && !l.account)) throw new Error(`ledger: a line of ${entry.kind} names no account`);
  if (debits !== credits || lines.length < 2 || lines.some((l) => l.debit > 0 && l.credit > 0))
    throw new Error(`ledger: ${entry.kind} entry for ${entry.source.type} ${entry.source.id} does not balance (${debits} / ${credits})`);
  await ensureStandardAccounts(tx);
  const inserted = await tx.db
    .insertInto('journal_entries')
    .values({
      organization_id: tx.organizationId,
      posting_date: entry.postingDate,
      kind: entry.kind,
      source_type: entry.source.type,
      source_id: entry.source.id,
      memo: entry.memo.slice(0, 500),
      location_id: entry.locationId ?? null,
      reverses_entry_id: entry.reversesEntryId ?? null,
      posted_by: actorUserId(tx),
      posted_at: tx.clock.now(),
    })
    .onConflict((oc) => oc.columns(['organization_id', 'source_type', 'source_id', 'kind']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) {
    const existing = await tx.db
      .selectFrom('journal_entries')
      .select('id')
      .where('organization_id', '=', tx.organizationId)
      .where('source_type', '=', entry.source.type)
      .where('source_id', '=', entry.source.id)
      .where('kind', '=', entry.kind)
      .executeTakeFirstOrThrow();
    return { id: existing.id, posted: false };
  }
  // One statement whatever the entry's size (a batch of 10,000 claims is one entry of 20,000
  // lines): a column of values each (unnest), not a parameter per value.
  const col = <T>(f: (l: (typeof lines)[number]) => T) => lines.map(f);
  await sql`
    insert into journal_lines (organization_id, entry_id, line_number, account_code, debit_cents, credit_cents,
      patient_id, encounter_id, charge_id, claim_id, payer_id, reason)
    select ${tx.organizationId}::uuid, ${inserted.id}::uuid, t.n::int, t.account, t.debit, t.credit, t.patient, t.encounter, t.charge, t.claim, t.payer, t.reason
    from unnest(
      ${col((l) => l.accountCode ?? ACCOUNT_CODE[l.account ?? 'other_expense'])}::text[],
      ${col((l) => l.debit)}::bigint[], ${col((l) => l.credit)}::bigint[],
      ${col((l) => l.patientId ?? null)}::uuid[], ${col((l) => l.encounterId ?? null)}::uuid[],
      ${col((l) => l.chargeId ?? null)}::uuid[], ${col((l) => l.claimId ?? null)}::uuid[], ${col((l) => l.payerId ?? null)}::uuid[],
      ${col((l) => l.reason ?? null)}::text[]
    ) with ordinality as t(account, debit, credit, patient, encounter, charge, claim, payer, reason, n)`.execute(tx.db);
  return { id: inserted.id, posted: true };
}

/**
 * Posts the mirror image of an entry (debits become credits), dated `postingDate`: how a posted
 * entry is corrected. One reversal per entry (its source is the entry).
 */
export async function reverseEntry(tx: Ctx, entryId: string, postingDate: string, memo: string): Promise<PostedEntry | null> {
  const entry = await tx.db
    .selectFrom('journal_entries')
    .select(['id', 'location_id'])
    .where('organization_id', '=', tx.organizationId)
    .where('id', '=', entryId)
    .executeTakeFirstOrThrow();
  const lines = await tx.db
    .selectFrom('journal_lines')
    .select(['account_code', 'debit_cents', 'credit_cents', 'patient_id', 'encounter_id', 'charge_id', 'claim_id', 'payer_id', 'reason'])
    .where('organization_id', '=', tx.organizationId)
    .where('entry_id', '=', entryId)
    .orderBy('line_number')
    .execute();
  return postEntry(tx, {
    kind: 'reversal',
    source: { type: 'journal_entry', id: entry.id },
    postingDate,
    memo,
    locationId: entry.location_id,
    reversesEntryId: entry.id,
    lines: lines.map((l) => ({
      accountCode: l.account_code,
      debitCents: l.credit_cents,
      creditCents: l.debit_cents,
      patientId: l.patient_id,
      encounterId: l.encounter_id,
      chargeId: l.charge_id,
      claimId: l.claim_id,
      payerId: l.payer_id,
      reason: l.reason,
    })),
  });
}
