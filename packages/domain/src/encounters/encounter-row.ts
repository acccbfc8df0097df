/**
 * One encounter as stored, and its public shape. The row, its codes, its addenda and the
 * provider's name come back in one statement (the autosave answer reads this on every save);
 * code descriptions and fees come from the codes module.
 */
import { type Selectable, sql } from 'kysely';
import { findIcd10Codes, findProcedures, type Icd10Code, type ProcedureEntry } from '../codes/index.ts';
import { loadAppointmentFacts } from '../scheduling/index.ts';
import type { Ctx } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import type { Encounter, Vitals } from './encounters.schemas.ts';
import type { EncountersTable } from './encounters.tables.ts';
import { hcpcsInEffect } from './encounter-coding.ts';
import { bodyMassIndex } from './vitals.ts';

export type EncounterRow = Selectable<EncountersTable>;

export interface ProcedureLine {
  code: string;
  modifiers: string[];
  units: number;
  diagnosisPointers: number[];
}

export interface AddendumLine {
  id: string;
  text: string;
  author_id: string;
  author_name: string;
  signed_at: string;
}

export interface EncounterFull extends EncounterRow {
  provider_name: string;
  patient_name: string;
  signed_by_name: string | null;
  cosigned_by_name: string | null;
  cosign_provider_name: string | null;
  diagnoses: { code: string }[];
  procedures: ProcedureLine[];
  addenda: AddendumLine[];
}

/** The encounter row alone (organization-scoped), optionally locked for a change; NOT_FOUND otherwise. */
export async function lockEncounter(tx: Ctx, id: string): Promise<EncounterRow> {
  const row = await tx.db
    .selectFrom('encounters')
    .selectAll()
    .where('id', '=', id)
    .where('organization_id', '=', tx.organizationId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('encounter');
  return row;
}

/**
 * What an encounter row `e` (joined to its provider `p`) shows besides its own columns: names,
 * codes and addenda, as subselects. One definition for every statement that answers an encounter.
 */
const FULL_COLUMNS = sql`concat_ws(' ', p.given_name, p.family_name) || case when p.credentials <> '' then ', ' || p.credentials else '' end as provider_name,
  (select pn.given_name || ' ' || pn.family_name from patient_names pn where pn.id = e.patient_id) as patient_name,
  (select s.display_name from staff_directory s where s.id = e.signed_by) as signed_by_name,
  (select s.display_name from staff_directory s where s.id = e.cosigned_by) as cosigned_by_name,
  (select concat_ws(' ', c.given_name, c.family_name) || case when c.credentials <> '' then ', ' || c.credentials else '' end
     from provider_directory c where c.id = e.cosign_provider_id) as cosign_provider_name,
  coalesce((select json_agg(json_build_object('code', d.code) order by d.position)
     from encounter_diagnoses d where d.encounter_id = e.id), '[]'::json) as diagnoses,
  coalesce((select json_agg(json_build_object('code', x.code, 'modifiers', x.modifiers, 'units', x.units,
       'diagnosisPointers', x.diagnosis_pointers) order by x.line)
     from encounter_procedures x where x.encounter_id = e.id), '[]'::json) as procedures,
  coalesce((select json_agg(json_build_object('id', a.id, 'text', a.text, 'author_id', a.author_id,
       'author_name', s.display_name, 'signed_at', a.signed_at) order by a.signed_at, a.id)
     from encounter_addenda a join staff_directory s on s.id = a.author_id where a.encounter_id = e.id), '[]'::json) as addenda`;

/** The encounter with its codes, addenda and names, in one statement. */
export async function loadEncounterFull(tx: Ctx, id: string): Promise<EncounterFull> {
  const { rows } = await sql<EncounterFull>`select e.*, ${FULL_COLUMNS}
      from encounters e join provider_directory p on p.id = e.provider_id
     where e.id = ${id} and e.organization_id = ${tx.organizationId}`.execute(tx.db);
  const row = rows[0];
  if (!row) throw notFound('encounter');
  return row;
}

/** The note's columns an autosave may write. */
export interface NoteColumns {
  note_format?: 'plain' | 'markdown';
  subjective?: string;
  objective?: string;
  assessment?: string;
  plan?: string;
}

/**
 * The autosave's one statement: write the note's sections of an open draft at `expectedVersion`
 * and answer the whole encounter as it now is. Undefined when no row qualified (missing, signed,
 * or another version): the caller's general path tells which. The caller checks access to the
 * answered patient before anything leaves its transaction.
 */
export async function saveNoteReturningFull(
  tx: Ctx,
  id: string,
  note: NoteColumns,
  expectedVersion: number,
): Promise<EncounterFull | undefined> {
  const sets = Object.entries(note)
    .filter(([, v]) => v !== undefined)
    .map(([column, value]) => sql`${sql.ref(column)} = ${value}`);
  const { rows } = await sql<EncounterFull>`with e as (
      update encounters set ${sql.join([...sets, sql`version = version + 1`, sql`updated_at = ${tx.clock.now()}`])}
       where id = ${id} and organization_id = ${tx.organizationId} and status = 'open' and version = ${expectedVersion}
      returning *)
    select e.*, ${FULL_COLUMNS} from e join provider_directory p on p.id = e.provider_id`.execute(tx.db);
  return rows[0];
}

const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);

export function vitalsOf(r: EncounterRow): Vitals {
  const temperature = r.temperature_unit ? { value: Number(r.temperature_value), unit: r.temperature_unit } : null;
  const weight = r.weight_unit ? { value: Number(r.weight_value), unit: r.weight_unit } : null;
  const height = r.height_unit ? { value: Number(r.height_value), unit: r.height_unit } : null;
  return {
    systolic: r.systolic,
    diastolic: r.diastolic,
    heartRate: r.heart_rate,
    respiratoryRate: r.respiratory_rate,
    spo2: r.spo2,
    temperature,
    weight,
    height,
    bmi: bodyMassIndex(weight, height),
  };
}

export function followUpOf(r: EncounterRow): Encounter['followUp'] {
  return r.follow_up_in_days === null
    ? null
    : { inDays: r.follow_up_in_days, appointmentTypeId: r.follow_up_appointment_type_id, note: r.follow_up_note };
}

/** The public shape: code descriptions and fees looked up, the supervisor named while a co-signature is due. */
export async function toEncounter(tx: Ctx, r: EncounterFull): Promise<Encounter> {
  const [icd, procs, visit] = await Promise.all([
    r.diagnoses.length
      ? findIcd10Codes(
          tx,
          r.diagnoses.map((d) => d.code),
        )
      : new Map<string, Icd10Code>(),
    r.procedures.length
      ? findProcedures(
          tx,
          r.procedures.map((p) => p.code),
        )
      : new Map<string, ProcedureEntry>(),
    r.appointment_id ? loadAppointmentFacts(tx.db, tx.organizationId, r.appointment_id) : null,
  ]);
  // A HCPCS Level II line off the practice's list shows the reference set's description (no fee).
  const missing = r.procedures.map((p) => p.code).filter((c) => !procs.has(c));
  const hcpcs = missing.length ? await hcpcsInEffect(tx, missing) : new Map<string, string>();
  return {
    id: r.id,
    status: r.status,
    patientId: r.patient_id,
    providerId: r.provider_id,
    providerName: r.provider_name,
    patientName: r.patient_name,
    locationId: r.location_id,
    appointmentId: r.appointment_id,
    appointmentTypeId: visit?.appointmentTypeId ?? null,
    dateOfService: r.date_of_service,
    note: { format: r.note_format, subjective: r.subjective, objective: r.objective, assessment: r.assessment, plan: r.plan },
    vitals: vitalsOf(r),
    diagnoses: r.diagnoses.map((d) => ({ code: d.code, description: icd.get(d.code)?.description ?? '' })),
    procedures: r.procedures.map((p) => {
      const entry = procs.get(p.code);
      return {
        code: p.code,
        description: entry?.description ?? hcpcs.get(p.code) ?? '',
        modifiers: p.modifiers,
        units: p.units,
        diagnosisPointers: p.diagnosisPointers,
        feeCents: entry ? entry.defaultFeeCents * p.units : null,
      };
    }),
    followUp: followUpOf(r),
    signedAt: iso(r.signed_at),
    signedBy: r.signed_by,
    signedByName: r.signed_by_name,
    cosignRequired: r.cosign_required,
    cosignedAt: iso(r.cosigned_at),
    cosignedBy: r.cosigned_by,
    cosignedByName: r.cosigned_by_name,
    supervisingProviderId: r.cosign_provider_id,
    supervisingProviderName: r.cosign_provider_name,
    addenda: r.addenda.map((a) => ({
      id: a.id,
      text: a.text,
      authorId: a.author_id,
      authorName: a.author_name,
      signedAt: new Date(a.signed_at).toISOString(),
    })),
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
    version: r.version,
  };
}
