import { invalid } from './errors.ts';

/**
 * Keyset pagination cursors, one way for every list: a cursor is the sort key of the last row
 * shown, as a base64url JSON array, checked part by part when it comes back (anything else is a
 * 400 naming `cursor`, never a 500 or a silently wrong page). A list declares its key's parts
 * once (`keyset('instant', 'uuid')`) and uses the same object to read the cursor and to cut the
 * page:
 *
 *   const cursor = remittanceKeys.decode(q.cursor);  // [Date, string] | null
 *   if (cursor) query = query.where(sql`(created_at, id) < (${cursor[0]}, ${cursor[1]}::uuid)`);
 *   const { page, nextCursor } = remittanceKeys.page(await query.limit(q.limit + 1).execute(), q.limit, (r) => [r.created_at, r.id]);
 */
export type CursorPart = 'instant' | 'uuid' | 'date' | 'int' | 'text';

type PartValue<P extends CursorPart> = P extends 'instant' ? Date : P extends 'int' ? number : string;
export type CursorValues<P extends readonly CursorPart[]> = { -readonly [K in keyof P]: PartValue<P[K]> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function readPart(part: CursorPart, raw: unknown): unknown {
  switch (part) {
    case 'instant': {
      if (typeof raw !== 'string') return undefined;
      const d = new Date(raw);
      return Number.isNaN(d.getTime()) ? undefined : d;
    }
    case 'uuid':
      return typeof raw === 'string' && UUID.test(raw) ? raw : undefined;
    case 'date':
      return typeof raw === 'string' && DATE.test(raw) && !Number.isNaN(Date.parse(`${raw}T00:00:00Z`)) ? raw : undefined;
    case 'int':
      return Number.isSafeInteger(raw) ? raw : undefined;
    case 'text':
      return typeof raw === 'string' && raw.length <= 500 ? raw : undefined;
  }
}

export interface Keyset<P extends readonly CursorPart[]> {
  encode(values: CursorValues<P>): string;
  /** The key a cursor carries, or null without one; a malformed cursor throws a 400 naming `cursor`. */
  decode(cursor: string | undefined | null): CursorValues<P> | null;
  /** Cut a page from rows read with `limit + 1`: the rows to show and the cursor of the next page. */
  page<T>(rows: readonly T[], limit: number, keyOf: (row: T) => CursorValues<P>): { page: T[]; nextCursor: string | null };
}

export function keyset<const P extends readonly CursorPart[]>(...parts: P): Keyset<P> {
  const encode = (values: CursorValues<P>) =>
    Buffer.from(JSON.stringify((values as unknown[]).map((v) => (v instanceof Date ? v.toISOString() : v)))).toString('base64url');
  return {
    encode,
    decode(cursor) {
      if (!cursor) return null;
      let raw: unknown;
      try {
        raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
      } catch {
        raw = undefined;
      }
      if (!Array.isArray(raw) || raw.length !== parts.length) throw invalid('cursor', 'not a cursor from this list');
      const values = parts.map((p, i) => readPart(p, raw[i]));
      if (values.some((v) => v === undefined)) throw invalid('cursor', 'not a cursor from this list');
      return values as CursorValues<P>;
    },
    page(rows, limit, keyOf) {
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return { page, nextCursor: rows.length > limit && last !== undefined ? encode(keyOf(last)) : null };
    },
  };
}
