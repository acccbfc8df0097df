/**
 * Runs background jobs from the `jobs` table. Each job is claimed with
 * FOR UPDATE SKIP LOCKED and handled inside that same transaction, so:
 *  - two runners (or two processes) never run one job at once: the row lock is held until commit;
 *  - a handler's database effects and "done" commit together, so a retry never repeats them;
 *  - a crash releases the lock and the job is claimed again later.
 * Failures are retried with exponential backoff (plus jitter); after max_attempts the job is 'dead'
 * (the dead-letter state), kept for inspection.
 * Handlers must still be idempotent for effects outside the database (email): they check and record
 * what they did in the same transaction.
 */
import { sql } from 'kysely';
import type { Clock } from '../shared/clock.ts';
import type { Db } from '../shared/context.ts';
import type { Installation } from '../shared/installation.ts';

export interface JobContext {
  /** The claiming transaction: write effects here. */
  db: Db;
  clock: Clock;
  /** The installation's mail server and link base (the server's Config): handlers never read the environment. */
  installation: Installation;
  job: { id: number; queue: string; payload: Record<string, unknown>; attempts: number; maxAttempts: number };
}

export type JobHandler = ((ctx: JobContext) => Promise<void>) & {
  /**
   * Runs after a failed attempt, in the claiming transaction once the handler's own work is
   * undone (so what it records stays): e.g. show the error on the object the job works for.
   * `dead`: no attempt follows. Its own failure is ignored (the job's failure is still recorded).
   */
  onFailure?: (ctx: JobContext, error: unknown, dead: boolean) => Promise<void>;
};

export interface JobRunnerOptions {
  db: Db;
  clock: Clock;
  installation: Installation;
  handlers: Record<string, JobHandler>;
  /** Parallel workers in this process. */
  concurrency?: number;
  pollIntervalMs?: number;
  /** Backoff base: attempt n waits base * 2^(n-1), capped at an hour. */
  backoffBaseMs?: number;
  runnerId?: string;
  onError?: (err: unknown, job: { id: number; queue: string }) => void;
}

export function backoffMs(attempt: number, baseMs: number): number {
  const exp = Math.min(baseMs * 2 ** Math.max(0, attempt - 1), 3_600_000);
  return exp + Math.floor(Math.random() * Math.min(exp * 0.1, 1_000));
}

export class JobRunner {
  private stopping = false;
  private loops: Promise<void>[] = [];
  private wake: (() => void) | undefined;
  private readonly opts: Required<Omit<JobRunnerOptions, 'onError'>> & Pick<JobRunnerOptions, 'onError'>;

  constructor(opts: JobRunnerOptions) {
    this.opts = {
      concurrency: 2,
      pollIntervalMs: 1_000,
      backoffBaseMs: 5_000,
      runnerId: `runner-${process.pid}-${Math.random().toString(36).slice(2, 8)}`,
      ...opts,
    };
  }

  start(): void {
    for (let i = 0; i < this.opts.concurrency; i++) this.loops.push(this.loop());
  }

  /** Stop claiming new work and wait for the jobs in hand to finish. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await Promise.all(this.loops);
  }

  /** Claim and run at most one job. Returns false when nothing was ready. Exposed for tests. */
  async runOnce(): Promise<boolean> {
    const queues = Object.keys(this.opts.handlers);
    if (queues.length === 0) return false;
    let failed: { id: number; queue: string; attempts: number; maxAttempts: number; error: unknown } | undefined;
    const ran = await this.opts.db.transaction().execute(async (trx) => {
      const job = await trx
        .selectFrom('jobs')
        .select(['id', 'queue', 'payload', 'attempts', 'max_attempts'])
        .where('state', '=', 'queued')
        .where('queue', 'in', queues)
        .where('run_at', '<=', this.opts.clock.now())
        .orderBy('run_at')
        .orderBy('id')
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!job) return false;
      const handler = this.opts.handlers[job.queue] as JobHandler;
      // A job of one practice sees only that practice's rows (row-level security; the claim
      // itself spans practices). The setting ends with this transaction.
      const organizationId = (job.payload as { organizationId?: unknown }).organizationId;
      if (typeof organizationId === 'string' && /^[0-9a-f-]{36}$/i.test(organizationId)) {
        await sql`select set_config('clinicdesk.organization_id', ${organizationId}, true)`.execute(trx);
      }
      try {
        await sql`savepoint job_handler`.execute(trx);
        await handler({
          db: trx,
          clock: this.opts.clock,
          installation: this.opts.installation,
          job: { id: job.id, queue: job.queue, payload: job.payload, attempts: job.attempts + 1, maxAttempts: job.max_attempts },
        });
        await sql`release savepoint job_handler`.execute(trx);
        await trx
          .updateTable('jobs')
          .set({
            state: 'done',
            attempts: job.attempts + 1,
            finished_at: this.opts.clock.now(),
            locked_by: this.opts.runnerId,
            last_error: null,
          })
          .where('id', '=', job.id)
          .execute();
      } catch (error) {
        // Undo the handler's partial work but keep our row lock, then record the failure.
        await sql`rollback to savepoint job_handler`.execute(trx);
        failed = { id: job.id, queue: job.queue, attempts: job.attempts + 1, maxAttempts: job.max_attempts, error };
        const dead = failed.attempts >= job.max_attempts;
        if (handler.onFailure) {
          await sql`savepoint job_failure`.execute(trx);
          try {
            await handler.onFailure(
              {
                db: trx,
                clock: this.opts.clock,
                installation: this.opts.installation,
                job: { id: job.id, queue: job.queue, payload: job.payload, attempts: failed.attempts, maxAttempts: job.max_attempts },
              },
              error,
              dead,
            );
            await sql`release savepoint job_failure`.execute(trx);
          } catch {
            await sql`rollback to savepoint job_failure`.execute(trx);
          }
        }
        await trx
          .updateTable('jobs')
          .set({
            attempts: failed.attempts,
            state: dead ? 'dead' : 'queued',
            run_at: new Date(this.opts.clock.now().getTime() + (dead ? 0 : backoffMs(failed.attempts, this.opts.backoffBaseMs))),
            last_error: String((error as Error)?.stack ?? error).slice(0, 4_000),
            locked_by: this.opts.runnerId,
            finished_at: dead ? this.opts.clock.now() : null,
          })
          .where('id', '=', job.id)
          .execute();
      }
      return true;
    });
    if (failed) this.opts.onError?.(failed.error, failed);
    return ran;
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      let ran = false;
      try {
        ran = await this.runOnce();
      } catch (err) {
        // Database down or similar: wait and try again; the runner recovers by itself.
        this.opts.onError?.(err, { id: 0, queue: '' });
      }
      if (!ran && !this.stopping) {
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, this.opts.pollIntervalMs);
          this.wake = () => {
            clearTimeout(t);
            resolve();
          };
        });
      }
    }
  }
}
