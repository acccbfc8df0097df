/**
 * Enqueue a background job in the caller's transaction, so the job exists if and
 * only if the change that asked for it commits (the outbox pattern).
 */
import { sql } from 'kysely';
import type { Db } from '../shared/context.ts';

export interface EnqueueOptions {
  /** Same queue + key: never a second job, whatever the first one's state (done or dead included). Makes "send once" cheap. */
  dedupeKey?: string;
  runAt?: Date;
  maxAttempts?: number;
}

export async function enqueueJob(
  db: Db,
  queue: string,
  payload: Record<string, unknown>,
  opts: EnqueueOptions = {},
): Promise<number | null> {
  const row = await db
    .insertInto('jobs')
    .values({
      queue,
      payload: JSON.stringify(payload),
      dedupe_key: opts.dedupeKey ?? null,
      run_at: opts.runAt ?? sql<Date>`now()`,
      max_attempts: opts.maxAttempts ?? 5,
    })
    .onConflict((oc) => oc.columns(['queue', 'dedupe_key']).where('dedupe_key', 'is not', null).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}
