import { requirePatientAccess } from '../access/index.ts';
import { requirePermission } from '../access/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { requireLocationZone } from './check-references.ts';
import { loadAppointment } from './get-appointment.ts';
import { insertAppointment } from './insert-appointment.ts';
import { isInstant, parseStart } from './local-time.ts';
import type { Appointment, BookAppointmentInput } from './scheduling.schemas.ts';

/**
 * Local booking times already resolved in a zone. A desk books the same few hundred times
 * (the slots of the day) over and over, and Temporal's zone arithmetic costs more than the
 * rest of the booking's checks; a time that does not exist (a daylight-saving gap) still
 * throws each time.
 */
const localStarts = new Map<string, number>();
function startIn(value: string, zone: string): Date {
  const key = `${zone}|${value}`;
  const known = localStarts.get(key);
  if (known !== undefined) return new Date(known);
  const start = parseStart(value, zone);
  if (localStarts.size >= 10_000) localStarts.clear();
  localStarts.set(key, start.getTime());
  return start;
}

/**
 * Book a visit. 409 SLOT_TAKEN when the provider (or the reserved room) already has an
 * active booking overlapping [start, end + buffer): the database decides, so two
 * concurrent requests can never both win. 409 CONFLICT (PATIENT_KIND) when the type is
 * for new patients and the patient is established, or the reverse (patient-kind.ts).
 */
export async function bookAppointment(
  ctx: Ctx,
  input: Omit<BookAppointmentInput, 'notes' | 'overbook' | 'overridePatientKind'> &
    Partial<Pick<BookAppointmentInput, 'notes' | 'overbook' | 'overridePatientKind'>>,
): Promise<Appointment> {
  requirePermission(ctx, 'appointment:write');
  return inTransaction(ctx, async (tx) => {
    const access = await requirePatientAccess(tx, input.patientId, 'appointment:write');
    // An instant needs no zone (insertAppointment checks the location anyway): one query fewer.
    const zone = isInstant(input.start) ? 'UTC' : await requireLocationZone(tx, input.locationId);
    const id = await insertAppointment(tx, {
      ...input,
      start: isInstant(input.start) ? parseStart(input.start, zone) : startIn(input.start, zone),
      breakGlass: access.breakGlass,
    });
    return loadAppointment(tx, id);
  });
}
