import type { Selectable } from 'kysely';
import type { AvailabilityException, Template } from './scheduling.schemas.ts';
import type { AvailabilityExceptionsTable, AvailabilityTemplatesTable } from './scheduling.tables.ts';

/** 'HH:MM:SS' from PostgreSQL as 'HH:MM'. */
export const hhmm = (t: string) => t.slice(0, 5);

export function toTemplate(r: Selectable<AvailabilityTemplatesTable>): Template {
  return {
    id: r.id,
    providerId: r.provider_id,
    locationId: r.location_id,
    weekday: r.weekday,
    startTime: hhmm(r.start_time),
    endTime: hhmm(r.end_time),
    effectiveFrom: r.effective_from,
    effectiveTo: r.effective_to,
    version: r.version,
  };
}

export function toException(r: Selectable<AvailabilityExceptionsTable>): AvailabilityException {
  return {
    id: r.id,
    providerId: r.provider_id,
    locationId: r.location_id,
    kind: r.kind,
    startDate: r.start_date,
    endDate: r.end_date,
    startTime: r.start_time === null ? null : hhmm(r.start_time),
    endTime: r.end_time === null ? null : hhmm(r.end_time),
    reason: r.reason,
  };
}
