/**
 * The public code sets shipped in packages/db/reference/ (derived from the CMS files by
 * scripts/build-code-sets.js), loaded into global reference tables after migrating.
 *
 * Version-keyed and idempotent: `reference_data_sets` keeps each file's SHA-256, and a file is
 * loaded only when its hash differs from the loaded one (a new release, or a fresh database).
 * A load replaces the whole set in one transaction (TRUNCATE, then COPY in search order), so
 * readers see the old set or the new one, never a mix. No table may reference these by foreign key.
 * The app role may only read these tables (migrate.ts revokes writes on "reference data" tables).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { referenceSearchKeys, referenceWords } from './reference-keys.ts';

export const REFERENCE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../reference');

interface ReferenceSet {
  /** Its row in reference_data_sets, and the file name without `.tsv.gz`. */
  name: string;
  codeSet: 'icd10cm' | 'hcpcs';
  table: string;
  columns: string[];
  /** One TSV line of the shipped file → the table's columns (strings, null for NULL). */
  row(fields: string[]): (string | null)[];
  /** The text whose words are searched. */
  words(fields: string[]): string;
  /** Where `row` leaves room for the row's position in `order` (1-based), if the table keeps it. */
  rankColumn?: number;
  /** Search rank of two rows (as `row` gives them): the table's physical order. */
  order(a: (string | null)[], b: (string | null)[]): number;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export const REFERENCE_SETS: readonly ReferenceSet[] = [
  {
    name: 'icd10cm-2026',
    codeSet: 'icd10cm',
    table: 'icd10cm_codes',
    columns: ['code', 'code_key', 'code_length', 'billable', 'description', 'search_keys', 'search_rank'],
    row: ([code = '', billable = '', description = '']) => {
      const key = code.replace('.', '');
      return [code, key, String(key.length), billable === '1' ? 't' : 'f', description, pgArray(referenceSearchKeys(description)), null];
    },
    rankColumn: 6,
    words: (f) => f[2] ?? '',
    // Billable codes before headings, shorter (more general) first, then by code.
    order: (a, b) => byText(b[3] as string, a[3] as string) || Number(a[2]) - Number(b[2]) || byText(a[0] as string, b[0] as string),
  },
  {
    name: 'hcpcs-2025-10',
    codeSet: 'hcpcs',
    table: 'hcpcs_codes',
    columns: ['code', 'kind', 'short_description', 'long_description', 'terminated_on', 'search_keys'],
    row: ([code = '', kind = '', short = '', long = '', term = '']) => [
      code,
      kind,
      short,
      long,
      term || null,
      pgArray(referenceSearchKeys(`${short} ${long}`)),
    ],
    words: (f) => `${f[2] ?? ''} ${f[3] ?? ''}`,
    order: (a, b) => byText(a[0] as string, b[0] as string),
  },
];

/** Keys are letters and digits only: no quoting needed inside the array literal. */
function pgArray(values: string[]): string {
  return `{${values.join(',')}}`;
}

function copyLine(values: (string | null)[]): string {
  const field = (v: string | null) =>
    v === null ? '\\N' : v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
  return `${values.map(field).join('\t')}\n`;
}

async function copyInto(client: pg.ClientBase, copySql: string, lines: string[]): Promise<void> {
  const stream = client.query(copyFrom(copySql));
  await pipeline(Readable.from(chunks(lines)), stream);
}

function* chunks(lines: string[]): Generator<string> {
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

export interface ReferenceLoadResult {
  /** The sets (re)loaded by this run, with their row counts; empty when all were current. */
  loaded: { name: string; rows: number }[];
}

/**
 * Load every shipped set whose file changed since it was last loaded, in one transaction.
 * Runs as the migrating role, under migrate()'s advisory lock.
 */
export async function loadReferenceData(
  client: pg.ClientBase,
  log: (m: string) => void = () => undefined,
  dir: string = REFERENCE_DIR,
): Promise<ReferenceLoadResult> {
  const loaded: ReferenceLoadResult['loaded'] = [];
  // Migrations that do not (yet) create the code-set tables: nothing to load.
  const ready = await client.query<{ ok: boolean }>(`select to_regclass('public.reference_data_sets') is not null as ok`);
  if (!ready.rows[0]?.ok) return { loaded };
  const current = new Map(
    (await client.query<{ name: string; sha256: string }>('select name, sha256 from reference_data_sets')).rows.map((r) => [
      r.name,
      r.sha256,
    ]),
  );
  const pending = REFERENCE_SETS.flatMap((set) => {
    const file = path.join(dir, `${set.name}.tsv.gz`);
    if (!fs.existsSync(file)) return [];
    const bytes = fs.readFileSync(file);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return current.get(set.name) === sha256 ? [] : [{ set, bytes, sha256 }];
  });
  if (!pending.length) return { loaded };
  await client.query('begin');
  try {
    for (const { set, bytes, sha256 } of pending) {
      const started = Date.now();
      const records = zlib
        .gunzipSync(bytes)
        .toString('utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split('\t'));
      // Search order is the table's physical order: a capped bitmap scan meets the best matches
      // first (codes/search-icd10.ts). TRUNCATE gives a fresh, empty file, and COPY writes the
      // rows in that order; the indexes are built once afterwards (faster than 100k GIN inserts).
      const rows = records.map((f) => set.row(f));
      rows.sort(set.order);
      if (set.rankColumn !== undefined)
        rows.forEach((r, i) => {
          r[set.rankColumn as number] = String(i + 1);
        });
      const indexes = (
        await client.query<{ def: string }>(
          `select indexdef as def from pg_indexes
            where schemaname = 'public' and tablename = $1
              and indexname not in (select conname from pg_constraint where conrelid = $1::regclass)`,
          [set.table],
        )
      ).rows;
      await client.query(`truncate ${set.table}`);
      for (const i of indexes) await client.query(`drop index ${i.def.match(/^CREATE (?:UNIQUE )?INDEX (\S+)/)?.[1]}`);
      await copyInto(
        client,
        `copy ${set.table} (${set.columns.join(', ')}) from stdin`,
        rows.map((r) => copyLine(r)),
      );
      await client.query("set local maintenance_work_mem = '128MB'");
      for (const i of indexes) await client.query(i.def);
      const words = new Set<string>();
      for (const f of records) for (const w of referenceWords(set.words(f))) words.add(w);
      await client.query('delete from reference_words where code_set = $1', [set.codeSet]);
      await client.query('insert into reference_words (code_set, word) select $1, w from unnest($2::text[]) w', [set.codeSet, [...words]]);
      await client.query(
        `insert into reference_data_sets (name, sha256, row_count, loaded_at) values ($1, $2, $3, now())
         on conflict (name) do update set sha256 = excluded.sha256, row_count = excluded.row_count, loaded_at = excluded.loaded_at`,
        [set.name, sha256, records.length],
      );
      loaded.push({ name: set.name, rows: records.length });
      log(`loaded reference data ${set.name}: ${records.length} rows, ${words.size} words (${Date.now() - started} ms)`);
    }
    await client.query('commit');
  } catch (e) {
    await client.query('rollback');
    throw new Error(`loading reference data failed: ${(e as Error).message}`);
  }
  for (const { set } of pending) await client.query(`analyze ${set.table}, reference_words`);
  return { loaded };
}
