import { describe, expect, it } from 'vitest';
import { isEmpty, parseSearch, type SearchTerms } from './parse-search.ts';

const TODAY = new Date('2026-03-02T15:00:00Z');
const parse = (q: string) => parseSearch(q, TODAY);
const terms = (t: Partial<SearchTerms>): SearchTerms => ({ names: [], birthDates: [], phones: [], numbers: [], ...t });

describe('parseSearch', () => {
  it('finds no terms in an empty or blank box', () => {
    for (const q of ['', '   ', '\t\n', ' , , ']) {
      expect(parse(q), JSON.stringify(q)).toEqual(terms({}));
      expect(isEmpty(parse(q))).toBe(true);
    }
  });

  it('lowercases name tokens, splitting at whitespace and commas', () => {
    expect(parse('John Smith')).toEqual(terms({ names: ['john', 'smith'] }));
    expect(parse('  Smith,John  ')).toEqual(terms({ names: ['smith', 'john'] }));
    expect(parse('SMITH,  john')).toEqual(terms({ names: ['smith', 'john'] }));
  });

  it("folds and drops what the database's name keys do (migration 0124: diacritics folded, punctuation dropped), so both sides agree", () => {
    expect(parse("O'Brien")).toEqual(terms({ names: ['obrien'] }));
    expect(parse('Smith-Jones')).toEqual(terms({ names: ['smithjones'] }));
    expect(parse('Müller')).toEqual(terms({ names: ['muller'] }));
    expect(parse('Nguyễn Đức')).toEqual(terms({ names: ['nguyen', 'duc'] }));
    expect(parse('王小明')).toEqual(terms({ names: ['王小明'] }));
    // A token with nothing left is no term at all.
    expect(parse("Smith ' - ()")).toEqual(terms({ names: ['smith'] }));
  });

  it('reads birth dates in the formats staff type', () => {
    for (const q of ['1980-03-07', '3/7/1980', '03/07/1980', '3-7-1980', '3.7.1980', '3/7/80']) {
      expect(parse(q), q).toEqual(terms({ birthDates: ['1980-03-07'] }));
    }
    expect(parse('smith 3/7/80')).toEqual(terms({ names: ['smith'], birthDates: ['1980-03-07'] }));
  });

  it('does not take an impossible date for a birth date', () => {
    expect(parse('2/30/1980').birthDates).toEqual([]);
    expect(parse('13/01/1980').birthDates).toEqual([]);
  });

  it('reads a whole box typed as one phone number, with spaces or punctuation, as its 10 (or local 7) digits', () => {
    for (const q of [
      '(413) 555-1234',
      '413 555 1234',
      '413.555.1234',
      '413-555-1234',
      '+1 413 555 1234',
      '1 (413) 555-1234',
      ' (413)555-1234 ',
    ]) {
      expect(parse(q), q).toEqual(terms({ phones: ['4135551234'] }));
    }
    expect(parse('555-1234')).toEqual(terms({ phones: ['5551234'] }));
    expect(parse('555 1234')).toEqual(terms({ phones: ['5551234'] }));
  });

  it('reads a run of digits as a phone when it has 10 digits, or 11 starting with the country code 1', () => {
    expect(parse('4135551234')).toEqual(terms({ phones: ['4135551234'] }));
    expect(parse('14135551234')).toEqual(terms({ phones: ['4135551234'] }));
    expect(parse('smith +1-413-555-1234')).toEqual(terms({ names: ['smith'], phones: ['4135551234'] }));
    expect(parse('smith 24135551234')).toEqual(terms({ names: ['smith'], numbers: ['24135551234'] }));
  });

  it('keeps other digit runs as numbers (an MRN, or the last 7 digits of a phone)', () => {
    expect(parse('100234')).toEqual(terms({ numbers: ['100234'] }));
    expect(parse('5551234')).toEqual(terms({ numbers: ['5551234'] }));
    expect(parse('smith 555-1234')).toEqual(terms({ names: ['smith'], numbers: ['5551234'] }));
    expect(parse('100234 100235')).toEqual(terms({ numbers: ['100234', '100235'] }));
  });

  it('sorts a mixed box into every kind at once', () => {
    expect(parse('Smith, John 03/07/1980 100234 (413)555-1234')).toEqual(
      terms({ names: ['smith', 'john'], birthDates: ['1980-03-07'], numbers: ['100234'], phones: ['4135551234'] }),
    );
  });

  it('reads names with digits in them as names', () => {
    expect(parse('Smith2')).toEqual(terms({ names: ['smith2'] }));
  });

  it('isEmpty is false as soon as any kind of term is there', () => {
    expect(isEmpty(terms({ names: ['a'] }))).toBe(false);
    expect(isEmpty(terms({ birthDates: ['1980-03-07'] }))).toBe(false);
    expect(isEmpty(terms({ phones: ['5551234'] }))).toBe(false);
    expect(isEmpty(terms({ numbers: ['1'] }))).toBe(false);
  });
});
