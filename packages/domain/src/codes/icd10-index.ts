/**
 * ICD-10-CM in this process's memory: the code set is the same for every practice and changes
 * only with a new release, so searching it as you type needs no database round trip. The index
 * is built from `icd10cm_codes` in search order (billable first, shorter first, then by code) and
 * answers exactly what the database search (search-icd10.ts) answers; until it is built, or when
 * it cannot be, searches go to the database.
 *
 * Layout: the rows in search order; per code length, the rows sorted by code key (a code prefix
 * is one binary search and a walk of at most `limit` rows per length); the description words as
 * a sorted vocabulary, each row's words as vocabulary ids, and each word's rows (ascending, which
 * is search order). A typed word matches the rows holding a vocabulary word it begins: one
 * contiguous id range. A word search starts from the query's rarest word: when it is rare, its
 * words' row lists are merged in search order as far as the page needs and checked against the
 * other words; when even the rarest is
 * common, the first rows in search order are checked as they come (matches come early), and
 * only a page not full after DIRECT_WALK rows marks the word's rows and walks the marks. It
 * stops at the page: its cost is bounded by DIRECT_WALK rows plus that word's rows plus at most
 * one pass over the marks, whatever the query.
 *
 * Freshness: `refreshIcd10Index` compares the loaded release's SHA-256 (reference_data_sets) with
 * the one the index was built from and rebuilds when they differ; the server runs it at start
 * and every minute (`icd10IndexTask`).
 */
import { referenceWords } from '@db/reference-keys.ts';
import { sql } from 'kysely';
import type { Db } from '../shared/context.ts';
import { PeriodicTask } from '../shared/periodic-task.ts';
import { icd10KeyPrefix } from './code-shapes.ts';
import type { Icd10Code } from './find-icd10-codes.ts';
import { WORD_SEARCH_BOUNDS } from './word-terms.ts';

/** Longest ICD-10-CM code without its dot (the shortest is 3). */
const MAX_CODE_LENGTH = 7;
/** A word is rare when its rows are fewer than 1/SPARSE of the code set: merging them beats walking marks. */
const SPARSE = 16;
/** Rows a common word's search checks in order before it marks the word's rows (a one-letter word fills a page within a few dozen). */
const DIRECT_WALK = 2048;
/** Word beginnings up to this length have their vocabulary run kept (`runs`). */
const PREFIX_RUN = 3;

interface Row extends Icd10Code {
  key: string;
  /** Its place in search order (its index in `rows` and `codes`). */
  rank: number;
}

export class Icd10Index {
  private readonly rows: readonly Row[];
  private readonly byLength = new Map<number, Row[]>();
  /** Each row's answer, made once: a search allocates no code objects (callers must not change them). */
  private readonly codes: readonly Icd10Code[];
  private readonly vocab: string[];
  /**
   * The vocabulary run of every word beginning of 1 to PREFIX_RUN characters, as [lo, hi) ids:
   * a typed word that short is one lookup, a longer one a binary search inside its beginning's run.
   */
  private readonly runs = new Map<string, Int32Array>();
  /** rowWordStart[i]..rowWordStart[i+1]: row i's word ids in rowWords. */
  private readonly rowWordStart: Int32Array;
  private readonly rowWords: Int32Array;
  /** wordRowStart[w]..wordRowStart[w+1]: word w's rows (ascending) in wordRows. */
  private readonly wordRowStart: Int32Array;
  private readonly wordRows: Int32Array;
  /** Scratch marks for a word search: row i is a candidate when marks[i] === stamp. */
  private readonly marks: Uint32Array;
  private stamp = 0;

  constructor(
    /** The release the index was built from (reference_data_sets SHA-256). */
    readonly version: string,
    codeRows: readonly Omit<Row, 'rank'>[],
  ) {
    const rows: Row[] = codeRows.map((r, rank) => ({ ...r, rank }));
    this.rows = rows;
    for (const r of rows) {
      const list = this.byLength.get(r.key.length) ?? [];
      list.push(r);
      this.byLength.set(r.key.length, list);
    }
    for (const list of this.byLength.values()) list.sort((a, b) => compare(a.key, b.key));

    this.codes = rows.map((r) => Object.freeze({ code: r.code, description: r.description, billable: r.billable }));
    const wordsOf = rows.map((r) => referenceWords(r.description));
    this.vocab = [...new Set(wordsOf.flat())].sort(compare);
    for (let w = 0; w < this.vocab.length; w++) {
      const word = this.vocab[w] as string;
      for (let n = 1; n <= Math.min(PREFIX_RUN, word.length); n++) {
        const run = this.runs.get(word.slice(0, n));
        // The vocabulary is sorted: the words beginning alike are contiguous.
        if (run) run[1] = w + 1;
        else this.runs.set(word.slice(0, n), Int32Array.of(w, w + 1));
      }
    }
    const id = new Map(this.vocab.map((w, i) => [w, i]));
    this.rowWordStart = new Int32Array(rows.length + 1);
    let total = 0;
    for (const [i, ws] of wordsOf.entries()) {
      this.rowWordStart[i] = total;
      total += ws.length;
    }
    this.rowWordStart[rows.length] = total;
    this.rowWords = new Int32Array(total);
    const counts = new Int32Array(this.vocab.length);
    for (const [i, ws] of wordsOf.entries()) {
      ws.forEach((w, k) => {
        const wid = id.get(w) as number;
        this.rowWords[(this.rowWordStart[i] as number) + k] = wid;
        counts[wid] = (counts[wid] as number) + 1;
      });
    }
    this.wordRowStart = new Int32Array(this.vocab.length + 1);
    for (let w = 0; w < this.vocab.length; w++) this.wordRowStart[w + 1] = (this.wordRowStart[w] as number) + (counts[w] as number);
    this.wordRows = new Int32Array(total);
    const fill = this.wordRowStart.slice(0, this.vocab.length);
    for (let i = 0; i < rows.length; i++) {
      for (let k = this.rowWordStart[i] as number; k < (this.rowWordStart[i + 1] as number); k++) {
        const wid = this.rowWords[k] as number;
        this.wordRows[fill[wid] as number] = i;
        fill[wid] = (fill[wid] as number) + 1;
      }
    }
    this.marks = new Uint32Array(rows.length);
  }

  get size(): number {
    return this.rows.length;
  }

  /** The same answer as the database search for `q` (search-icd10.ts). */
  search(q: string, limit: number, billableOnly: boolean): Icd10Code[] {
    const typed = q.trim();
    if (!typed) return [];
    const prefix = icd10KeyPrefix(typed);
    if (prefix) {
      const found = this.byCode(prefix, limit, billableOnly);
      if (found.length) return found;
    }
    return this.byWords(typed, limit, billableOnly);
  }

  private byCode(prefix: string, limit: number, billableOnly: boolean): Icd10Code[] {
    const out: Row[] = [];
    for (let n = Math.max(3, prefix.length); n <= MAX_CODE_LENGTH; n++) {
      const list = this.byLength.get(n);
      if (!list) continue;
      let taken = 0;
      for (let i = lowerBound(list, prefix); i < list.length && taken < limit; i++) {
        const r = list[i] as Row;
        if (!r.key.startsWith(prefix)) break;
        if (billableOnly && !r.billable) continue;
        out.push(r);
        taken++;
      }
    }
    // Each length's rows came in code order, shorter lengths first: that is the answer's order.
    if (out.length > limit) out.length = Math.max(0, Math.trunc(limit));
    const page: Icd10Code[] = new Array(out.length);
    for (let i = 0; i < out.length; i++) page[i] = this.codes[(out[i] as Row).rank] as Icd10Code;
    return page;
  }

  /** The vocabulary words beginning with `token`, as one [lo, hi) run of ids; null when none does. */
  private wordRun(token: string): Int32Array | null {
    if (token.length <= PREFIX_RUN) return this.runs.get(token) ?? null;
    const run = this.runs.get(token.slice(0, PREFIX_RUN));
    if (!run) return null;
    const lo = lowerBoundWord(this.vocab, token, run[0] as number, run[1] as number);
    const hi = lowerBoundWord(this.vocab, `${token}\uffff`, lo, run[1] as number);
    return hi === lo ? null : Int32Array.of(lo, hi);
  }

  private byWords(typed: string, limit: number, billableOnly: boolean): Icd10Code[] {
    const tokens = referenceWords(typed);
    const ranges: Int32Array[] = [];
    for (let t = 0; t < tokens.length && t < WORD_SEARCH_BOUNDS.tokens; t++) {
      const run = this.wordRun(tokens[t] as string);
      if (!run) return [];
      ranges.push(run);
    }
    if (!ranges.length) return [];
    // The rarest word drives the walk; the others are checked row by row.
    let rarest = ranges[0] as Int32Array;
    for (let t = 1; t < ranges.length; t++)
      if (this.rowsIn(ranges[t] as Int32Array) < this.rowsIn(rarest)) rarest = ranges[t] as Int32Array;
    const others = ranges.filter((r) => r !== rarest);
    const from = this.wordRowStart[rarest[0] as number] as number;
    const to = this.wordRowStart[rarest[1] as number] as number;
    const out: Icd10Code[] = [];
    if ((to - from) * SPARSE < this.rows.length) {
      // A rare word: its rows in search order, merged from each vocabulary word's ascending rows
      // as they are needed, checked one by one; a page filled early reads no further.
      const merge = new AscendingMerge(this.wordRows, this.wordRowStart, rarest[0] as number, rarest[1] as number);
      let previous = -1;
      for (let i = merge.next(); i !== -1 && out.length < limit; i = merge.next()) {
        if (i !== previous) this.take(i, others, billableOnly, out);
        previous = i;
      }
      return out;
    }
    // A common word (at least 1 row in SPARSE holds it): walking the rows in search order meets
    // its matches early, so the first DIRECT_WALK rows are checked as they come; only a page not
    // full by then marks the word's rows and walks the marks from there.
    const direct = Math.min(this.rows.length, DIRECT_WALK);
    for (let i = 0; i < direct && out.length < limit; i++) if (this.rowHasWordIn(i, rarest)) this.take(i, others, billableOnly, out);
    if (out.length >= limit || direct === this.rows.length) return out;
    this.stamp = this.stamp === 0xffffffff ? 1 : this.stamp + 1;
    if (this.stamp === 1) this.marks.fill(0);
    let first = this.rows.length;
    for (let k = from; k < to; k++) {
      const i = this.wordRows[k] as number;
      if (i < direct) continue;
      this.marks[i] = this.stamp;
      if (i < first) first = i;
    }
    for (let i = first; i < this.rows.length && out.length < limit; i++)
      if (this.marks[i] === this.stamp) this.take(i, others, billableOnly, out);
    return out;
  }

  private rowsIn(run: Int32Array): number {
    return (this.wordRowStart[run[1] as number] as number) - (this.wordRowStart[run[0] as number] as number);
  }

  /** Adds row i to the page when it is wanted and holds a word of every other run. */
  private take(i: number, others: readonly Int32Array[], billableOnly: boolean, out: Icd10Code[]): void {
    const code = this.codes[i] as Icd10Code;
    if (billableOnly && !code.billable) return;
    for (const run of others) if (!this.rowHasWordIn(i, run)) return;
    out.push(code);
  }

  private rowHasWordIn(i: number, run: Int32Array): boolean {
    const lo = run[0] as number;
    const hi = run[1] as number;
    for (let k = this.rowWordStart[i] as number; k < (this.rowWordStart[i + 1] as number); k++) {
      const w = this.rowWords[k] as number;
      if (w >= lo && w < hi) return true;
    }
    return false;
  }
}

/**
 * The rows of vocabulary words lo..hi-1 in ascending order (a row holding two of them comes
 * twice, one after the other): a k-way merge of their ascending row lists on a binary heap.
 */
class AscendingMerge {
  /** Per word of the range: where its next row is in `rows`, and where its rows end. */
  private readonly at: Int32Array;
  private readonly end: Int32Array;
  /** Word offsets (0..k-1) whose lists have rows left, as a min-heap on their next row. */
  private readonly heap: Int32Array;
  private size = 0;

  constructor(
    private readonly rows: Int32Array,
    starts: Int32Array,
    lo: number,
    hi: number,
  ) {
    const k = hi - lo;
    this.at = starts.slice(lo, hi);
    this.end = starts.slice(lo + 1, hi + 1);
    this.heap = new Int32Array(k);
    for (let w = 0; w < k; w++) if ((this.at[w] as number) < (this.end[w] as number)) this.heap[this.size++] = w;
    for (let i = (this.size >> 1) - 1; i >= 0; i--) this.down(i);
  }

  /** The next row, or -1 when every list is done. */
  next(): number {
    if (this.size === 0) return -1;
    const w = this.heap[0] as number;
    const at = this.at[w] as number;
    const row = this.rows[at] as number;
    if (at + 1 < (this.end[w] as number)) this.at[w] = at + 1;
    else this.heap[0] = this.heap[--this.size] as number;
    if (this.size > 0) this.down(0);
    return row;
  }

  private head(w: number): number {
    return this.rows[this.at[w] as number] as number;
  }

  private down(i: number): void {
    const { heap, size } = this;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= size) return;
      const r = l + 1;
      const c = r < size && this.head(heap[r] as number) < this.head(heap[l] as number) ? r : l;
      if (this.head(heap[c] as number) >= this.head(heap[i] as number)) return;
      const t = heap[i] as number;
      heap[i] = heap[c] as number;
      heap[c] = t;
      i = c;
    }
  }
}

/** Code-point order (codes and folded words are compared as PostgreSQL's C collation would; keys are A-Z0-9). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function lowerBound(list: readonly Row[], key: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as Row).key < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function lowerBoundWord(vocab: readonly string[], word: string, from: number, to: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((vocab[mid] as string) < word) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

let current: Icd10Index | null = null;

/** The index, once built (null before: search the database). */
export function icd10Index(): Icd10Index | null {
  return current;
}

/** Forget the index (tests that compare it with the database search). */
export function dropIcd10Index(): void {
  current = null;
}

/**
 * Builds the index when the loaded ICD-10-CM release differs from the one in memory (or none is).
 * Answers whether it (re)built. Reads only reference data.
 */
export async function refreshIcd10Index(db: Db): Promise<boolean> {
  const loaded = await sql<{ version: string | null }>`
    select string_agg(sha256, ',' order by name) as version from reference_data_sets where name like 'icd10cm%'`.execute(db);
  const version = loaded.rows[0]?.version ?? null;
  if (!version) {
    current = null;
    return false;
  }
  if (current?.version === version) return false;
  const rows = await sql<{ code: string; key: string; description: string; billable: boolean }>`
    select code, code_key as key, description, billable from icd10cm_codes order by search_rank`.execute(db);
  current = new Icd10Index(version, rows.rows);
  return true;
}

/** Keeps the index current in a serving process: built at start, checked every minute. */
export function icd10IndexTask(deps: { db: Db; log: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void } }) {
  return new PeriodicTask(
    async () => {
      const started = Date.now();
      if (await refreshIcd10Index(deps.db))
        deps.log.info({ codes: current?.size, ms: Date.now() - started }, 'ICD-10-CM search index built');
    },
    60_000,
    (err) => deps.log.warn({ err }, 'ICD-10-CM search index not built; searching the database'),
  );
}
