/**
 * Synthetic data for benchmarks: same seed, same data. Loaded with COPY in chunks; a load
 * at least as large as the table rebuilds the secondary indexes once at the end instead of
 * growing them row by row (a restore does the same).
 */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Db } from '@domain/shared/context.ts';
import { CompiledQuery, sql } from 'kysely';
import { from as copyFrom } from 'pg-copy-streams';
import {
  type BenchPerson,
  benchPatient,
  CLUSTER_SHAPES,
  type ClusterShape,
  clusterPopulation,
  type NameModel,
  populationStreams,
} from './population.ts';

/** Who a generated registry holds: a name model (bench/population.ts) or a cluster shape. */
export type PopulationModel = NameModel | ClusterShape;

export interface Registry {
  organizationId: string;
  count: number;
  seed: number;
  model: PopulationModel;
}

/** The patients of a population in order: the same seed and model give the same people to the generator and the queries. */
export function populationOf(seed: number, model: PopulationModel): () => BenchPerson {
  if ((CLUSTER_SHAPES as readonly string[]).includes(model)) return clusterPopulation(seed, model as ClusterShape);
  const { rnd, names } = populationStreams(seed);
  let n = 0;
  return () => ({ ...benchPatient(rnd, names, n++, model as NameModel), middleName: null, cluster: false });
}

/** Insert `count` synthetic patients into the organization; returns their ids. Each bench run has a fresh database. */
export async function generatePatients(
  db: Db,
  organizationId: string,
  count: number,
  seed: number,
  model: PopulationModel,
): Promise<string[]> {
  return (await generateRegistries(db, [{ organizationId, count, seed, model }]))[0] ?? [];
}

/** Rows per COPY: the name-vocabulary trigger runs once per statement, over this many rows. */
const CHUNK = 50_000;
/** Loads of at least this many rows, and at least as many as the table holds, rebuild the indexes after. */
const REBUILD_AT = 50_000;

/** Several registries in one load (one index rebuild for all); ids per registry. */
export async function generateRegistries(db: Db, registries: Registry[]): Promise<string[][]> {
  const total = registries.reduce((s, r) => s + r.count, 0);
  const existing = Number((await sql<{ n: number }>`select count(*)::int as n from patients`.execute(db)).rows[0]?.n ?? 0);
  // Each GIN key of a new row (a dozen name keys, the phone digits) is an insert into a
  // posting tree, through a pending list of 128 kB: 70% of the load time. Built once from
  // sorted keys, the same indexes take a fraction of it.
  const dropped = total >= REBUILD_AT && total >= existing ? await dropSecondaryIndexes(db) : [];
  const out: string[][] = [];
  // Two COPYs at a time: the database's work per row (name keys, the vocabulary trigger,
  // the constraint btrees) is most of the time, and one backend uses one core.
  const copying: Promise<void>[] = [];
  try {
    for (const r of registries) {
      const next = populationOf(r.seed, r.model);
      const ids: string[] = [];
      for (let start = 0; start < r.count; start += CHUNK) {
        const n = Math.min(CHUNK, r.count - start);
        const people = Array.from({ length: n }, next);
        // MRNs from the sequence the app uses, so the server's own registrations never collide.
        const mrns = (await sql<{ mrn: string }>`select nextval('patient_mrn_seq')::text as mrn from generate_series(1, ${n})`.execute(db))
          .rows;
        const lines = people.map((p, k) => {
          const id = randomUUID();
          ids.push(id);
          return copyLine([
            id,
            r.organizationId,
            (mrns[k] as { mrn: string }).mrn,
            p.givenName,
            p.middleName,
            p.familyName,
            p.birthDate,
            p.sex,
            JSON.stringify([{ type: 'mobile', number: p.phone }]),
            p.email,
            JSON.stringify(p.address),
          ]);
        });
        copying.push(
          copyRows(
            db,
            'copy patients (id, organization_id, mrn, given_name, middle_name, family_name, birth_date, sex, phones, email, address) from stdin',
            lines,
          ),
        );
        if (copying.length >= 2) await copying.shift();
      }
      out.push(ids);
    }
    await Promise.all(copying);
  } finally {
    await recreateIndexes(db, dropped);
  }
  // A registry that has been running is vacuumed: visibility map set, statistics current.
  await sql`vacuum (analyze) patients, patient_name_words`.execute(db);
  // And has its bulk load on disk: otherwise the checkpoint of a million fresh rows runs
  // during the first measurement. Needs superuser or pg_checkpoint; skipped without.
  await sql`checkpoint`.execute(db).catch(() => undefined);
  return out;
}

/** One line of COPY's text format: tab-separated, `\N` for null, backslash escapes. */
function copyLine(values: (string | null)[]): string {
  const field = (v: string | null) =>
    v === null ? '\\N' : v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
  return `${values.map(field).join('\t')}\n`;
}

/**
 * COPY … FROM STDIN over one of `db`'s connections. Kysely hands a query's text to
 * `pg.Client.query` as is, and pg runs any object with a `submit` method as a query: so the
 * copy stream goes in as the "text" of a query on a connection held for the whole copy, and
 * the bench needs no second pool (nor the connection string, which the harness keeps).
 */
async function copyRows(db: Db, copySql: string, lines: string[]): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await db.connection().execute(async (conn) => {
        const stream = copyFrom(copySql);
        await conn.executeQuery({ ...CompiledQuery.raw(''), sql: stream as unknown as string });
        await pipeline(Readable.from(batches(lines)), stream);
      });
      return;
    } catch (err) {
      // Two COPYs adding the same new name words (the vocabulary trigger) may deadlock; the
      // loser rolled back whole, so it is simply sent again.
      if ((err as { code?: string }).code !== '40P01' || attempt >= 5) throw err;
    }
  }
}

/** The lines in pieces of about 1 MB: one write per piece instead of one per row. */
function* batches(lines: string[]): Generator<string> {
  let piece = '';
  for (const l of lines) {
    piece += l;
    if (piece.length >= 1 << 20) {
      yield piece;
      piece = '';
    }
  }
  if (piece) yield piece;
}

interface DroppedIndex {
  name: string;
  definition: string;
}

/** Drop the patients indexes that no constraint needs (GIN name keys and phone digits, name and birth-date btrees); returns their definitions. */
async function dropSecondaryIndexes(db: Db): Promise<DroppedIndex[]> {
  const rows = (
    await sql<DroppedIndex>`
      select c.relname as name, pg_get_indexdef(i.indexrelid) as definition
        from pg_index i join pg_class c on c.oid = i.indexrelid
       where i.indrelid = 'patients'::regclass
         and not exists (select from pg_constraint k where k.conindid = i.indexrelid)`.execute(db)
  ).rows;
  for (const r of rows) await sql`drop index ${sql.id(r.name)}`.execute(db);
  return rows;
}

async function recreateIndexes(db: Db, indexes: DroppedIndex[]): Promise<void> {
  if (!indexes.length) return;
  await db.transaction().execute(async (tx) => {
    // Room to sort the keys in memory (GIN builds accumulate them up to this much).
    await sql`set local maintenance_work_mem = '1GB'`.execute(tx);
    for (const ix of indexes) await sql.raw(ix.definition).execute(tx);
  });
}
