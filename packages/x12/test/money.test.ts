import { formatCents, parseAmountToCents, X12Error } from '@x12/index.ts';
import { describe, expect, it } from 'vitest';

describe('parseAmountToCents', () => {
  it.each([
    ['-1.27', -127],
    ['150000', 15000000],
    ['150000.00', 15000000],
    ['34.', 3400],
    ['.5', 50],
    ['0.29', 29],
    ['1.15', 115],
    ['4.35', 435],
    ['0', 0],
    ['-0', 0],
    ['-.05', -5],
    ['945.00', 94500],
    ['149998.73', 14999873],
    ['90071992547409.91', 9007199254740991],
  ])('%s → %i cents', (s, cents) => {
    expect(parseAmountToCents(s)).toBe(cents);
  });

  it('does not fall into the floating-point trap', () => {
    // Through floating point these give 28.999999999999996, 114.99999999999999 and 434.99999999999994.
    expect(Number('0.29') * 100).not.toBe(29);
    expect(['0.29', '1.15', '4.35'].map(parseAmountToCents)).toEqual([29, 115, 435]);
  });

  it.each(['', '-', '.', '1.234', '12a', '1,50', ' 5', '5 ', '+5', '1e3', 'NaN', '--1', '1.2.3', '90071992547409.92'])(
    'refuses %j',
    (s) => {
      expect(() => parseAmountToCents(s)).toThrow(X12Error);
    },
  );
});

describe('formatCents', () => {
  it.each([
    [3400, '34'],
    [3450, '34.5'],
    [127, '1.27'],
    [-127, '-1.27'],
    [5, '0.05'],
    [-5, '-0.05'],
    [0, '0'],
    [15000000, '150000'],
  ])('%i → %s', (cents, s) => {
    expect(formatCents(cents)).toBe(s);
    expect(parseAmountToCents(s)).toBe(cents);
  });

  it('refuses fractions of a cent', () => {
    expect(() => formatCents(1.5)).toThrow(X12Error);
  });
});
