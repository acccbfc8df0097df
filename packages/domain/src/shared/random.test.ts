import { describe, expect, it } from 'vitest';
import { seededRandom } from './random.ts';

describe('seededRandom', () => {
  it('repeats the same sequence for the same seed, and another for another seed', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const seqA = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(seqA);
  });

  it('treats seeds modulo 2^32 (so demo data does not depend on how the seed was written)', () => {
    expect(seededRandom(2 ** 32 + 5).next()).toBe(seededRandom(5).next());
    expect(seededRandom(-1).next()).toBe(seededRandom(2 ** 32 - 1).next());
  });

  it('next() stays in [0, 1)', () => {
    const r = seededRandom(1);
    for (let i = 0; i < 10_000; i++) {
      const x = r.next();
      if (!(x >= 0 && x < 1)) expect.fail(`next() gave ${x}`);
    }
  });

  it('int(min, max) includes both ends and nothing outside them', () => {
    const r = seededRandom(2);
    const seen = new Set<number>();
    for (let i = 0; i < 2_000; i++) {
      const x = r.int(3, 9);
      if (!Number.isInteger(x) || x < 3 || x > 9) expect.fail(`int(3, 9) gave ${x}`);
      seen.add(x);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(r.int(5, 5)).toBe(5);
  });

  it('pick() reaches every item, and chance() respects 0 and 1', () => {
    const r = seededRandom(3);
    const items = ['a', 'b', 'c', 'd'] as const;
    const seen = new Set(Array.from({ length: 500 }, () => r.pick(items)));
    expect([...seen].sort()).toEqual(['a', 'b', 'c', 'd']);
    for (let i = 0; i < 500; i++) {
      expect(r.chance(0)).toBe(false);
      expect(r.chance(1)).toBe(true);
    }
  });
});
