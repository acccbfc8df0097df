/**
 * A provider's working hours at a location as instants: weekly templates plus extra
 * hours, minus time off, holidays and blocked time, each read on the location's wall
 * clock for each calendar day (so a 09:00 template is 09:00 local on both sides of DST).
 */
import { type Interval, normalize, subtract } from './intervals.ts';
import { addDays, isoWeekday, localToEpochMs } from './local-time.ts';
import type { ExceptionKind } from './scheduling.tables.ts';

export interface TemplateRow {
  provider_id: string;
  location_id: string;
  weekday: number;
  start_time: string;
  end_time: string;
  effective_from: string;
  effective_to: string | null;
}

export interface ExceptionRow {
  provider_id: string | null;
  location_id: string | null;
  kind: ExceptionKind;
  start_date: string;
  end_date: string;
  start_time: string | null;
  end_time: string | null;
}

export class WorkingHours {
  private readonly byKey = new Map<string, TemplateRow[]>();

  constructor(
    templates: readonly TemplateRow[],
    private readonly exceptions: readonly ExceptionRow[],
  ) {
    for (const t of templates) {
      const key = `${t.provider_id}|${t.location_id}|${t.weekday}`;
      const list = this.byKey.get(key);
      if (list) list.push(t);
      else this.byKey.set(key, [t]);
    }
  }

  /** Working intervals of one provider at one location on local dates fromDate..toDate (inclusive). */
  intervals(providerId: string, locationId: string, zone: string, fromDate: string, toDate: string): Interval[] {
    const add: Interval[] = [];
    const remove: Interval[] = [];
    const exceptions = this.exceptions.filter(
      (e) =>
        (e.provider_id === null || e.provider_id === providerId) &&
        (e.location_id === null || e.location_id === locationId) &&
        e.end_date >= fromDate &&
        e.start_date <= toDate,
    );
    for (let d = fromDate; d <= toDate; d = addDays(d, 1)) {
      for (const t of this.byKey.get(`${providerId}|${locationId}|${isoWeekday(d)}`) ?? []) {
        if (t.effective_from > d || (t.effective_to !== null && t.effective_to < d)) continue;
        add.push([localToEpochMs(zone, d, t.start_time), localToEpochMs(zone, d, t.end_time)]);
      }
      for (const e of exceptions) {
        if (e.start_date > d || e.end_date < d) continue;
        const range: Interval =
          e.start_time === null || e.end_time === null
            ? [localToEpochMs(zone, d, '00:00'), localToEpochMs(zone, addDays(d, 1), '00:00')]
            : [localToEpochMs(zone, d, e.start_time), localToEpochMs(zone, d, e.end_time)];
        (e.kind === 'extra_hours' ? add : remove).push(range);
      }
    }
    return subtract(normalize(add), normalize(remove));
  }
}
