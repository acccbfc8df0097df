import { describe, expect, it } from 'vitest';
import { parseLooseDate } from './loose-date.ts';

const TODAY = new Date('2026-03-02T15:00:00Z');
const parse = (text: string, today = TODAY) => parseLooseDate(text, today);

describe('parseLooseDate', () => {
  it('reads ISO dates, with or without leading zeros', () => {
    expect(parse('1980-03-07')).toBe('1980-03-07');
    expect(parse('1980-3-7')).toBe('1980-03-07');
    expect(parse('  1980-03-07 ')).toBe('1980-03-07');
  });

  it('reads US dates month first, with /, - or . and a 4-digit year', () => {
    expect(parse('03/07/1980')).toBe('1980-03-07');
    expect(parse('3/7/1980')).toBe('1980-03-07');
    expect(parse('3-7-1980')).toBe('1980-03-07');
    expect(parse('3.7.1980')).toBe('1980-03-07');
    expect(parse('12/25/1980')).toBe('1980-12-25');
  });

  it('refuses dates that do not exist, and shapes it does not know', () => {
    for (const text of [
      '',
      '1980',
      '19800307',
      '25/12/1980',
      '2/30/1980',
      '4/31/1980',
      '0/1/1980',
      '1/0/1980',
      '1980-02-30',
      '1980-13-01',
      '3/7/198',
      '3/7/19800',
      '1980/03/07',
      'March 7, 1980',
      '3 7 1980',
    ]) {
      expect(parse(text), text).toBeNull();
    }
  });

  it('knows leap years (2000 was one, 1900 was not)', () => {
    expect(parse('2/29/2024')).toBe('2024-02-29');
    expect(parse('2/29/2000')).toBe('2000-02-29');
    expect(parse('2/29/2025')).toBeNull();
    expect(parse('2/29/1900')).toBeNull();
  });

  it('puts a two-digit year in the century that keeps the date in the past', () => {
    expect(parse('3/7/80')).toBe('1980-03-07');
    expect(parse('1/1/00')).toBe('2000-01-01');
    expect(parse('1/5/26')).toBe('2026-01-05');
    // Today itself is not in the future.
    expect(parse('3/2/26')).toBe('2026-03-02');
    expect(parse('1/1/27')).toBe('1927-01-01');
    expect(parse('12/31/99')).toBe('1999-12-31');
  });

  it('reads a two-digit year of this year that is still ahead as last century (a birth date is never in the future)', () => {
    expect(parse('3/3/26')).toBe('1926-03-03');
    expect(parse('12/5/26')).toBe('1926-12-05');
  });

  it('takes the century from the `today` it is given', () => {
    expect(parse('3/7/80', new Date('2085-01-01T00:00:00Z'))).toBe('2080-03-07');
    expect(parse('3/7/95', new Date('2085-01-01T00:00:00Z'))).toBe('1995-03-07');
  });

  it('refuses year 0, which PostgreSQL dates do not have (a search for it was a 500)', () => {
    expect(parse('0000-01-01')).toBeNull();
    expect(parse('01/01/0000')).toBeNull();
    expect(parse('0001-01-01')).toBe('0001-01-01');
  });
});
