/**
 * Verify the hash chain over the whole installation's trail (all organizations). Walks
 * events and seals in seq order and judges each link, hash(seal before || row) = seal:
 *  - a seal without its event: the row was deleted;
 *  - an event at or below the highest seal without a seal: the row was inserted
 *    (seq values at or below the seal point are final, see seal-audit.ts);
 *  - a hash that does not match: the row was edited, or rows were swapped or reordered;
 *  - an event above the sequence's last value: inserted with OVERRIDING SYSTEM VALUE.
 * Rows above the highest seal are not sealed yet and cannot be judged.
 *
 * Without `organizationId` (the CLI, restore) it reports the installation and stops at the
 * first bad seq. With it (GET /api/audit/verify) the whole chain is still walked, since
 * every link depends on the one before, but only that organization's rows are counted and
 * named: `checked` is its sealed rows, `firstBadSeq` its first bad row. A break that is not
 * at one of its rows (another organization's, one without organization, or a row that is
 * gone) is reported as `ok: false` without a seq: the edited row's organization column may
 * itself be the edit and a deleted row has none left, so such a break cannot be ruled out
 * as the caller's, and nothing more about it is said.
 */
import { sql } from 'kysely';
import type { Db } from '../shared/context.ts';
import { canonicalRowSql, chainHash, GENESIS_HASH } from './canonical-row.ts';

export interface AuditVerification {
  ok: boolean;
  /** Sealed rows checked, up to and including the first bad one (with `organizationId`: that organization's only). */
  checked: number;
  firstBadSeq: number | null;
}

async function* pages<T extends { seq: number }>(fetch: (after: number | null) => Promise<T[]>, size: number): AsyncGenerator<T> {
  let after: number | null = null;
  for (;;) {
    const rows = await fetch(after);
    yield* rows;
    if (rows.length < size) return;
    after = (rows[rows.length - 1] as T).seq;
  }
}

export async function verifyAudit(db: Db, opts: { batchSize?: number; organizationId?: string } = {}): Promise<AuditVerification> {
  const size = opts.batchSize ?? 5_000;
  const org = opts.organizationId;
  // One snapshot for the whole walk, so a sealer running meanwhile cannot confuse it.
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      // The chain links every organization's rows, so the walk needs all of them: this one
      // read-only transaction lifts the row-level security scope (migration 0089). What it
      // answers is still counted and named for the caller's organization only.
      await sql`select set_config('clinicdesk.organization_id', '*', true)`.execute(trx);
      const top = await trx
        .selectFrom('audit_seals')
        .select((eb) => eb.fn.max('seq').as('max'))
        .executeTakeFirst();
      const maxSealed = top?.max == null ? null : Number(top.max);
      let checked = 0;
      /** A break that is not at one of the organization's rows (organization mode only). */
      let elsewhere = false;
      const bad = (seq: number): AuditVerification => ({ ok: false, checked, firstBadSeq: seq });
      /** A bad row owned by `owner` (undefined: unknown): the verdict, or null to walk on. */
      const fail = (seq: number, owner: string | null | undefined): AuditVerification | null => {
        if (org === undefined || (owner !== undefined && owner === org)) return bad(seq);
        elsewhere = true;
        return null;
      };

      if (maxSealed !== null) {
        const events = pages(async (after) => {
          let q = trx
            .selectFrom('audit_events as e')
            .select(['e.seq', 'e.organization_id', canonicalRowSql.as('canonical')])
            .where('e.seq', '<=', maxSealed)
            .orderBy('e.seq')
            .limit(size);
          if (after !== null) q = q.where('e.seq', '>', after);
          return q.execute();
        }, size);
        const seals = pages(async (after) => {
          let q = trx.selectFrom('audit_seals').select(['seq', 'hash']).orderBy('seq').limit(size);
          if (after !== null) q = q.where('seq', '>', after);
          return q.execute();
        }, size);
        // Each link is judged from the stored hash before it, so the walk can go on past a
        // break elsewhere; up to the first break this is the chain recomputed from genesis.
        let prev: Buffer = GENESIS_HASH;
        let e = await events.next();
        for await (const seal of seals) {
          while (!e.done && e.value.seq < seal.seq) {
            // An event nobody sealed.
            const verdict = fail(e.value.seq, e.value.organization_id);
            if (verdict) return verdict;
            e = await events.next();
          }
          if (e.done || e.value.seq > seal.seq) {
            // The sealed event is gone: whose it was cannot be known.
            if (org === undefined) {
              checked++;
              return bad(seal.seq);
            }
            elsewhere = true;
            prev = seal.hash;
            continue;
          }
          if (org === undefined || e.value.organization_id === org) checked++;
          if (!chainHash(prev, e.value.canonical).equals(seal.hash)) {
            const verdict = fail(seal.seq, e.value.organization_id);
            if (verdict) return verdict;
          }
          prev = seal.hash;
          e = await events.next();
        }
        while (!e.done) {
          const verdict = fail(e.value.seq, e.value.organization_id);
          if (verdict) return verdict;
          e = await events.next();
        }
      }

      // No legitimate row can sit above the sequence (or at or below zero).
      const { rows } = await sql<{ first: number | null; own: number | null }>`
        select min(seq) as first, min(seq) filter (where organization_id = ${org ?? null}::uuid) as own from audit_events
         where seq > coalesce(pg_sequence_last_value(pg_get_serial_sequence('audit_events', 'seq')::regclass), 0) or seq <= 0`.execute(trx);
      const above = rows[0];
      if (org === undefined && above?.first != null) return bad(Number(above.first));
      if (above?.own != null) return bad(Number(above.own));
      if (above?.first != null) elsewhere = true;
      return { ok: !elsewhere, checked, firstBadSeq: null };
    });
}
