import { requirePatientAccess } from '../access/index.ts';
import { requirePermission } from '../access/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { requireLocationZone } from './check-references.ts';
import { insertAppointment } from './insert-appointment.ts';
import { addDays, localDateOf, localTimeOf, localToEpochMs, parseStart } from './local-time.ts';
import type { SeriesInput, SeriesResult } from './scheduling.schemas.ts';

const MAX_OCCURRENCES = 104;

/**
 * Book a weekly (or every-N-weeks) series in one call. Occurrences are expanded on the
 * location's wall clock, so 09:00 stays 09:00 across DST (a time in the spring-forward
 * gap shifts forward by the gap). Each occurrence is a normal appointment; one that
 * conflicts is reported (outcome 'conflict' with its error code) and the rest are booked.
 * When none can be booked, nothing is written and the answer is SLOT_TAKEN.
 */
export async function bookAppointmentSeries(ctx: Ctx, input: SeriesInput): Promise<SeriesResult> {
  requirePermission(ctx, 'appointment:write');
  return inTransaction(ctx, async (tx) => {
    const access = await requirePatientAccess(tx, input.patientId, 'appointment:write');
    const zone = await requireLocationZone(tx, input.locationId);
    const first = parseStart(input.start, zone).getTime();
    const firstDate = localDateOf(first, zone);
    const localTime = localTimeOf(first, zone);
    const type = await tx.db
      .selectFrom('appointment_types')
      .select('duration_minutes')
      .where('id', '=', input.appointmentTypeId)
      .where('organization_id', '=', tx.organizationId)
      .executeTakeFirst();
    const durationMs = (type?.duration_minutes ?? 0) * 60_000;
    const series = await tx.db
      .insertInto('appointment_series')
      .values({
        organization_id: tx.organizationId,
        patient_id: input.patientId,
        provider_id: input.providerId,
        location_id: input.locationId,
        appointment_type_id: input.appointmentTypeId,
        local_time: localTime,
        first_date: firstDate,
        every_weeks: input.everyWeeks,
        until_date: input.until ?? null,
        occurrence_count: input.count ?? null,
        except_dates: input.exceptDates,
        created_by: actorUserId(tx),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const occurrences: SeriesResult['occurrences'] = [];
    const limit = Math.min(input.count ?? MAX_OCCURRENCES, MAX_OCCURRENCES);
    for (let k = 0, date = firstDate; k < limit && (!input.until || date <= input.until); k++, date = addDays(date, 7 * input.everyWeeks)) {
      const start = localToEpochMs(zone, date, localTime);
      const base = { date, start: new Date(start).toISOString(), end: new Date(start + durationMs).toISOString() };
      if (input.exceptDates.includes(date)) {
        occurrences.push({ ...base, outcome: 'skipped', appointmentId: null, code: null });
        continue;
      }
      try {
        const id = await insertAppointment(tx, {
          ...input,
          start: new Date(start),
          seriesId: series.id,
          breakGlass: access.breakGlass,
        });
        occurrences.push({ ...base, outcome: 'booked', appointmentId: id, code: null });
      } catch (e) {
        if (!(e instanceof AppError) || !['SLOT_TAKEN', 'CONFLICT', 'PROVIDER_NOT_CREDENTIALED', 'ROOM_OUT_OF_SERVICE'].includes(e.code))
          throw e;
        const reason = (e.extra?.reason as string | undefined) ?? e.code;
        occurrences.push({ ...base, outcome: 'conflict', appointmentId: null, code: reason });
      }
    }
    if (!occurrences.some((o) => o.outcome === 'booked')) {
      throw new AppError('SLOT_TAKEN', 'no occurrence of the series could be booked', { extra: { occurrences } });
    }
    return { seriesId: series.id, occurrences };
  });
}
