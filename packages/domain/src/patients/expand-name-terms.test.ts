import { describe, expect, it } from 'vitest';
import { typoBudget } from './expand-name-terms.ts';

describe('typoBudget', () => {
  it('allows no edit up to 2 letters, 1 up to 5, and 2 from 6 on', () => {
    const budgets = ['', 'a', 'ab', 'abc', 'abcd', 'abcde', 'abcdef', 'abcdefghijkl'].map(typoBudget);
    expect(budgets).toEqual([0, 0, 0, 1, 1, 1, 2, 2]);
  });
});
