import type { Selectable } from 'kysely';
import type { AppointmentType, AppointmentTypePatch } from './scheduling.schemas.ts';
import type { AppointmentTypesTable } from './scheduling.tables.ts';

export function toAppointmentType(r: Selectable<AppointmentTypesTable>): AppointmentType {
  return {
    id: r.id,
    name: r.name,
    durationMinutes: r.duration_minutes,
    color: r.color,
    patientKind: r.patient_kind,
    resourceKinds: r.resource_kinds,
    providerIds: r.provider_ids,
    bufferMinutes: r.buffer_minutes,
    overbookingAllowed: r.overbooking_allowed,
    active: r.active,
    version: r.version,
  };
}

export function toAppointmentTypeColumns(i: AppointmentTypePatch) {
  return {
    ...(i.name !== undefined && { name: i.name }),
    ...(i.durationMinutes !== undefined && { duration_minutes: i.durationMinutes }),
    ...(i.color !== undefined && { color: i.color }),
    ...(i.patientKind !== undefined && { patient_kind: i.patientKind }),
    ...(i.resourceKinds !== undefined && { resource_kinds: i.resourceKinds }),
    ...(i.providerIds !== undefined && { provider_ids: i.providerIds }),
    ...(i.bufferMinutes !== undefined && { buffer_minutes: i.bufferMinutes }),
    ...(i.overbookingAllowed !== undefined && { overbooking_allowed: i.overbookingAllowed }),
    ...(i.active !== undefined && { active: i.active }),
  };
}
