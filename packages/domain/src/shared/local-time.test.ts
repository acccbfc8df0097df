import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors.ts';
import { addDays, isInstant, isoWeekday, localDateOf, localTimeOf, localToEpochMs, parseStart } from './local-time.ts';

const NY = 'America/New_York';
const LONDON = 'Europe/London';
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** The AppError `f` throws (fails the test when it throws nothing or something else). */
function refusal(f: () => unknown): AppError {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  return expect.fail('expected an AppError');
}

describe('localToEpochMs', () => {
  it('reads ordinary wall-clock times with the offset of the day (EST in winter, EDT in summer)', () => {
    expect(iso(localToEpochMs(NY, '2026-01-15', '09:00'))).toBe('2026-01-15T14:00:00.000Z');
    expect(iso(localToEpochMs(NY, '2026-07-15', '09:00'))).toBe('2026-07-15T13:00:00.000Z');
    expect(iso(localToEpochMs(LONDON, '2026-01-15', '09:00'))).toBe('2026-01-15T09:00:00.000Z');
    expect(iso(localToEpochMs(LONDON, '2026-07-15', '09:00'))).toBe('2026-07-15T08:00:00.000Z');
    expect(iso(localToEpochMs(NY, '2026-07-15', '09:15:30'))).toBe('2026-07-15T13:15:30.000Z');
  });

  it('shifts a time in the New York spring-forward gap (2026-03-08 02:00-03:00 does not exist) forward by the gap', () => {
    expect(iso(localToEpochMs(NY, '2026-03-08', '01:59'))).toBe('2026-03-08T06:59:00.000Z');
    // 02:30 is read as 03:30 EDT.
    expect(iso(localToEpochMs(NY, '2026-03-08', '02:30'))).toBe('2026-03-08T07:30:00.000Z');
    expect(iso(localToEpochMs(NY, '2026-03-08', '02:00'))).toBe('2026-03-08T07:00:00.000Z');
    expect(localToEpochMs(NY, '2026-03-08', '02:00')).toBe(localToEpochMs(NY, '2026-03-08', '03:00'));
  });

  it('reads a repeated New York time (2026-11-01 01:00-02:00 happens twice) as its earlier, daylight-time occurrence', () => {
    expect(iso(localToEpochMs(NY, '2026-11-01', '01:30'))).toBe('2026-11-01T05:30:00.000Z');
    expect(iso(localToEpochMs(NY, '2026-11-01', '00:59'))).toBe('2026-11-01T04:59:00.000Z');
    expect(iso(localToEpochMs(NY, '2026-11-01', '02:00'))).toBe('2026-11-01T07:00:00.000Z');
    // So the local hour 01:00-02:00 that day lasts two real hours.
    expect(localToEpochMs(NY, '2026-11-01', '02:00') - localToEpochMs(NY, '2026-11-01', '01:00')).toBe(2 * HOUR);
  });

  it('does the same in Europe/London (gap 2026-03-29 01:00-02:00, repeat 2026-10-25 01:00-02:00)', () => {
    expect(iso(localToEpochMs(LONDON, '2026-03-29', '00:59'))).toBe('2026-03-29T00:59:00.000Z');
    expect(iso(localToEpochMs(LONDON, '2026-03-29', '01:30'))).toBe('2026-03-29T01:30:00.000Z');
    expect(iso(localToEpochMs(LONDON, '2026-03-29', '02:00'))).toBe('2026-03-29T01:00:00.000Z');
    expect(iso(localToEpochMs(LONDON, '2026-10-25', '01:30'))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(localToEpochMs(LONDON, '2026-10-25', '02:00'))).toBe('2026-10-25T02:00:00.000Z');
  });

  it('gives the same time in different zones different instants (the memo is keyed by zone)', () => {
    const ny = localToEpochMs(NY, '2026-07-15', '09:00');
    const london = localToEpochMs(LONDON, '2026-07-15', '09:00');
    expect(ny - london).toBe(5 * HOUR);
    expect(localToEpochMs(NY, '2026-07-15', '09:00')).toBe(ny);
  });

  it('makes local days 23 and 25 hours long on the change days, 24 otherwise', () => {
    const dayLength = (zone: string, date: string) =>
      (localToEpochMs(zone, addDays(date, 1), '00:00') - localToEpochMs(zone, date, '00:00')) / HOUR;
    expect(dayLength(NY, '2026-03-07')).toBe(24);
    expect(dayLength(NY, '2026-03-08')).toBe(23);
    expect(dayLength(NY, '2026-11-01')).toBe(25);
    expect(dayLength(LONDON, '2026-03-29')).toBe(23);
    expect(dayLength(LONDON, '2026-10-25')).toBe(25);
  });
});

describe('localDateOf and localTimeOf', () => {
  it('read an instant on the wall clock of a zone, where the local date may differ from the UTC date', () => {
    const ms = Date.parse('2026-03-09T03:30:00Z');
    expect(localDateOf(ms, NY)).toBe('2026-03-08');
    expect(localTimeOf(ms, NY)).toBe('23:30:00');
    expect(localDateOf(ms, LONDON)).toBe('2026-03-09');
    expect(localTimeOf(ms, LONDON)).toBe('03:30:00');
    expect(localTimeOf(Date.parse('2026-07-15T13:15:30.999Z'), NY)).toBe('09:15:30');
  });

  it('read both occurrences of a repeated hour as the same wall-clock time', () => {
    expect(localTimeOf(Date.parse('2026-11-01T05:30:00Z'), NY)).toBe('01:30:00');
    expect(localTimeOf(Date.parse('2026-11-01T06:30:00Z'), NY)).toBe('01:30:00');
  });

  it('round-trip every half hour through the change weeks, except the second occurrence of a repeated time', () => {
    for (const [zone, from, to] of [
      [NY, '2026-03-06T00:00:00Z', '2026-03-11T00:00:00Z'],
      [NY, '2026-10-30T00:00:00Z', '2026-11-04T00:00:00Z'],
      [LONDON, '2026-03-27T00:00:00Z', '2026-04-01T00:00:00Z'],
      [LONDON, '2026-10-23T00:00:00Z', '2026-10-28T00:00:00Z'],
    ] as const) {
      for (let ms = Date.parse(from); ms < Date.parse(to); ms += 30 * 60_000) {
        const back = localToEpochMs(zone, localDateOf(ms, zone), localTimeOf(ms, zone));
        // An hour later the clock reads the same again: that is the second occurrence, read as the first.
        const second = localTimeOf(ms - HOUR, zone) === localTimeOf(ms, zone) && localDateOf(ms - HOUR, zone) === localDateOf(ms, zone);
        if (back !== (second ? ms - HOUR : ms)) expect.fail(`${zone} ${iso(ms)} came back as ${iso(back)}`);
      }
    }
  });
});

describe('addDays', () => {
  it('crosses month, year and leap-day boundaries, forwards and backwards', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2026-03-04', 0)).toBe('2026-03-04');
    expect(addDays('2026-01-01', 365)).toBe('2027-01-01');
  });

  it('is whole calendar days across DST changes (not 24-hour steps in some local zone)', () => {
    expect(addDays('2026-03-07', 1)).toBe('2026-03-08');
    expect(addDays('2026-03-08', 1)).toBe('2026-03-09');
    expect(addDays('2026-10-31', 1)).toBe('2026-11-01');
    expect(addDays('2026-11-01', 1)).toBe('2026-11-02');
  });

  it('undoes itself and keeps the weekday every 7 days (two years of days)', () => {
    for (let n = 0, d = '2026-01-01'; n < 730; n++, d = addDays(d, 1)) {
      expect(addDays(addDays(d, 45), -45)).toBe(d);
      expect(isoWeekday(addDays(d, 7))).toBe(isoWeekday(d));
      expect(isoWeekday(addDays(d, 1))).toBe((isoWeekday(d) % 7) + 1);
    }
  });
});

describe('isoWeekday', () => {
  it('numbers Monday 1 to Sunday 7', () => {
    expect(isoWeekday('2026-03-02')).toBe(1);
    expect(isoWeekday('2026-03-06')).toBe(5);
    expect(isoWeekday('2026-03-07')).toBe(6);
    expect(isoWeekday('2026-03-08')).toBe(7);
    expect(isoWeekday('2028-02-29')).toBe(2);
  });
});

describe('isInstant', () => {
  it('is true only with a zone designator (Z or ±HH:MM)', () => {
    expect(isInstant('2026-03-09T14:00:00Z')).toBe(true);
    expect(isInstant('2026-03-09T14:00Z')).toBe(true);
    expect(isInstant('2026-03-09T14:00:00.123Z')).toBe(true);
    expect(isInstant('2026-03-09T09:00:00-05:00')).toBe(true);
    expect(isInstant('2026-03-09T14:00:00z')).toBe(true);
    expect(isInstant('2026-03-09T09:00')).toBe(false);
    expect(isInstant('2026-03-09T09:00:00')).toBe(false);
    expect(isInstant('2026-03-09T09:00:00-0500')).toBe(false);
    expect(isInstant('2026-03-09')).toBe(false);
    expect(isInstant('')).toBe(false);
  });
});

describe('parseStart', () => {
  it('reads an ISO instant as given, whatever the zone', () => {
    expect(parseStart('2026-03-09T14:00:00Z', NY).toISOString()).toBe('2026-03-09T14:00:00.000Z');
    expect(parseStart('2026-03-09T14:00:00Z', LONDON).toISOString()).toBe('2026-03-09T14:00:00.000Z');
    expect(parseStart('2026-03-09T09:00-05:00', LONDON).toISOString()).toBe('2026-03-09T14:00:00.000Z');
    expect(parseStart('2026-03-09T14:00:00.250Z', NY).toISOString()).toBe('2026-03-09T14:00:00.250Z');
  });

  it('reads a local date-time on the wall clock of the zone', () => {
    expect(parseStart('2026-03-06T09:00', NY).toISOString()).toBe('2026-03-06T14:00:00.000Z');
    expect(parseStart('2026-03-09T09:00', NY).toISOString()).toBe('2026-03-09T13:00:00.000Z');
    expect(parseStart('2026-03-09T09:00:30', NY).toISOString()).toBe('2026-03-09T13:00:30.000Z');
    expect(parseStart('2026-03-09T09:00', LONDON).toISOString()).toBe('2026-03-09T09:00:00.000Z');
  });

  it('refuses a local time in the spring-forward gap, naming it (New York 2026-03-08 02:00-02:59)', () => {
    for (const v of ['2026-03-08T02:00', '2026-03-08T02:30', '2026-03-08T02:59']) {
      const e = refusal(() => parseStart(v, NY));
      expect(e.code).toBe('VALIDATION_FAILED');
      expect(e.message).toContain('does not exist in America/New_York');
      expect(e.errors).toEqual([{ path: 'start', message: e.message }]);
    }
    expect(parseStart('2026-03-08T01:59', NY).toISOString()).toBe('2026-03-08T06:59:00.000Z');
    expect(parseStart('2026-03-08T03:00', NY).toISOString()).toBe('2026-03-08T07:00:00.000Z');
    // The same wall-clock time exists in London that day.
    expect(parseStart('2026-03-08T02:30', LONDON).toISOString()).toBe('2026-03-08T02:30:00.000Z');
  });

  it('refuses a local time in the London gap (2026-03-29 01:00-01:59)', () => {
    expect(refusal(() => parseStart('2026-03-29T01:30', LONDON)).message).toContain('does not exist in Europe/London');
    expect(parseStart('2026-03-29T02:00', LONDON).toISOString()).toBe('2026-03-29T01:00:00.000Z');
  });

  it('reads a repeated local time as the earlier occurrence (New York 2026-11-01 01:30, London 2026-10-25 01:30)', () => {
    expect(parseStart('2026-11-01T01:30', NY).toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(parseStart('2026-10-25T01:30', LONDON).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('agrees with localToEpochMs outside the gap (the same policy in both places)', () => {
    for (const [zone, date] of [
      [NY, '2026-03-08'],
      [NY, '2026-11-01'],
      [LONDON, '2026-03-29'],
      [LONDON, '2026-10-25'],
    ] as const) {
      for (let minutes = 0; minutes < 24 * 60; minutes += 10) {
        const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
        let parsed: number;
        try {
          parsed = parseStart(`${date}T${time}`, zone).getTime();
        } catch {
          // Refused: only the gap may be refused, where localToEpochMs shifts the time forward.
          expect(localTimeOf(localToEpochMs(zone, date, time), zone).slice(0, 5), `${zone} ${date} ${time}`).not.toBe(time);
          continue;
        }
        expect(parsed, `${zone} ${date} ${time}`).toBe(localToEpochMs(zone, date, time));
      }
    }
  });

  it('refuses anything that is neither an instant nor a local date-time, under the given path', () => {
    for (const v of ['', '09:00', '2026-03-09', '2026-03-09 09:00', '2026-03-09T9:00', 'tomorrow', '2026-03-09T09:00:00-0500']) {
      const e = refusal(() => parseStart(v, NY, 'occurrences.0.start'));
      expect(e.code, v).toBe('VALIDATION_FAILED');
      expect(e.errors?.[0]?.path, v).toBe('occurrences.0.start');
    }
  });

  it('refuses impossible local dates and times', () => {
    for (const v of ['2026-02-30T10:00', '2026-04-31T10:00', '2026-02-29T10:00', '2026-03-09T24:00', '2026-13-01T10:00']) {
      expect(refusal(() => parseStart(v, NY)).code, v).toBe('VALIDATION_FAILED');
    }
    expect(parseStart('2028-02-29T10:00', NY).toISOString()).toBe('2028-02-29T15:00:00.000Z');
  });

  it('refuses impossible instants, rather than rolling them over into the next month', () => {
    for (const v of [
      '2026-03-09T25:00:00Z',
      '2026-02-30T10:00:00Z',
      '2026-04-31T14:00:00Z',
      '2026-02-29T10:00:00Z',
      '2026-13-01T10:00:00Z',
    ]) {
      expect(refusal(() => parseStart(v, NY)).code, v).toBe('VALIDATION_FAILED');
    }
    expect(parseStart('2028-02-29T10:00:00Z', NY).toISOString()).toBe('2028-02-29T10:00:00.000Z');
  });
});
