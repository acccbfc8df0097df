import { describe, expect, it } from 'vitest';
import { seededRandom } from '../shared/random.ts';
import { containedIn, type Interval, normalize, overlapsAny, subtract } from './intervals.ts';

/**
 * A brute-force model: an interval list as the set of integer points it covers, on a small
 * line 0..N. Half-open [s, e) covers s..e-1, so two intervals that touch share no point.
 */
const N = 60;
const points = (list: readonly Interval[]): boolean[] => {
  const out = Array<boolean>(N).fill(false);
  for (const [s, e] of list) for (let x = Math.max(0, s); x < Math.min(N, e); x++) out[x] = true;
  return out;
};

/** Normalized: sorted, non-empty, neither overlapping nor touching. */
const isNormalized = (list: readonly Interval[]) => list.every(([s, e], i) => s < e && (i === 0 || (list[i - 1] as Interval)[1] < s));

function randomList(rnd: ReturnType<typeof seededRandom>, max = 6): Interval[] {
  return Array.from({ length: rnd.int(0, max) }, () => {
    const s = rnd.int(0, N - 1);
    // Some empty and some reversed intervals, which normalize must drop.
    return [s, s + rnd.int(-2, 15)] as const;
  });
}

describe('normalize', () => {
  it('returns nothing for nothing, and drops empty and reversed intervals', () => {
    expect(normalize([])).toEqual([]);
    expect(normalize([[5, 5]])).toEqual([]);
    expect(normalize([[9, 3]])).toEqual([]);
    expect(
      normalize([
        [5, 5],
        [1, 2],
        [7, 4],
      ]),
    ).toEqual([[1, 2]]);
  });

  it('sorts unsorted input', () => {
    expect(
      normalize([
        [20, 30],
        [0, 5],
        [10, 15],
      ]),
    ).toEqual([
      [0, 5],
      [10, 15],
      [20, 30],
    ]);
  });

  it('merges overlapping, contained and touching intervals (touching ones leave no gap to book)', () => {
    expect(
      normalize([
        [0, 10],
        [5, 15],
      ]),
    ).toEqual([[0, 15]]);
    expect(
      normalize([
        [0, 30],
        [5, 10],
      ]),
    ).toEqual([[0, 30]]);
    expect(
      normalize([
        [0, 10],
        [10, 20],
      ]),
    ).toEqual([[0, 20]]);
    expect(
      normalize([
        [10, 20],
        [0, 10],
        [20, 25],
      ]),
    ).toEqual([[0, 25]]);
    // A later-starting interval that ends earlier must not shorten the merged one.
    expect(
      normalize([
        [0, 50],
        [10, 20],
        [30, 40],
      ]),
    ).toEqual([[0, 50]]);
  });

  it('keeps intervals separated by a gap apart, however small', () => {
    expect(
      normalize([
        [0, 10],
        [11, 20],
      ]),
    ).toEqual([
      [0, 10],
      [11, 20],
    ]);
  });

  it('does not change its input', () => {
    const input: Interval[] = [
      [10, 20],
      [0, 15],
    ];
    normalize(input);
    expect(input).toEqual([
      [10, 20],
      [0, 15],
    ]);
  });

  it('covers exactly the points of its input, as a normalized list (random lists)', () => {
    const rnd = seededRandom(1);
    for (let i = 0; i < 500; i++) {
      const list = randomList(rnd, 8);
      const out = normalize(list);
      expect(isNormalized(out), JSON.stringify(list)).toBe(true);
      expect(points(out), JSON.stringify(list)).toEqual(points(list));
    }
  });
});

describe('subtract', () => {
  it('handles empty lists on either side', () => {
    expect(subtract([], [])).toEqual([]);
    expect(subtract([], [[0, 10]])).toEqual([]);
    expect(subtract([[0, 10]], [])).toEqual([[0, 10]]);
  });

  it('cuts a hole, trims either end, or removes an interval entirely', () => {
    expect(subtract([[0, 60]], [[20, 30]])).toEqual([
      [0, 20],
      [30, 60],
    ]);
    expect(subtract([[0, 60]], [[-10, 10]])).toEqual([[10, 60]]);
    expect(subtract([[0, 60]], [[50, 70]])).toEqual([[0, 50]]);
    expect(subtract([[10, 20]], [[0, 30]])).toEqual([]);
    expect(subtract([[10, 20]], [[10, 20]])).toEqual([]);
  });

  it('leaves an interval alone when what is taken away only touches it', () => {
    expect(subtract([[10, 20]], [[0, 10]])).toEqual([[10, 20]]);
    expect(subtract([[10, 20]], [[20, 30]])).toEqual([[10, 20]]);
    expect(
      subtract(
        [[10, 20]],
        [
          [0, 10],
          [20, 30],
        ],
      ),
    ).toEqual([[10, 20]]);
  });

  it('takes several holes out of one interval, and one long interval out of several', () => {
    expect(
      subtract(
        [[0, 100]],
        [
          [10, 20],
          [30, 40],
          [90, 120],
        ],
      ),
    ).toEqual([
      [0, 10],
      [20, 30],
      [40, 90],
    ]);
    expect(
      subtract(
        [
          [0, 10],
          [20, 30],
          [40, 50],
        ],
        [[5, 45]],
      ),
    ).toEqual([
      [0, 5],
      [45, 50],
    ]);
  });

  it('equals the set difference of its normalized inputs (random lists)', () => {
    const rnd = seededRandom(2);
    for (let i = 0; i < 500; i++) {
      const a = normalize(randomList(rnd));
      const b = normalize(randomList(rnd));
      const out = subtract(a, b);
      const want = points(a).map((x, k) => x && !points(b)[k]);
      const msg = JSON.stringify({ a, b });
      expect(points(out), msg).toEqual(want);
      // Sorted and non-empty; pieces of different `a` intervals may not merge, but never overlap.
      expect(
        out.every(([s, e], k) => s < e && (k === 0 || (out[k - 1] as Interval)[1] <= s)),
        msg,
      ).toBe(true);
    }
  });
});

describe('overlapsAny', () => {
  const list = normalize([
    [10, 20],
    [30, 40],
    [50, 60],
  ]);

  it('is false for an empty list', () => {
    expect(overlapsAny([], 0, 100)).toBe(false);
  });

  it('is false for a range that only touches an interval at either end', () => {
    expect(overlapsAny(list, 0, 10)).toBe(false);
    expect(overlapsAny(list, 20, 30)).toBe(false);
    expect(overlapsAny(list, 40, 50)).toBe(false);
    expect(overlapsAny(list, 60, 70)).toBe(false);
  });

  it('is true for a range that shares any time with an interval', () => {
    expect(overlapsAny(list, 0, 11)).toBe(true);
    expect(overlapsAny(list, 19, 30)).toBe(true);
    expect(overlapsAny(list, 32, 33)).toBe(true);
    expect(overlapsAny(list, 0, 100)).toBe(true);
    expect(overlapsAny(list, 59, 61)).toBe(true);
  });

  it('agrees with the brute-force model for every range on the line (random lists)', () => {
    const rnd = seededRandom(3);
    for (let i = 0; i < 100; i++) {
      const l = normalize(randomList(rnd, 8));
      const covered = points(l);
      for (let s = 0; s < N; s++) {
        for (let e = s + 1; e <= N; e++) {
          const want = covered.slice(s, e).some(Boolean);
          if (overlapsAny(l, s, e) !== want) expect.fail(`overlapsAny(${JSON.stringify(l)}, ${s}, ${e}) should be ${want}`);
        }
      }
    }
  });
});

describe('containedIn', () => {
  const list = normalize([
    [10, 20],
    [30, 40],
  ]);

  it('is false for an empty list', () => {
    expect(containedIn([], 0, 1)).toBe(false);
  });

  it('accepts a range that fills an interval exactly or sits inside it', () => {
    expect(containedIn(list, 10, 20)).toBe(true);
    expect(containedIn(list, 12, 18)).toBe(true);
    expect(containedIn(list, 30, 31)).toBe(true);
  });

  it('refuses a range sticking out at either end, spanning a gap, or in a gap', () => {
    expect(containedIn(list, 9, 15)).toBe(false);
    expect(containedIn(list, 15, 21)).toBe(false);
    expect(containedIn(list, 15, 35)).toBe(false);
    expect(containedIn(list, 22, 28)).toBe(false);
    expect(containedIn(list, 41, 45)).toBe(false);
  });

  it('agrees with the brute-force model for every range on the line (random lists)', () => {
    const rnd = seededRandom(4);
    for (let i = 0; i < 100; i++) {
      const l = normalize(randomList(rnd, 8));
      for (let s = 0; s < N; s++) {
        for (let e = s + 1; e <= N; e++) {
          const want = l.some(([a, b]) => a <= s && e <= b);
          if (containedIn(l, s, e) !== want) expect.fail(`containedIn(${JSON.stringify(l)}, ${s}, ${e}) should be ${want}`);
        }
      }
    }
  });
});
