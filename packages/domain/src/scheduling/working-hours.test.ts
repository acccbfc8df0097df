import { describe, expect, it } from 'vitest';
import type { Interval } from './intervals.ts';
import { type ExceptionRow, type TemplateRow, WorkingHours } from './working-hours.ts';

const NY = 'America/New_York';
const LONDON = 'Europe/London';
const P = 'provider-1';
const L = 'location-1';

const template = (o: Partial<TemplateRow> & { weekday: number }): TemplateRow => ({
  provider_id: P,
  location_id: L,
  start_time: '09:00:00',
  end_time: '17:00:00',
  effective_from: '2026-01-01',
  effective_to: null,
  ...o,
});

const exception = (o: Partial<ExceptionRow> & Pick<ExceptionRow, 'kind' | 'start_date'>): ExceptionRow => ({
  provider_id: P,
  location_id: L,
  end_date: o.start_date,
  start_time: null,
  end_time: null,
  ...o,
});

const weekdays = [1, 2, 3, 4, 5].map((weekday) => template({ weekday }));
const show = (list: Interval[]) => list.map(([s, e]) => `${new Date(s).toISOString()}/${new Date(e).toISOString()}`);

describe('WorkingHours', () => {
  it('gives nothing without templates, and nothing for another provider or location', () => {
    expect(new WorkingHours([], []).intervals(P, L, NY, '2026-03-02', '2026-03-06')).toEqual([]);
    const hours = new WorkingHours(weekdays, []);
    expect(hours.intervals('provider-2', L, NY, '2026-03-02', '2026-03-06')).toEqual([]);
    expect(hours.intervals(P, 'location-2', NY, '2026-03-02', '2026-03-06')).toEqual([]);
  });

  it('reads weekly templates on the local wall clock for each date of the range, both ends included', () => {
    // Friday 6 March (EST), the weekend, Monday 9 March (EDT since the 8th).
    expect(show(new WorkingHours(weekdays, []).intervals(P, L, NY, '2026-03-06', '2026-03-09'))).toEqual([
      '2026-03-06T14:00:00.000Z/2026-03-06T22:00:00.000Z',
      '2026-03-09T13:00:00.000Z/2026-03-09T21:00:00.000Z',
    ]);
    expect(new WorkingHours(weekdays, []).intervals(P, L, NY, '2026-03-07', '2026-03-08')).toEqual([]);
  });

  it('applies a template only from its effective_from to its effective_to, both included', () => {
    const hours = new WorkingHours([template({ weekday: 3, effective_from: '2026-03-11', effective_to: '2026-03-18' })], []);
    expect(show(hours.intervals(P, L, NY, '2026-03-04', '2026-03-25'))).toEqual([
      '2026-03-11T13:00:00.000Z/2026-03-11T21:00:00.000Z',
      '2026-03-18T13:00:00.000Z/2026-03-18T21:00:00.000Z',
    ]);
  });

  it('merges blocks of one day that touch, and keeps a lunch gap', () => {
    const touching = new WorkingHours(
      [template({ weekday: 1, end_time: '12:00:00' }), template({ weekday: 1, start_time: '12:00:00' })],
      [],
    );
    expect(show(touching.intervals(P, L, NY, '2026-03-02', '2026-03-02'))).toEqual(['2026-03-02T14:00:00.000Z/2026-03-02T22:00:00.000Z']);
    const lunch = new WorkingHours([template({ weekday: 1, end_time: '12:00:00' }), template({ weekday: 1, start_time: '13:00:00' })], []);
    expect(lunch.intervals(P, L, NY, '2026-03-02', '2026-03-02')).toHaveLength(2);
  });

  it('takes out time off with times, a whole-day holiday, and blocked time, each on its own days only', () => {
    const hours = new WorkingHours(weekdays, [
      exception({ kind: 'time_off', start_date: '2026-03-02', start_time: '09:00:00', end_time: '11:00:00' }),
      exception({ kind: 'holiday', start_date: '2026-03-03', provider_id: null, location_id: null }),
      exception({ kind: 'blocked', start_date: '2026-03-04', end_date: '2026-03-05', start_time: '12:00:00', end_time: '13:00:00' }),
    ]);
    expect(show(hours.intervals(P, L, NY, '2026-03-02', '2026-03-06'))).toEqual([
      '2026-03-02T16:00:00.000Z/2026-03-02T22:00:00.000Z',
      '2026-03-04T14:00:00.000Z/2026-03-04T17:00:00.000Z',
      '2026-03-04T18:00:00.000Z/2026-03-04T22:00:00.000Z',
      '2026-03-05T14:00:00.000Z/2026-03-05T17:00:00.000Z',
      '2026-03-05T18:00:00.000Z/2026-03-05T22:00:00.000Z',
      '2026-03-06T14:00:00.000Z/2026-03-06T22:00:00.000Z',
    ]);
  });

  it('ignores exceptions of another provider or another location, and applies practice-wide ones', () => {
    const hours = new WorkingHours(weekdays, [
      exception({ kind: 'time_off', start_date: '2026-03-02', provider_id: 'provider-2' }),
      exception({ kind: 'holiday', start_date: '2026-03-02', location_id: 'location-2', provider_id: null }),
      exception({ kind: 'holiday', start_date: '2026-03-03', location_id: L, provider_id: null }),
      exception({ kind: 'time_off', start_date: '2026-03-04', location_id: null }),
    ]);
    expect(show(hours.intervals(P, L, NY, '2026-03-02', '2026-03-04'))).toEqual(['2026-03-02T14:00:00.000Z/2026-03-02T22:00:00.000Z']);
  });

  it('adds extra hours, also on a day without a template, and lets time off win over them', () => {
    const hours = new WorkingHours(weekdays, [
      exception({ kind: 'extra_hours', start_date: '2026-03-07', start_time: '09:00:00', end_time: '12:00:00' }),
      exception({ kind: 'extra_hours', start_date: '2026-03-06', start_time: '17:00:00', end_time: '19:00:00' }),
      exception({ kind: 'extra_hours', start_date: '2026-03-05', start_time: '17:00:00', end_time: '19:00:00' }),
      exception({ kind: 'time_off', start_date: '2026-03-05' }),
    ]);
    expect(show(hours.intervals(P, L, NY, '2026-03-05', '2026-03-07'))).toEqual([
      // Friday's extra hours run on from the template's block: one stretch.
      '2026-03-06T14:00:00.000Z/2026-03-07T00:00:00.000Z',
      '2026-03-07T14:00:00.000Z/2026-03-07T17:00:00.000Z',
    ]);
  });

  it('keeps 09:00 at 09:00 local on both sides of the New York and London changes', () => {
    const every = [1, 2, 3, 4, 5, 6, 7].map((weekday) => template({ weekday, start_time: '09:00:00', end_time: '10:00:00' }));
    const hours = new WorkingHours(every, []);
    expect(show(hours.intervals(P, L, NY, '2026-03-07', '2026-03-08'))).toEqual([
      '2026-03-07T14:00:00.000Z/2026-03-07T15:00:00.000Z',
      '2026-03-08T13:00:00.000Z/2026-03-08T14:00:00.000Z',
    ]);
    expect(show(hours.intervals(P, L, LONDON, '2026-10-24', '2026-10-25'))).toEqual([
      '2026-10-24T08:00:00.000Z/2026-10-24T09:00:00.000Z',
      '2026-10-25T09:00:00.000Z/2026-10-25T10:00:00.000Z',
    ]);
  });

  it('counts real hours across a change inside a block: 01:00-04:00 is 2 hours on 2026-03-08 and 4 on 2026-11-01 in New York', () => {
    const hours = new WorkingHours([template({ weekday: 7, start_time: '01:00:00', end_time: '04:00:00' })], []);
    const length = (date: string) => hours.intervals(P, L, NY, date, date).reduce((sum, [s, e]) => sum + (e - s) / 3_600_000, 0);
    expect(length('2026-03-01')).toBe(3);
    expect(length('2026-03-08')).toBe(2);
    expect(length('2026-11-01')).toBe(4);
  });

  it('gives nothing for a block inside the skipped hour (02:00-03:00 on 2026-03-08)', () => {
    const hours = new WorkingHours([template({ weekday: 7, start_time: '02:00:00', end_time: '03:00:00' })], []);
    expect(hours.intervals(P, L, NY, '2026-03-08', '2026-03-08')).toEqual([]);
    expect(hours.intervals(P, L, NY, '2026-03-15', '2026-03-15')).toHaveLength(1);
  });

  it('takes out a whole 25-hour day for a holiday on the fall-back day, and a whole 23-hour one in spring', () => {
    const allDay = [7].map((weekday) => template({ weekday, start_time: '00:00:00', end_time: '23:59:00' }));
    const extraNextMorning = exception({ kind: 'extra_hours', start_date: '2026-11-02', start_time: '00:00:00', end_time: '01:00:00' });
    const hours = new WorkingHours(allDay, [exception({ kind: 'holiday', start_date: '2026-11-01' }), extraNextMorning]);
    // The holiday ends at local midnight that begins the 2nd, where the extra hour starts.
    expect(show(hours.intervals(P, L, NY, '2026-11-01', '2026-11-02'))).toEqual(['2026-11-02T05:00:00.000Z/2026-11-02T06:00:00.000Z']);
    const spring = new WorkingHours(allDay, [exception({ kind: 'holiday', start_date: '2026-03-08' })]);
    expect(spring.intervals(P, L, NY, '2026-03-08', '2026-03-08')).toEqual([]);
  });
});
