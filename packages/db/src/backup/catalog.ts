/**
 * What a backup covers, read from the PostgreSQL catalog rather than from a list
 * in code, so a module's new table is backed up without anyone remembering to.
 * Scope: the `public` schema's tables (not partitions: their parent carries the
 * rows) and sequences; `schema_migrations` travels in the manifest instead. Shipped
 * reference data (tables commented 'reference data…': the ICD-10-CM and HCPCS code sets) is
 * not the practice's: a backup leaves it out, and the migrate that ends a restore loads it
 * from the files this version ships (packages/db/src/reference-data.ts).
 */
import pg from 'pg';

export interface TableInfo {
  name: string;
  /** Columns written to the backup: every column except stored generated ones. */
  columns: string[];
  /** Identity columns (GENERATED ALWAYS needs OVERRIDING SYSTEM VALUE on load). */
  identityColumns: string[];
  primaryKey: string[];
}

export interface ForeignKey {
  name: string;
  child: string;
  childColumns: string[];
  parent: string;
  parentColumns: string[];
}

type Queryable = Pick<pg.ClientBase, 'query'>;

export const ident = (name: string) => pg.escapeIdentifier(name);
export const qualified = (table: string) => `public.${ident(table)}`;

/** The tables a backup covers; `includeReference` adds the shipped reference-data tables (reading an older backup that holds them). */
export async function listTables(client: Queryable, opts: { includeReference?: boolean } = {}): Promise<TableInfo[]> {
  const { rows } = await client.query<{ name: string; columns: string[]; identity: string[]; pk: string[] | null }>(
    `select c.relname as name,
            array(select a.attname::text from pg_attribute a
                   where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
                   order by a.attnum) as columns,
            array(select a.attname::text from pg_attribute a
                   where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attidentity <> ''
                   order by a.attnum) as identity,
            (select array(select a.attname::text from unnest(i.indkey) with ordinality k(attnum, ord)
                            join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum order by k.ord)
               from pg_index i where i.indrelid = c.oid and i.indisprimary) as pk
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition and c.relname <> 'schema_migrations'
        and ($1 or coalesce(obj_description(c.oid, 'pg_class'), '') not like 'reference data%')
      order by c.relname`,
    [opts.includeReference === true],
  );
  return rows.map((r) => ({ name: r.name, columns: r.columns, identityColumns: r.identity, primaryKey: r.pk ?? [] }));
}

/** The comment prefix a trigger that checks references instead of foreign keys carries, before their JSON list. */
const TRIGGER_CHECKED_PREFIX = 'checks references ';

/**
 * The declared foreign keys, and the references statement triggers check instead (migration
 * 0290's journal_lines_parents): each such trigger's comment lists them (migration 0291), so a
 * restore orders and checks them too. A trigger reference a declared key also covers is left out.
 */
export async function listForeignKeys(client: Queryable): Promise<ForeignKey[]> {
  const keys = await listDeclaredForeignKeys(client);
  const { rows } = await client.query<{ child: string; trigger: string; comment: string }>(
    `select c.relname as child, t.tgname as trigger, obj_description(t.oid, 'pg_trigger') as comment
       from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and not t.tgisinternal and starts_with(obj_description(t.oid, 'pg_trigger'), $1)
      order by c.relname, t.tgname`,
    [TRIGGER_CHECKED_PREFIX],
  );
  const declared = (r: ForeignKey) => keys.some((k) => k.child === r.child && k.childColumns.join() === r.childColumns.join());
  const checked = rows.flatMap((t) =>
    (JSON.parse(t.comment.slice(TRIGGER_CHECKED_PREFIX.length)) as Omit<ForeignKey, 'child'>[]).map((r) => ({
      ...r,
      name: `${t.trigger} (${r.name})`,
      child: t.child,
    })),
  );
  return [...keys, ...checked.filter((r) => !declared(r))];
}

async function listDeclaredForeignKeys(client: Queryable): Promise<ForeignKey[]> {
  const { rows } = await client.query<ForeignKey>(
    `select con.conname as name, ch.relname as child, pa.relname as parent,
            array(select a.attname::text from unnest(con.conkey) with ordinality k(n, o)
                    join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.n order by k.o) as "childColumns",
            array(select a.attname::text from unnest(con.confkey) with ordinality k(n, o)
                    join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.n order by k.o) as "parentColumns"
       from pg_constraint con
       join pg_class ch on ch.oid = con.conrelid
       join pg_class pa on pa.oid = con.confrelid
       join pg_namespace n on n.oid = con.connamespace
      where con.contype = 'f' and n.nspname = 'public'
      order by ch.relname, con.conname`,
  );
  return rows;
}

export async function listSequences(client: Queryable): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'S' order by c.relname`,
  );
  return rows.map((r) => r.name);
}

/**
 * Tables ordered so that every table comes after the tables it references, which
 * lets a restore load without disabling foreign keys. Cycles (and self-references)
 * fall back to name order for the tables involved.
 */
export function foreignKeyOrder(tables: TableInfo[], fks: ForeignKey[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const deps = new Map(tables.map((t) => [t.name, new Set<string>()]));
  for (const fk of fks) {
    if (fk.child !== fk.parent && byName.has(fk.parent)) deps.get(fk.child)?.add(fk.parent);
  }
  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter((t) => !placed.has(t.name) && [...(deps.get(t.name) ?? [])].every((d) => placed.has(d)));
    // A cycle: take the first unplaced table by name and carry on.
    const next = ready.length ? ready : [tables.find((t) => !placed.has(t.name)) as TableInfo];
    for (const t of next) {
      placed.add(t.name);
      ordered.push(t);
    }
  }
  return ordered;
}
