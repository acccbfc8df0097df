import { describe, expect, it } from 'vitest';
import { seededRandom } from './random.ts';
import {
  isValidNpi,
  isValidTimeZone,
  npiSchema,
  npiWithCheckDigit,
  phoneSchema,
  posSchema,
  stateSchema,
  tinSchema,
  toE164,
  zipSchema,
} from './validation.ts';

describe('isValidNpi', () => {
  it('accepts NPIs with a correct check digit (Luhn over 80840 + the first nine digits)', () => {
    // The example NPI of the CMS check-digit specification.
    expect(isValidNpi('1234567893')).toBe(true);
    expect(isValidNpi('1245319599')).toBe(true);
  });

  it('refuses a wrong check digit', () => {
    for (let d = 0; d <= 9; d++) if (d !== 3) expect(isValidNpi(`123456789${d}`), String(d)).toBe(false);
  });

  it('refuses anything that is not exactly ten ASCII digits', () => {
    for (const npi of ['', '123456789', '12345678931', ' 1234567893', '1234567893 ', '123456789-3', 'l234567893', '１２３４５６７８９３']) {
      expect(isValidNpi(npi), JSON.stringify(npi)).toBe(false);
    }
  });

  it('has exactly one valid check digit per stem, which npiWithCheckDigit appends (random stems)', () => {
    const rnd = seededRandom(7);
    for (let i = 0; i < 300; i++) {
      const stem = String(rnd.int(100_000_000, 999_999_999));
      const npi = npiWithCheckDigit(stem);
      expect(npi.slice(0, 9)).toBe(stem);
      expect(isValidNpi(npi)).toBe(true);
      const valid = Array.from({ length: 10 }, (_, d) => isValidNpi(stem + d)).filter(Boolean);
      expect(valid).toHaveLength(1);
    }
  });

  it('catches every single mistyped digit (random NPIs)', () => {
    const rnd = seededRandom(8);
    for (let i = 0; i < 100; i++) {
      const npi = npiWithCheckDigit(String(rnd.int(100_000_000, 999_999_999)));
      for (let pos = 0; pos < 10; pos++) {
        for (let d = 0; d <= 9; d++) {
          if (String(d) === npi[pos]) continue;
          const typo = npi.slice(0, pos) + d + npi.slice(pos + 1);
          if (isValidNpi(typo)) expect.fail(`${typo} (from ${npi}) passed`);
        }
      }
    }
  });

  it('npiSchema refuses a wrong NPI with a message saying why', () => {
    expect(npiSchema.safeParse('1234567893').success).toBe(true);
    const r = npiSchema.safeParse('1234567890');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/check digit/);
  });
});

describe('isValidTimeZone', () => {
  it('accepts IANA zone names and UTC', () => {
    for (const tz of ['America/New_York', 'Europe/London', 'America/Indiana/Indianapolis', 'Pacific/Honolulu', 'Etc/GMT+5', 'UTC']) {
      expect(isValidTimeZone(tz), tz).toBe(true);
    }
  });

  it('refuses unknown names, abbreviations and bare offsets', () => {
    for (const tz of ['', 'Mars/Olympus', 'America/New York', 'EST', 'GMT', 'PST', '+05:00', 'utc', 'New_York']) {
      expect(isValidTimeZone(tz), tz).toBe(false);
    }
  });
});

describe('toE164 and phoneSchema', () => {
  it('reads US numbers as staff type them', () => {
    for (const input of [
      '(413) 736-1234',
      '413-736-1234',
      '413.736.1234',
      '4137361234',
      '+1 413 736 1234',
      '1-413-736-1234',
      ' 413 736 1234 ',
    ]) {
      expect(toE164(input), input).toBe('+14137361234');
    }
  });

  it('keeps numbers typed with another country code', () => {
    expect(toE164('+44 20 7946 0958')).toBe('+442079460958');
  });

  it('refuses what is not a real number: too short, too long, an impossible area code, letters, nothing', () => {
    for (const input of ['', 'abc', '736-1234', '123', '413-736-12345678', '000-000-0000', '(113) 736-1234']) {
      expect(toE164(input), input).toBeNull();
    }
  });

  it('phoneSchema turns a valid number into E.164 and refuses the others and anything over 40 characters', () => {
    expect(phoneSchema.parse('(413) 736-1234')).toBe('+14137361234');
    const bad = phoneSchema.safeParse('736-1234');
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('Not a valid phone number: include the area code, such as (303) 555-0142.');
    expect(phoneSchema.safeParse(`413-736-1234${' '.repeat(30)}`).success).toBe(false);
  });
});

describe('address and billing codes', () => {
  it('zipSchema takes 5 digits or ZIP+4, and keeps leading zeros', () => {
    expect(zipSchema.parse('01002')).toBe('01002');
    expect(zipSchema.parse('01002-1234')).toBe('01002-1234');
    for (const zip of ['1002', '010021', '01002 1234', '01002-123', '010021234', 'ABCDE', '01002-', ' 01002']) {
      expect(zipSchema.safeParse(zip).success, zip).toBe(false);
    }
  });

  it('stateSchema takes upper-case US state and territory codes only', () => {
    for (const s of ['MA', 'NY', 'DC', 'PR', 'GU']) expect(stateSchema.safeParse(s).success, s).toBe(true);
    for (const s of ['ma', 'XX', 'Mass', '', 'UK']) expect(stateSchema.safeParse(s).success, s).toBe(false);
  });

  it('tinSchema takes 9 digits and posSchema 2 digits, nothing else', () => {
    expect(tinSchema.safeParse('123456789').success).toBe(true);
    expect(tinSchema.safeParse('12-3456789').success).toBe(false);
    expect(tinSchema.safeParse('12345678').success).toBe(false);
    expect(posSchema.safeParse('11').success).toBe(true);
    expect(posSchema.safeParse('1').success).toBe(false);
    expect(posSchema.safeParse('111').success).toBe(false);
  });
});
