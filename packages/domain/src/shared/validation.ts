/** Validators shared by modules: NPI, IANA zones, US states and ZIPs, phones. */
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { z } from 'zod';

/** NPI check digit: Luhn over "80840" + the first nine digits. */
export function isValidNpi(npi: string): boolean {
  if (!/^\d{10}$/.test(npi)) return false;
  const digits = `80840${npi}`;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Append the check digit to a 9-digit NPI stem (for synthetic demo providers). */
export function npiWithCheckDigit(stem9: string): string {
  for (let d = 0; d <= 9; d++) if (isValidNpi(stem9 + d)) return stem9 + d;
  throw new Error('unreachable');
}

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return tz.includes('/') || tz === 'UTC';
  } catch {
    return false;
  }
}

export const US_STATES = [
  'AL',
  'AK',
  'AZ',
  'AR',
  'CA',
  'CO',
  'CT',
  'DE',
  'DC',
  'FL',
  'GA',
  'HI',
  'ID',
  'IL',
  'IN',
  'IA',
  'KS',
  'KY',
  'LA',
  'ME',
  'MD',
  'MA',
  'MI',
  'MN',
  'MS',
  'MO',
  'MT',
  'NE',
  'NV',
  'NH',
  'NJ',
  'NM',
  'NY',
  'NC',
  'ND',
  'OH',
  'OK',
  'OR',
  'PA',
  'RI',
  'SC',
  'SD',
  'TN',
  'TX',
  'UT',
  'VT',
  'VA',
  'WA',
  'WV',
  'WI',
  'WY',
  'PR',
  'VI',
  'GU',
  'AS',
  'MP',
] as const;

/** Parse a phone as typed by staff (US default) into E.164, or null when it is not a real number. */
export function toE164(input: string, defaultCountry: 'US' = 'US'): string | null {
  const p = parsePhoneNumberFromString(input, defaultCountry);
  return p?.isValid() ? p.number : null;
}

/** Messages are sentences for people (shared/plain-messages.ts); the field is named beside them. */
export const PHONE_MESSAGE = 'Not a valid phone number: include the area code, such as (303) 555-0142.';
export const npiSchema = z.string().refine(isValidNpi, 'Not a valid NPI: it has 10 digits, the last one a check digit.');
export const timeZoneSchema = z.string().refine(isValidTimeZone, 'Choose a time zone, such as America/New_York.');
export const stateSchema = z.enum(US_STATES, { message: 'Enter a two-letter US state, such as CO.' });
export const zipSchema = z.string().regex(/^\d{5}(-\d{4})?$/, 'Enter a ZIP code as 12345 or 12345-6789.');
export const phoneSchema = z
  .string()
  .max(40)
  .transform((v, ctx) => {
    const e164 = toE164(v);
    if (!e164) {
      ctx.addIssue({ code: 'custom', message: PHONE_MESSAGE });
      return z.NEVER;
    }
    return e164;
  });
export const tinSchema = z.string().regex(/^\d{9}$/, 'Enter the 9 digits of the tax id (TIN).');
export const posSchema = z.string().regex(/^\d{2}$/, 'Enter the 2-digit CMS place of service code, such as 11.');

/**
 * The largest fee of one unit a practice may list (procedure list, fee schedules): $100,000.00.
 * Anything above is a typo (an extra zero or two), refused with the field named.
 */
export const MAX_FEE_CENTS = 10_000_000;
/** The largest amount one charge line may bill ($1,000,000.00, the column's limit): units × fee above it is no charge. */
export const MAX_CHARGE_CENTS = 100_000_000;
/** `$100,000.00`, for messages. */
export const dollarsText = (cents: number) => `$${Math.floor(cents / 100).toLocaleString('en-US')}.${String(cents % 100).padStart(2, '0')}`;
