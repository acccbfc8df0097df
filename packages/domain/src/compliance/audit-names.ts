/**
 * Names for the ids of a page of audit events (issue 11: "ids show as names"): the patient,
 * and the resource where its owner declares a view of names (identity's staff_directory,
 * patients' patient_names, organizations' location_directory and room_directory, scheduling's
 * appointment_type_names). One query per page, whatever its size; never another module's table.
 *
 * A restricted record's name goes only to who may open it now (care team, active break-glass
 * grant), as on every other list ("Restricted patient"): for anyone else `patientName` is null,
 * and so is `resourceName` when the resource is that patient.
 */
import { sql } from 'kysely';
import { mayOpenPatientRowSql } from '../access/index.ts';
import type { Ctx } from '../shared/context.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Resource types whose id is a staff account, a patient, or a named thing of another module's view. */
const USER_RESOURCES = new Set(['user', 'user_sessions']);
const PATIENT_RESOURCES = new Set(['patient', 'access_report', 'care_team', 'patient_appointments', 'patient_messages']);
const OTHER_RESOURCES = { location: 'location_directory', room: 'room_directory', appointment_type: 'appointment_type_names' } as const;
type Kind = 'user' | 'patient' | keyof typeof OTHER_RESOURCES;

function kindOf(resourceType: string | null): Kind | null {
  if (!resourceType) return null;
  if (USER_RESOURCES.has(resourceType)) return 'user';
  if (PATIENT_RESOURCES.has(resourceType)) return 'patient';
  return resourceType in OTHER_RESOURCES ? (resourceType as keyof typeof OTHER_RESOURCES) : null;
}

export interface Nameable {
  patientId: string | null;
  resourceType: string | null;
  resourceId: string | null;
}

export interface Names {
  patientName: string | null;
  resourceName: string | null;
}

/** `items`, each with `patientName` and `resourceName` (null where there is none, or it is withheld). */
export async function nameAuditEvents<T extends Nameable>(ctx: Ctx, items: T[]): Promise<(T & Names)[]> {
  const wanted: Record<Kind, Set<string>> = {
    user: new Set(),
    patient: new Set(),
    location: new Set(),
    room: new Set(),
    appointment_type: new Set(),
  };
  for (const e of items) {
    if (e.patientId) wanted.patient.add(e.patientId);
    const kind = kindOf(e.resourceType);
    if (kind && e.resourceId && UUID.test(e.resourceId)) wanted[kind].add(e.resourceId.toLowerCase());
  }
  const ids = (k: Kind) => [...wanted[k]];
  if (Object.values(wanted).every((s) => s.size === 0)) return items.map((e) => ({ ...e, patientName: null, resourceName: null }));
  const org = ctx.organizationId;
  // A restricted record's name only for who may open it (access's predicate, read in place on patients' view).
  const openable = mayOpenPatientRowSql(ctx, 'p');
  const { rows } = await sql<{ kind: Kind; id: string; name: string }>`
    select 'user' as kind, u.id::text as id, u.display_name as name from staff_directory u
     where u.organization_id = ${org} and u.id = any(${ids('user')}::uuid[])
    union all
    select 'patient', p.id::text, p.given_name || ' ' || p.family_name from patient_names p
     where p.organization_id = ${org} and p.id = any(${ids('patient')}::uuid[]) and ${openable}
    union all
    select 'location', l.id::text, l.name from location_directory l
     where l.organization_id = ${org} and l.id = any(${ids('location')}::uuid[])
    union all
    select 'room', r.id::text, r.name from room_directory r
     where r.organization_id = ${org} and r.id = any(${ids('room')}::uuid[])
    union all
    select 'appointment_type', t.id::text, t.name from appointment_type_names t
     where t.organization_id = ${org} and t.id = any(${ids('appointment_type')}::uuid[])`.execute(ctx.db);
  const names = new Map(rows.map((r) => [`${r.kind}:${r.id}`, r.name]));
  return items.map((e) => {
    const kind = kindOf(e.resourceType);
    return {
      ...e,
      patientName: e.patientId ? (names.get(`patient:${e.patientId.toLowerCase()}`) ?? null) : null,
      resourceName: kind && e.resourceId ? (names.get(`${kind}:${e.resourceId.toLowerCase()}`) ?? null) : null,
    };
  });
}
