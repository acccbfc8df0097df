import { describe, expect, it } from 'vitest';
import { capTypos, rankTypos, typoBudget } from './expand-name-terms.ts';

describe('typoBudget', () => {
  it('allows no edit up to 2 letters, 1 up to 5, and 2 from 6 on', () => {
    const budgets = ['', 'a', 'ab', 'abc', 'abcd', 'abcde', 'abcdef', 'abcdefghijkl'].map(typoBudget);
    expect(budgets).toEqual([0, 0, 0, 1, 1, 1, 2, 2]);
  });
});

describe('rankTypos', () => {
  const c = (w: string, n = 1, alike = true) => ({ w, n, alike });

  it('keeps words within the budget (one more for a sound-alike), nearest first, then the most common', () => {
    const ranked = rankTypos(
      'nguyne',
      [c('nguyn'), c('nguye'), c('nguyen', 900), c('nguyeen', 3), c('ngyuen', 2), c('nagyane', 50, false)],
      10,
    );
    // One swap (Damerau 1) ranks with one deletion; the common word first among them.
    expect(ranked.map((r) => r.w)).toEqual(['nguyen', 'nguye', 'nguyn', 'nguyeen', 'ngyuen']);
    expect(ranked.map((r) => r.d)).toEqual([1, 1, 1, 2, 2]);
  });

  it('caps the list and is the same for the same candidates in any order', () => {
    const words = Array.from({ length: 40 }, (_, i) => c(`smit${String.fromCharCode(97 + (i % 26))}${i >= 26 ? 'h' : ''}`, i % 5));
    const a = rankTypos('smith', words, 12);
    const b = rankTypos('smith', [...words].reverse(), 12);
    expect(a).toHaveLength(12);
    expect(b).toEqual(a);
  });

  it('drops the token itself, repeats, and sound-alikes past the extra edit', () => {
    expect(rankTypos('smith', [c('smith', 100), c('smyth'), c('smyth'), c('schmidt', 80)], 10)).toEqual([{ w: 'smyth', d: 1 }]);
  });
});

describe('capTypos', () => {
  it('keeps the nearest over all tokens, earlier tokens first on a tie', () => {
    const kept = capTypos(
      [
        [
          { w: 'a1', d: 1 },
          { w: 'a2', d: 2 },
        ],
        [
          { w: 'b1', d: 1 },
          { w: 'b2', d: 2 },
        ],
      ],
      3,
    );
    expect(kept).toEqual([
      [
        { w: 'a1', d: 1 },
        { w: 'a2', d: 2 },
      ],
      [{ w: 'b1', d: 1 }],
    ]);
  });
});
