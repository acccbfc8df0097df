/**
 * Verify the hash chain over the whole installation's trail (all organizations): an
 * integrity check of the table, not a per-practice report. Walks events and seals in
 * seq order and stops at the first bad seq:
 *  - a seal without its event: the row was deleted;
 *  - an event at or below the highest seal without a seal: the row was inserted
 *    (seq values at or below the seal point are final, see seal-audit.ts);
 *  - a hash that does not match: the row was edited, or rows were swapped or reordered;
 *  - an event above the sequence's last value: inserted with OVERRIDING SYSTEM VALUE.
 * Rows above the highest seal are not sealed yet and cannot be judged.
 */
import { sql } from 'kysely';
import type { Db } from '../shared/context.ts';
import { canonicalRowSql, chainHash, GENESIS_HASH } from './canonical-row.ts';

export interface AuditVerification {
  ok: boolean;
  /** Sealed rows checked (up to and including the first bad one). */
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

export async function verifyAudit(db: Db, opts: { batchSize?: number } = {}): Promise<AuditVerification> {
  const size = opts.batchSize ?? 5_000;
  // One snapshot for the whole walk, so a sealer running meanwhile cannot confuse it.
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const top = await trx
        .selectFrom('audit_seals')
        .select((eb) => eb.fn.max('seq').as('max'))
        .executeTakeFirst();
      const maxSealed = top?.max == null ? null : Number(top.max);
      let checked = 0;
      const bad = (seq: number): AuditVerification => ({ ok: false, checked, firstBadSeq: seq });

      if (maxSealed !== null) {
        const events = pages(async (after) => {
          let q = trx
            .selectFrom('audit_events as e')
            .select(['e.seq', canonicalRowSql.as('canonical')])
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
        let prev: Buffer = GENESIS_HASH;
        let e = await events.next();
        for await (const seal of seals) {
          if (!e.done && e.value.seq < seal.seq) return bad(e.value.seq); // event nobody sealed
          checked++;
          if (e.done || e.value.seq > seal.seq) return bad(seal.seq); // sealed event is gone
          prev = chainHash(prev, e.value.canonical);
          if (!prev.equals(seal.hash)) return bad(seal.seq);
          e = await events.next();
        }
        if (!e.done) return bad(e.value.seq);
      }

      // No legitimate row can sit above the sequence (or at or below zero).
      const { rows } = await sql<{ seq: number }>`
        select seq from audit_events
         where seq > coalesce(pg_sequence_last_value(pg_get_serial_sequence('audit_events', 'seq')::regclass), 0) or seq <= 0
         order by seq limit 1`.execute(trx);
      if (rows[0]) return bad(Number(rows[0].seq));
      return { ok: true, checked, firstBadSeq: null };
    });
}
