/**
 * Tampering with the audit trail as a database superuser would (append-only trigger
 * switched off), and the sealer under concurrent appends. Each tamper is undone after
 * its check, which also proves the verifier judges content, not history.
 */
import { createKysely, createPool } from '@db/index.ts';
import type { Database } from '@domain/database.ts';
import { recordAudit, sealAudit, verifyAudit } from '@domain/audit/index.ts';
import type { Ctx, Db } from '@domain/shared/context.ts';
import { sql } from 'kysely';
import type pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestOrg } from '../helpers/factories.ts';
import { asSuperuser } from '../helpers/audit-fixtures.ts';
import { createTestApp } from '../helpers/test-app.ts';

const t = await createTestApp();
let org: TestOrg;

const COLUMNS =
  'occurred_at, organization_id, user_id, role, patient_id, action, resource_type, resource_id, outcome, ip, user_agent, request_id, break_glass, changes, details';

/** Run `fn` with the append-only trigger off, the way an attacker holding superuser would. */
async function tamper(fn: (c: pg.Client) => Promise<unknown>): Promise<void> {
  await asSuperuser(t.database.connectionString, async (c) => {
    await c.query('begin');
    await c.query('alter table audit_events disable trigger audit_events_no_update');
    await c.query('alter table audit_seals disable trigger audit_seals_no_update');
    await fn(c);
    await c.query('alter table audit_events enable trigger audit_events_no_update');
    await c.query('alter table audit_seals enable trigger audit_seals_no_update');
    await c.query('commit');
  });
}

async function sealedSeqs(): Promise<number[]> {
  return (await t.db.selectFrom('audit_seals').select('seq').orderBy('seq').execute()).map((r) => r.seq);
}

/** Position of `seq` in the chain (1-based): how many rows verify checks up to it. */
async function position(seq: number): Promise<number> {
  return (await sealedSeqs()).filter((s) => s <= seq).length;
}

async function expectIntact(): Promise<void> {
  const v = await verifyAudit(t.db);
  expect(v).toEqual({ ok: true, checked: (await sealedSeqs()).length, firstBadSeq: null });
}

let seqs: number[] = [];
let gap = 0;

beforeAll(async () => {
  org = await t.newOrg();
  for (let i = 0; i < 12; i++) {
    await recordAudit(org.ctx, { action: i % 3 ? 'read' : 'update', resourceType: 'patient', resourceId: `r${i}` });
  }
  // A rolled-back append leaves a permanent gap in seq.
  await t.db
    .transaction()
    .execute(async (trx) => {
      await recordAudit({ ...org.ctx, db: trx }, { action: 'read', resourceType: 'patient', resourceId: 'rolled back' });
      throw new Error('rollback');
    })
    .catch(() => undefined);
  for (let i = 12; i < 16; i++) await recordAudit(org.ctx, { action: 'read', resourceType: 'patient', resourceId: `r${i}` });
  await sealAudit(t.db);
  seqs = (await t.db.selectFrom('audit_events').select('seq').orderBy('seq').execute()).map((r) => r.seq);
  gap = seqs.findIndex((s, i) => i > 0 && s !== (seqs[i - 1] as number) + 1);
  gap = (seqs[gap - 1] as number) + 1;
});

describe('verify detects tampering by a superuser', () => {
  it('starts intact, with every row sealed and a gap left by a rollback', async () => {
    expect(await sealedSeqs()).toEqual(seqs);
    expect(seqs).not.toContain(gap);
    expect(gap).toBeLessThan(seqs[seqs.length - 1] as number);
    await expectIntact();
  });

  it('an edited row: names its seq', async () => {
    const target = seqs[5] as number;
    const before = await asSuperuser(t.database.connectionString, (c) =>
      c.query('select details from audit_events where seq = $1', [target]),
    );
    await tamper((c) => c.query(`update audit_events set details = '{"i": 99}' where seq = $1`, [target]));
    expect(await verifyAudit(t.db)).toEqual({ ok: false, checked: await position(target), firstBadSeq: target });
    await tamper((c) => c.query('update audit_events set details = $2 where seq = $1', [target, before.rows[0].details]));
    await expectIntact();
  });

  it('an edit of one microsecond in occurred_at, or of break_glass alone', async () => {
    const target = seqs[2] as number;
    await tamper((c) => c.query(`update audit_events set occurred_at = occurred_at + interval '1 microsecond' where seq = $1`, [target]));
    expect((await verifyAudit(t.db)).firstBadSeq).toBe(target);
    await tamper((c) => c.query(`update audit_events set occurred_at = occurred_at - interval '1 microsecond' where seq = $1`, [target]));
    await expectIntact();
    await tamper((c) => c.query('update audit_events set break_glass = not break_glass where seq = $1', [target]));
    expect((await verifyAudit(t.db)).firstBadSeq).toBe(target);
    await tamper((c) => c.query('update audit_events set break_glass = not break_glass where seq = $1', [target]));
    await expectIntact();
  });

  it('a deleted row: names the seq whose seal has no event', async () => {
    const target = seqs[7] as number;
    const saved = await asSuperuser(t.database.connectionString, (c) =>
      c.query(`select seq, ${COLUMNS}, occurred_at::text as occurred_at from audit_events where seq = $1`, [target]),
    );
    await tamper((c) => c.query('delete from audit_events where seq = $1', [target]));
    expect(await verifyAudit(t.db)).toEqual({ ok: false, checked: await position(target), firstBadSeq: target });
    const row = saved.rows[0] as Record<string, unknown>;
    const cols = ['seq', ...COLUMNS.split(', ')];
    await tamper((c) =>
      c.query(
        `insert into audit_events (${cols.join(', ')}) overriding system value values (${cols.map((_, i) => `$${i + 1}`).join(', ')})`,
        cols.map((k) => ((k === 'changes' || k === 'details') && row[k] !== null ? JSON.stringify(row[k]) : row[k])),
      ),
    );
    await expectIntact();
  });

  it('a row inserted into a gap with OVERRIDING SYSTEM VALUE: names the inserted seq', async () => {
    await tamper((c) =>
      c.query(
        `insert into audit_events (seq, organization_id, action, resource_type) overriding system value values ($1, $2, 'read', 'patient')`,
        [gap, org.id],
      ),
    );
    const v = await verifyAudit(t.db);
    expect(v.ok).toBe(false);
    expect(v.firstBadSeq).toBe(gap);
    await tamper((c) => c.query('delete from audit_events where seq = $1', [gap]));
    await expectIntact();
  });

  it('a row inserted beyond the sequence (where no real row can be yet)', async () => {
    const top = (seqs[seqs.length - 1] as number) + 1_000_000;
    await tamper((c) =>
      c.query(`insert into audit_events (seq, action, resource_type) overriding system value values ($1, 'read', 'patient')`, [top]),
    );
    expect((await verifyAudit(t.db)).firstBadSeq).toBe(top);
    await tamper((c) => c.query('delete from audit_events where seq = $1', [top]));
    await expectIntact();
  });

  it('two rows with their contents swapped (reordered history): names the earlier seq', async () => {
    const a = seqs[3] as number;
    const b = seqs[9] as number;
    const swap = (c: pg.Client) =>
      c.query(
        `update audit_events x set (${COLUMNS}) = (select ${COLUMNS} from audit_events y where y.seq = case x.seq when $1 then $2 else $1 end)
          where x.seq in ($1, $2)`,
        [a, b],
      );
    await tamper(swap);
    const changed = await t.db
      .selectFrom('audit_events')
      .select(['seq', 'resource_id'])
      .where('seq', 'in', [a, b])
      .orderBy('seq')
      .execute();
    expect(changed.map((r) => r.resource_id)).toEqual(['r9', 'r3']);
    expect(await verifyAudit(t.db)).toEqual({ ok: false, checked: await position(a), firstBadSeq: a });
    await tamper(swap);
    await expectIntact();
  });

  it('a deleted seal, or a forged seal hash', async () => {
    const target = seqs[10] as number;
    const saved = await t.db.selectFrom('audit_seals').selectAll().where('seq', '=', target).executeTakeFirstOrThrow();
    await tamper((c) => c.query('update audit_seals set hash = sha256(hash) where seq = $1', [target]));
    expect((await verifyAudit(t.db)).firstBadSeq).toBe(target);
    await tamper((c) => c.query('delete from audit_seals where seq = $1', [target]));
    expect((await verifyAudit(t.db)).firstBadSeq).toBe(target);
    await tamper((c) =>
      c.query('insert into audit_seals (seq, hash, sealed_at) values ($1, $2, $3)', [target, saved.hash, saved.sealed_at]),
    );
    await expectIntact();
  });

  it('is reported by GET /api/audit/verify with the same fields', async () => {
    const target = seqs[1] as number;
    await tamper((c) => c.query(`update audit_events set action = 'delete' where seq = $1`, [target]));
    const res = await t.as(org, 'admin').get('/api/audit/verify');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: false, checked: await position(target), firstBadSeq: target });
    await tamper((c) => c.query(`update audit_events set action = 'read' where seq = $1`, [target]));
    expect((await t.as(org, 'admin').get('/api/audit/verify')).json().ok).toBe(true);
  });
});

/** An open transaction that has appended one audit row and waits to be told to commit or roll back. */
function openAppend(db: Db, ctx: Ctx) {
  let finish: (commit: boolean) => void = () => undefined;
  const decided = new Promise<boolean>((r) => {
    finish = r;
  });
  let appended: () => void = () => undefined;
  const ready = new Promise<void>((r) => {
    appended = r;
  });
  const done = db
    .transaction()
    .execute(async (trx) => {
      await recordAudit({ ...ctx, db: trx }, { action: 'read', resourceType: 'patient', resourceId: 'in flight' });
      appended();
      if (!(await decided)) throw new Error('rollback');
    })
    .catch((e: Error) => {
      if (e.message !== 'rollback') throw e;
    });
  return {
    ready,
    end: (commit: boolean) => {
      finish(commit);
      return done;
    },
  };
}

describe('sealer and concurrent appends', () => {
  it('never seals past a seq whose transaction is in flight, and appends do not wait for each other', async () => {
    await sealAudit(t.db);
    const early = openAppend(t.db, org.ctx);
    await early.ready;
    // A later append commits while the earlier one is still open: shared locks do not serialize.
    await recordAudit(org.ctx, { action: 'read', resourceType: 'patient', resourceId: 'committed first' });
    const late = await t.db.selectFrom('audit_events').select('seq').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    const blocked = await sealAudit(t.db, { lockAttempts: 3, lockRetryMs: 1 });
    expect(blocked).toMatchObject({ sealed: 0, watermark: null });
    expect(await t.db.selectFrom('audit_seals').select('seq').where('seq', '=', late.seq).executeTakeFirst()).toBeUndefined();
    await early.end(true);
    const after = await sealAudit(t.db);
    expect(after.sealed).toBe(2);
    expect(after.sealedThrough).toBe(late.seq);
    await expectIntact();
  });

  it('50 parallel appending transactions while the sealer runs repeatedly: verify stays ok, every row is sealed', async () => {
    // Enough connections that all 50 transactions are open at once.
    const pool = createPool({ connectionString: t.database.connectionString, max: 55, appRole: true });
    const db = createKysely<Database>(pool);
    let writing = true;
    const verdicts: boolean[] = [];
    const sealer = (async () => {
      while (writing) {
        await sealAudit(t.db, { lockAttempts: 2, lockRetryMs: 1 });
        verdicts.push((await verifyAudit(t.db)).ok);
      }
    })();
    const writers = Array.from({ length: 50 }, (_, i) =>
      db
        .transaction()
        .execute(async (trx) => {
          const ctx = { ...org.ctx, db: trx, requestId: `w${i}` };
          await recordAudit(ctx, { action: 'read', resourceType: 'patient', resourceId: `c${i}` });
          await sql`select pg_sleep(${(i % 5) / 200})`.execute(trx);
          await recordAudit(ctx, { action: 'update', resourceType: 'patient', resourceId: `c${i}` });
          if (i % 10 === 3) throw new Error('rollback');
        })
        .catch((e: Error) => {
          if (e.message !== 'rollback') throw e;
        }),
    );
    await Promise.all(writers);
    writing = false;
    await db.destroy();
    await sealer;
    for (let i = 0; i < 5; i++) if ((await sealAudit(t.db)).sealed === 0) break;

    const committed = await t.db.selectFrom('audit_events').select('seq').where('request_id', 'like', 'w%').execute();
    expect(committed).toHaveLength(45 * 2);
    const unsealed = await sql<{ n: number }>`
      select count(*)::int as n from audit_events e where not exists (select 1 from audit_seals s where s.seq = e.seq)`.execute(t.db);
    expect(unsealed.rows[0]?.n).toBe(0);
    expect(verdicts.length).toBeGreaterThan(0);
    expect(verdicts.every(Boolean)).toBe(true);
    await expectIntact();
  });
});
