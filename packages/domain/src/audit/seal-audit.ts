/**
 * The sealer: extends the hash chain over audit_events in seq order.
 *
 * Sequence values commit out of order, so the sealer must never pass a seq whose
 * transaction is still in flight. Writers hold AUDIT_APPEND_LOCK shared from before
 * their nextval until they commit; the sealer try-locks it exclusively (never waiting,
 * so it never queues in front of writers), reads the sequence's last value as the
 * watermark and lets go at once. Every seq at or below the watermark then belongs to a
 * finished transaction: committed rows get sealed, rolled-back ones stay gaps forever.
 */
import { sql } from 'kysely';
import type { Db } from '../shared/context.ts';
import { chainHash, GENESIS_HASH, canonicalRowSql } from './canonical-row.ts';
import { AUDIT_APPEND_LOCK } from './record-audit.ts';

/** Two sealers (two processes, the CLI and the server) take turns on this key. */
export const AUDIT_SEAL_LOCK = 720_451_003;

export interface SealResult {
  /** Rows sealed by this run. */
  sealed: number;
  /** Highest sealed seq after the run (null: nothing sealed yet). */
  sealedThrough: number | null;
  /** The safe watermark used, or null when appends never paused long enough (retry later). */
  watermark: number | null;
  /** Another sealer held the seal lock; this run did nothing. */
  busy: boolean;
}

export interface SealOptions {
  batchSize?: number;
  /** Tries at the exclusive lock before giving up for this run. */
  lockAttempts?: number;
  lockRetryMs?: number;
}

/**
 * The highest seq that can no longer change: taken under the exclusive append lock,
 * or null when writers held it on every try.
 */
export async function auditWatermark(db: Db, attempts = 20, retryMs = 5): Promise<number | null> {
  for (let i = 0; i < attempts; i++) {
    const w = await db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ got: boolean }>`select pg_try_advisory_xact_lock(${AUDIT_APPEND_LOCK}::bigint) as got`.execute(trx);
      if (!rows[0]?.got) return null;
      const last = await sql<{ last: number | null }>`
        select pg_sequence_last_value(pg_get_serial_sequence('audit_events', 'seq')::regclass) as last`.execute(trx);
      return Number(last.rows[0]?.last ?? 0);
    });
    if (w !== null) return w;
    await new Promise((r) => setTimeout(r, retryMs * (i + 1)));
  }
  return null;
}

/** Seal every committed row up to the safe watermark, continuing the chain from the last seal. */
export async function sealAudit(db: Db, opts: SealOptions = {}): Promise<SealResult> {
  const batchSize = opts.batchSize ?? 2_000;
  const watermark = await auditWatermark(db, opts.lockAttempts, opts.lockRetryMs);
  let sealed = 0;
  let sealedThrough: number | null = null;
  let busy = false;
  for (;;) {
    const batch = await db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ got: boolean }>`select pg_try_advisory_xact_lock(${AUDIT_SEAL_LOCK}::bigint) as got`.execute(trx);
      if (!rows[0]?.got) return null;
      const last = await trx.selectFrom('audit_seals').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
      sealedThrough = last?.seq ?? null;
      if (watermark === null || (last && last.seq >= watermark)) return 0;
      let q = trx
        .selectFrom('audit_events as e')
        .select(['e.seq', canonicalRowSql.as('canonical')])
        .where('e.seq', '<=', watermark)
        .orderBy('e.seq')
        .limit(batchSize);
      if (last) q = q.where('e.seq', '>', last.seq);
      const events = await q.execute();
      if (events.length === 0) return 0;
      let prev: Buffer = last?.hash ?? GENESIS_HASH;
      const seals = events.map((e) => {
        prev = chainHash(prev, e.canonical);
        return { seq: e.seq, hash: prev };
      });
      await trx.insertInto('audit_seals').values(seals).execute();
      sealedThrough = events[events.length - 1]?.seq ?? sealedThrough;
      return events.length;
    });
    if (batch === null) {
      busy = true;
      break;
    }
    sealed += batch;
    if (batch < batchSize) break;
  }
  return { sealed, sealedThrough, watermark, busy };
}
