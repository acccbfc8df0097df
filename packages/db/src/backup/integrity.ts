/** Checks run on a restored database: row counts against the manifest and every foreign key. */
import type pg from 'pg';
import { ident, listForeignKeys, qualified } from './catalog.ts';
import type { BackupManifest } from './format.ts';

export interface CheckResult {
  name: string;
  ok: boolean;
  detail: string;
}

type Queryable = Pick<pg.ClientBase, 'query'>;

export async function checkRowCounts(client: Queryable, manifest: BackupManifest): Promise<CheckResult> {
  const wrong: string[] = [];
  for (const t of manifest.tables) {
    const r = await client.query<{ n: string }>(`select count(*)::text as n from ${qualified(t.name)}`);
    const n = Number(r.rows[0]?.n);
    if (n !== t.rows) wrong.push(`${t.name}: ${n} rows, backup has ${t.rows}`);
  }
  return {
    name: 'row counts',
    ok: wrong.length === 0,
    detail: wrong.length ? wrong.join('; ') : `${manifest.tables.length} tables match the manifest`,
  };
}

/**
 * Every foreign key holds (MATCH SIMPLE: a row with a null key column is not checked).
 * Needed because a superuser restore loads with triggers, and so FK checks, off.
 */
export async function checkForeignKeys(client: Queryable): Promise<CheckResult> {
  const fks = await listForeignKeys(client);
  const broken: string[] = [];
  for (const fk of fks) {
    const notNull = fk.childColumns.map((c) => `c.${ident(c)} is not null`).join(' and ');
    const join = fk.childColumns.map((c, i) => `p.${ident(fk.parentColumns[i] as string)} = c.${ident(c)}`).join(' and ');
    const r = await client.query<{ n: string }>(
      `select count(*)::text as n from ${qualified(fk.child)} c
        where ${notNull} and not exists (select 1 from ${qualified(fk.parent)} p where ${join})`,
    );
    const n = Number(r.rows[0]?.n);
    if (n > 0) broken.push(`${fk.child}.${fk.name}: ${n} row(s) reference a missing ${fk.parent}`);
  }
  return {
    name: 'foreign keys',
    ok: broken.length === 0,
    detail: broken.length ? broken.join('; ') : `${fks.length} foreign keys hold`,
  };
}
