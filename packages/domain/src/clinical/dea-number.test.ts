import { describe, expect, it } from 'vitest';
import { deaWithCheckDigit, isValidDea } from './dea-number.ts';

describe('DEA numbers', () => {
  it('accepts the published example and refuses a wrong check digit or shape', () => {
    // 1+3+5 = 9; 2×(2+4+6) = 24; 33 → 3.
    expect(isValidDea('AB1234563')).toBe(true);
    expect(isValidDea('AB1234564')).toBe(false);
    expect(isValidDea('A91234563')).toBe(true);
    expect(isValidDea('ab1234563')).toBe(false);
    expect(isValidDea('AB123456')).toBe(false);
    expect(isValidDea('1B1234563')).toBe(false);
  });

  it('builds numbers that pass', () => {
    expect(deaWithCheckDigit('BM', '765432')).toMatch(/^BM765432\d$/);
    expect(isValidDea(deaWithCheckDigit('BM', '765432'))).toBe(true);
  });
});
