/**
 * The job runner: retries with growing backoff, dead-letters after max_attempts,
 * rolls back a failed handler's writes, dedupes, and never runs a job twice even
 * with two runners (two pools, as two processes would) draining one queue.
 */
import { createKysely, createPool } from '@db/index.ts';
import { createTestDatabase } from '@db/testing.ts';
import type { Database } from '@domain/database.ts';
import { enqueueJob, type JobHandler, JobRunner } from '@domain/jobs/index.ts';
import { FakeClock, systemClock } from '@domain/shared/clock.ts';
import type { Installation } from '@domain/shared/installation.ts';
import { sql } from 'kysely';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { waitUntil } from '../helpers/ops.ts';

/** These handlers send nothing: no mail server, links to a local address. */
const installation: Installation = { smtpUrl: undefined, smtpFrom: undefined, publicUrl: 'http://localhost:3000' };

const t = await createTestDatabase<Database>();
const db = t.db;

beforeAll(async () => {
  // A table the handlers write to; the primary key makes a second run of one job fail loudly.
  const admin = new pg.Client({ connectionString: t.adminConnectionString });
  await admin.connect();
  await admin.query('create table job_effects (job_id bigint primary key, note text not null)');
  await admin.query('grant select, insert on job_effects to clinicdesk_app');
  await admin.end();
});

async function job(id: number) {
  return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

async function effects(): Promise<number[]> {
  const r = await sql<{ job_id: number }>`select job_id from job_effects order by job_id`.execute(db);
  return r.rows.map((x) => Number(x.job_id));
}

describe('retries', () => {
  it('retries a failing handler with exponential backoff until it succeeds', async () => {
    const clock = new FakeClock('2030-01-01T00:00:00Z');
    let calls = 0;
    const runner = new JobRunner({
      db,
      clock,
      installation,
      backoffBaseMs: 10_000,
      handlers: {
        flaky: async () => {
          calls++;
          if (calls <= 2) throw new Error(`flaky failure ${calls}`);
        },
      },
    });
    const id = (await enqueueJob(db, 'flaky', { n: 1 }, { runAt: clock.now() })) as number;
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 2; attempt++) {
      expect(await runner.runOnce()).toBe(true);
      const row = await job(id);
      expect(row).toMatchObject({ state: 'queued', attempts: attempt });
      expect(row.last_error).toContain(`flaky failure ${attempt}`);
      const delay = row.run_at.getTime() - clock.now().getTime();
      delays.push(delay);
      // Not due yet: nothing runs until the clock reaches run_at.
      clock.advance(delay - 1);
      expect(await runner.runOnce()).toBe(false);
      clock.advance(1);
    }
    // base * 2^(n-1) plus at most 10% jitter.
    expect(delays[0]).toBeGreaterThanOrEqual(10_000);
    expect(delays[0]).toBeLessThanOrEqual(11_000);
    expect(delays[1]).toBeGreaterThanOrEqual(20_000);
    expect(delays[1]).toBeLessThanOrEqual(22_000);
    expect(await runner.runOnce()).toBe(true);
    expect(await job(id)).toMatchObject({ state: 'done', attempts: 3, last_error: null });
    expect(calls).toBe(3);
  });

  it('dead-letters after max_attempts and keeps the last error', async () => {
    const clock = new FakeClock('2030-02-01T00:00:00Z');
    let calls = 0;
    const runner = new JobRunner({
      db,
      clock,
      installation,
      backoffBaseMs: 1_000,
      handlers: {
        doomed: async ({ job }) => {
          calls++;
          throw new Error(`boom on attempt ${job.attempts}`);
        },
      },
    });
    const id = (await enqueueJob(db, 'doomed', {}, { runAt: clock.now(), maxAttempts: 3 })) as number;
    for (let i = 0; i < 3; i++) {
      expect(await runner.runOnce()).toBe(true);
      clock.advance(3_600_000);
    }
    const row = await job(id);
    expect(row).toMatchObject({ state: 'dead', attempts: 3 });
    expect(row.last_error).toContain('boom on attempt 3');
    expect(row.finished_at).not.toBeNull();
    clock.advance(24 * 3_600_000);
    expect(await runner.runOnce()).toBe(false);
    expect(calls).toBe(3);
  });

  it("rolls back a failed handler's partial writes and keeps a successful one's", async () => {
    const clock = new FakeClock('2030-03-01T00:00:00Z');
    let fail = true;
    const handler: JobHandler = async ({ db: trx, job }) => {
      await sql`insert into job_effects (job_id, note) values (${job.id}, ${`attempt ${job.attempts}`})`.execute(trx);
      if (fail) throw new Error('failed after writing');
    };
    const runner = new JobRunner({ db, clock, installation, backoffBaseMs: 1_000, handlers: { partial: handler } });
    const id = (await enqueueJob(db, 'partial', {}, { runAt: clock.now() })) as number;
    expect(await runner.runOnce()).toBe(true);
    expect(await effects()).not.toContain(id);
    expect(await job(id)).toMatchObject({ state: 'queued', attempts: 1 });

    fail = false;
    clock.advance(3_600_000);
    expect(await runner.runOnce()).toBe(true);
    expect(await effects()).toContain(id);
    const note = await sql<{ note: string }>`select note from job_effects where job_id = ${id}`.execute(db);
    expect(note.rows[0]?.note).toBe('attempt 2');
    expect(await job(id)).toMatchObject({ state: 'done', attempts: 2 });
  });
});

describe('enqueue', () => {
  it('dedupes on queue + dedupe_key', async () => {
    const first = await enqueueJob(db, 'reminder', { appt: 1 }, { dedupeKey: 'appt-1-24h' });
    const second = await enqueueJob(db, 'reminder', { appt: 1 }, { dedupeKey: 'appt-1-24h' });
    const otherQueue = await enqueueJob(db, 'reminder-sms', { appt: 1 }, { dedupeKey: 'appt-1-24h' });
    expect(first).toEqual(expect.any(Number));
    expect(second).toBeNull();
    expect(otherQueue).toEqual(expect.any(Number));
    const rows = await db.selectFrom('jobs').select('id').where('dedupe_key', '=', 'appt-1-24h').where('queue', '=', 'reminder').execute();
    expect(rows).toEqual([{ id: first }]);
  });

  it('creates no job when the enqueuing transaction rolls back (outbox)', async () => {
    await expect(
      db.transaction().execute(async (trx) => {
        await enqueueJob(trx, 'outbox-test', {});
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const rows = await db.selectFrom('jobs').select('id').where('queue', '=', 'outbox-test').execute();
    expect(rows).toEqual([]);
  });
});

describe('two runners on one queue', () => {
  it('drain 300 jobs with every job run exactly once', async () => {
    const runs = new Map<number, number>();
    const handler: JobHandler = async ({ db: trx, job }) => {
      runs.set(job.id, (runs.get(job.id) ?? 0) + 1);
      await sql`insert into job_effects (job_id, note) values (${job.id}, 'drain')`.execute(trx);
    };
    const ids = await db.transaction().execute(async (trx) => {
      const out: number[] = [];
      for (let i = 0; i < 300; i++) out.push((await enqueueJob(trx, 'drain', { i })) as number);
      return out;
    });
    const errors: unknown[] = [];
    const pools = [0, 1].map(() => createPool({ connectionString: t.connectionString, max: 5 }));
    const runners = pools.map(
      (pool, i) =>
        new JobRunner({
          db: createKysely<Database>(pool),
          clock: systemClock,
          installation,
          concurrency: 4,
          pollIntervalMs: 20,
          runnerId: `runner-${i}`,
          handlers: { drain: handler },
          onError: (err) => errors.push(err),
        }),
    );
    try {
      for (const r of runners) r.start();
      await waitUntil(
        async () => {
          const r = await db
            .selectFrom('jobs')
            .select(db.fn.countAll<number>().as('n'))
            .where('queue', '=', 'drain')
            .where('state', '=', 'done')
            .executeTakeFirstOrThrow();
          return Number(r.n) === 300;
        },
        25_000,
        '300 drained jobs',
      );
    } finally {
      await Promise.all(runners.map((r) => r.stop()));
      await Promise.all(pools.map((p) => p.end()));
    }
    expect(errors).toEqual([]);
    expect(runs.size).toBe(300);
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
    const rows = await db.selectFrom('jobs').select(['id', 'attempts', 'locked_by']).where('queue', '=', 'drain').execute();
    expect(rows.every((r) => r.attempts === 1)).toBe(true);
    expect(rows.every((r) => r.locked_by === 'runner-0' || r.locked_by === 'runner-1')).toBe(true);
    const done = new Set(await effects());
    expect(ids.every((id) => done.has(id))).toBe(true);
  });
});

describe('failure hook', () => {
  it("keeps what a handler's onFailure records while its own work is undone, and says when no attempt follows", async () => {
    const clock = new FakeClock('2031-01-01T00:00:00Z');
    const seen: { attempts: number; dead: boolean; message: string }[] = [];
    const handler: JobHandler = Object.assign(
      async ({ db: tx, job: j }: Parameters<JobHandler>[0]) => {
        await sql`insert into job_effects (job_id, note) values (${j.id}, 'handler')`.execute(tx);
        throw new Error('upstream refused');
      },
      {
        onFailure: async ({ db: tx, job: j }: Parameters<JobHandler>[0], error: unknown, dead: boolean) => {
          seen.push({ attempts: j.attempts, dead, message: (error as Error).message });
          if (dead) await sql`insert into job_effects (job_id, note) values (${j.id}, 'hook')`.execute(tx);
        },
      },
    );
    const runner = new JobRunner({ db, clock, installation, backoffBaseMs: 1, handlers: { hooked: handler } });
    const id = (await enqueueJob(db, 'hooked', {}, { runAt: clock.now(), maxAttempts: 2 })) as number;
    expect(await runner.runOnce()).toBe(true);
    clock.advance(60_000);
    expect(await runner.runOnce()).toBe(true);
    expect(seen).toEqual([
      { attempts: 1, dead: false, message: 'upstream refused' },
      { attempts: 2, dead: true, message: 'upstream refused' },
    ]);
    expect((await job(id)).state).toBe('dead');
    const notes = await sql<{ note: string }>`select note from job_effects where job_id = ${id}`.execute(db);
    expect(notes.rows).toEqual([{ note: 'hook' }]);
  });
});
