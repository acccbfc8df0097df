/**
 * Pruning finished background jobs: 'done' after 7 days, 'dead' after 90; queued and
 * running jobs are never touched, whatever their age.
 */
import { createTestDatabase } from '@db/testing.ts';
import type { Database } from '@domain/database.ts';
import { JobPruner, pruneJobs } from '@domain/jobs/index.ts';
import { FakeClock } from '@domain/shared/clock.ts';
import { describe, expect, it } from 'vitest';

const t = await createTestDatabase<Database>();
const db = t.db;
const DAY = 86_400_000;

type State = 'queued' | 'running' | 'done' | 'dead';

async function job(clock: FakeClock, queue: string, state: State, finishedDaysAgo: number | null): Promise<number> {
  const finished = finishedDaysAgo === null ? null : new Date(clock.now().getTime() - finishedDaysAgo * DAY);
  const row = await db
    .insertInto('jobs')
    .values({
      queue,
      state,
      dedupe_key: `${queue}:${state}:${finishedDaysAgo}`,
      run_at: new Date(clock.now().getTime() - 200 * DAY),
      created_at: new Date(clock.now().getTime() - 200 * DAY),
      finished_at: finished,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function left(queue: string): Promise<string[]> {
  const rows = await db.selectFrom('jobs').select('dedupe_key').where('queue', '=', queue).orderBy('id').execute();
  return rows.map((r) => r.dedupe_key ?? '');
}

describe('pruneJobs', () => {
  it("deletes 'done' jobs finished over 7 days ago and 'dead' ones over 90 days ago, nothing else", async () => {
    const clock = new FakeClock('2030-06-01T12:00:00Z');
    const q = 'prune.test';
    await job(clock, q, 'done', 8);
    await job(clock, q, 'done', 6.9);
    await job(clock, q, 'dead', 91);
    await job(clock, q, 'dead', 30);
    await job(clock, q, 'queued', null);
    await job(clock, q, 'running', null);
    expect(await pruneJobs(db, clock)).toEqual({ done: 1, dead: 1 });
    expect(await left(q)).toEqual([`${q}:done:6.9`, `${q}:dead:30`, `${q}:queued:null`, `${q}:running:null`]);

    // As time passes the rest ages out; live jobs stay.
    clock.advance(61 * DAY);
    expect(await pruneJobs(db, clock)).toEqual({ done: 1, dead: 1 });
    expect(await left(q)).toEqual([`${q}:queued:null`, `${q}:running:null`]);
    expect(await pruneJobs(db, clock)).toEqual({ done: 0, dead: 0 });
  });

  it('works through a backlog in batches', async () => {
    const clock = new FakeClock('2031-01-01T00:00:00Z');
    const q = 'prune.backlog';
    for (let i = 0; i < 7; i++) await job(clock, q, 'done', 10 + i);
    expect(await pruneJobs(db, clock, { batchSize: 3 })).toEqual({ done: 7, dead: 0 });
    expect(await left(q)).toEqual([]);
  });

  it('the pruner loop runs at start, reports what it deleted and stops cleanly', async () => {
    const clock = new FakeClock('2032-01-01T00:00:00Z');
    const q = 'prune.loop';
    await job(clock, q, 'done', 30);
    const reports: { done: number; dead: number }[] = [];
    const pruner = new JobPruner({ db, clock, intervalMs: 3_600_000, onPruned: (d) => reports.push(d) });
    pruner.start();
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (reports.length > 0) {
          clearInterval(poll);
          resolve();
        }
      }, 10);
    });
    await pruner.stop();
    expect(reports).toEqual([{ done: 1, dead: 0 }]);
    expect(await left(q)).toEqual([]);
  });
});
