import { describe, expect, it } from 'vitest';
import { keyset } from './cursor.ts';

const keys = keyset('instant', 'uuid', 'int');
const id = '0b6f3c1e-7a52-4c1f-9d3e-2f4a5b6c7d8e';

describe('keyset cursors', () => {
  it('round-trips the key of the last row shown and cuts the page at limit', () => {
    const rows = [1, 2, 3].map((n) => ({ at: new Date(Date.UTC(2026, 0, n)), id, n }));
    const { page, nextCursor } = keys.page(rows, 2, (r) => [r.at, r.id, r.n]);
    expect(page.map((r) => r.n)).toEqual([1, 2]);
    expect(keys.decode(nextCursor)).toEqual([new Date(Date.UTC(2026, 0, 2)), id, 2]);
    expect(keys.page(rows, 3, (r) => [r.at, r.id, r.n]).nextCursor).toBeNull();
    expect(keys.decode(undefined)).toBeNull();
  });

  it('refuses a cursor of another shape as a 400 naming cursor', () => {
    const json = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const bad = [
      'not-base64-json',
      json([1, 2]),
      json(['2026-01-01T00:00:00Z', 'not-a-uuid', 1]),
      json(['yesterday', id, 1]),
      json(['2026-01-01T00:00:00Z', id, 1.5]),
      json({ at: '2026-01-01T00:00:00Z' }),
    ];
    for (const c of bad)
      expect(() => keys.decode(c), c).toThrowError(
        expect.objectContaining({ status: 400, errors: [expect.objectContaining({ path: 'cursor' })] }),
      );
    expect(() => keyset('date').decode(json(['2026-13-45']))).toThrowError(expect.objectContaining({ status: 400 }));
  });
});
