/**
 * One search box, many kinds of term: each whitespace-separated token is a
 * date of birth, a phone number, an MRN or a piece of a name. The whole box may
 * also be one phone number typed with spaces, "(413) 555-1234".
 */
import { nameToken } from './fold-name.ts';
import { parseLooseDate } from './loose-date.ts';

export interface SearchTerms {
  names: string[];
  birthDates: string[];
  /** Digits that are a phone (7 local or 10 national). */
  phones: string[];
  /** Digit runs that may be an MRN (or a phone: 7 digits are tried as both). */
  numbers: string[];
}

export function parseSearch(q: string, today: Date): SearchTerms {
  const terms: SearchTerms = { names: [], birthDates: [], phones: [], numbers: [] };
  const whole = q.trim();
  const wholeDigits = whole.replace(/[\s().+-]/g, '');
  if (/^\d+$/.test(wholeDigits) && /[\s().+-]/.test(whole) && [7, 10, 11].includes(wholeDigits.length)) {
    terms.phones.push(phoneKey(wholeDigits));
    return terms;
  }
  for (const raw of whole.split(/[\s,]+/).filter(Boolean)) {
    const date = parseLooseDate(raw, today);
    if (date) {
      terms.birthDates.push(date);
      continue;
    }
    const digits = raw.replace(/[().+-]/g, '');
    if (/^\d+$/.test(digits)) {
      if (digits.length === 10 || (digits.length === 11 && digits.startsWith('1'))) terms.phones.push(phoneKey(digits));
      else terms.numbers.push(digits);
      continue;
    }
    const name = nameToken(raw);
    if (name) terms.names.push(name);
  }
  return terms;
}

function phoneKey(digits: string): string {
  return digits.length === 11 ? digits.slice(1) : digits;
}

export function isEmpty(t: SearchTerms): boolean {
  return !t.names.length && !t.birthDates.length && !t.phones.length && !t.numbers.length;
}
