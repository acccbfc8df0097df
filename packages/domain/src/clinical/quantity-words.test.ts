import { describe, expect, it } from 'vitest';
import { integerInWords, quantityInWords } from './quantity-words.ts';

describe('quantity in words', () => {
  it.each([
    [0, 'zero'],
    [7, 'seven'],
    [13, 'thirteen'],
    [30, 'thirty'],
    [45, 'forty-five'],
    [90, 'ninety'],
    [100, 'one hundred'],
    [120, 'one hundred twenty'],
    [1000, 'one thousand'],
    [2015, 'two thousand fifteen'],
    [99_999, 'ninety-nine thousand nine hundred ninety-nine'],
  ])('%d is "%s"', (n, words) => expect(integerInWords(n)).toBe(words));

  it('reads decimals digit by digit and drops trailing zeros', () => {
    expect(quantityInWords(2.5)).toBe('two point five');
    expect(quantityInWords(0.25)).toBe('zero point two five');
    expect(quantityInWords(30)).toBe('thirty');
    expect(quantityInWords(30.0)).toBe('thirty');
    expect(quantityInWords(10.1)).toBe('ten point one');
  });
});
