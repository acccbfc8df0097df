import type { Updateable } from 'kysely';
import { requirePatientAccess, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { loadAppointmentType } from '../scheduling/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, invalid } from '../shared/errors.ts';
import { checkDiagnoses, checkProcedures } from './encounter-coding.ts';
import {
  type EncounterRow,
  loadEncounterFull,
  lockEncounter,
  type NoteColumns,
  saveNoteReturningFull,
  toEncounter,
} from './encounter-row.ts';
import type { Encounter, EncounterPatch } from './encounters.schemas.ts';
import type { EncountersTable } from './encounters.tables.ts';
import { roundTo } from './vitals.ts';

type Part = 'note' | 'vitals' | 'diagnoses' | 'procedures' | 'followUp';

/** The note's sections as sent (exactly as typed). */
function noteSet(note: NonNullable<EncounterPatch['note']>): NoteColumns {
  return {
    ...(note.format !== undefined && { note_format: note.format }),
    ...(note.subjective !== undefined && { subjective: note.subjective }),
    ...(note.objective !== undefined && { objective: note.objective }),
    ...(note.assessment !== undefined && { assessment: note.assessment }),
    ...(note.plan !== undefined && { plan: note.plan }),
  };
}

/** Vitals sent replace (null clears), others stay; blood pressure is checked as a pair on the result. */
function vitalsSet(current: EncounterRow, v: NonNullable<EncounterPatch['vitals']>): Updateable<EncountersTable> {
  const set: Updateable<EncountersTable> = {
    ...(v.systolic !== undefined && { systolic: v.systolic }),
    ...(v.diastolic !== undefined && { diastolic: v.diastolic }),
    ...(v.heartRate !== undefined && { heart_rate: v.heartRate }),
    ...(v.respiratoryRate !== undefined && { respiratory_rate: v.respiratoryRate }),
    ...(v.spo2 !== undefined && { spo2: v.spo2 }),
    ...(v.temperature !== undefined && {
      temperature_value: v.temperature ? roundTo(v.temperature.value, 1) : null,
      temperature_unit: v.temperature?.unit ?? null,
    }),
    ...(v.weight !== undefined && { weight_value: v.weight ? roundTo(v.weight.value, 2) : null, weight_unit: v.weight?.unit ?? null }),
    ...(v.height !== undefined && { height_value: v.height ? roundTo(v.height.value, 1) : null, height_unit: v.height?.unit ?? null }),
  };
  const systolic = v.systolic !== undefined ? v.systolic : current.systolic;
  const diastolic = v.diastolic !== undefined ? v.diastolic : current.diastolic;
  if ((systolic === null) !== (diastolic === null)) {
    throw invalid(systolic === null ? 'vitals.systolic' : 'vitals.diastolic', 'blood pressure needs both systolic and diastolic');
  }
  if (systolic !== null && diastolic !== null && systolic <= diastolic) {
    throw invalid('vitals.diastolic', 'must be lower than the systolic pressure');
  }
  return set;
}

/**
 * Save a draft (autosave): any of the note's sections, vitals, the ordered diagnoses, the
 * procedure lines, the follow-up request. `expectedVersion` comes from If-Match: a stale one
 * answers 412 with the current encounter, so the screen can offer to reapply. A signed note
 * answers 409 NOTE_SIGNED (and the database refuses it too: migration 0136's trigger).
 */
export async function updateEncounter(ctx: Ctx, id: string, patch: EncounterPatch, expectedVersion: number): Promise<Encounter> {
  requirePermission(ctx, 'note:write');
  return inTransaction(ctx, async (tx) => {
    // The autosave (note sections only) is one statement; anything else, or a save that does
    // not qualify (missing, signed, stale: told apart below), takes the general path.
    if (patch.note && Object.keys(patch).length === 1) {
      const saved = await saveNoteReturningFull(tx, id, noteSet(patch.note), expectedVersion);
      if (saved) {
        const access = await requirePatientAccess(tx, saved.patient_id, 'note:write');
        await recordAudit(tx, {
          action: 'update',
          resourceType: 'encounter',
          resourceId: id,
          access,
          details: { parts: ['note'], version: saved.version },
        });
        return toEncounter(tx, saved);
      }
    }
    const current = await lockEncounter(tx, id);
    const access = await requirePatientAccess(tx, current.patient_id, 'note:write');
    if (current.status === 'signed') {
      throw new AppError('NOTE_SIGNED', 'the note is signed: it changes only by addendum', { extra: { encounterId: id } });
    }
    if (current.version !== expectedVersion) {
      throw new AppError('VERSION_MISMATCH', `the encounter is at version ${current.version}`, {
        extra: { current: await toEncounter(tx, await loadEncounterFull(tx, id)) },
      });
    }
    const parts: Part[] = [];
    let set: Updateable<EncountersTable> = {};
    if (patch.note) {
      set = { ...set, ...noteSet(patch.note) };
      parts.push('note');
    }
    if (patch.vitals) {
      set = { ...set, ...vitalsSet(current, patch.vitals) };
      parts.push('vitals');
    }
    if (patch.followUp !== undefined) {
      const f = patch.followUp;
      if (f?.appointmentTypeId && !(await loadAppointmentType(tx, f.appointmentTypeId))) {
        throw invalid('followUp.appointmentTypeId', 'no such appointment type');
      }
      set = {
        ...set,
        follow_up_in_days: f?.inDays ?? null,
        follow_up_appointment_type_id: f?.appointmentTypeId ?? null,
        follow_up_note: f?.note ?? null,
      };
      parts.push('followUp');
    }
    const diagnoses = patch.diagnoses ? await checkDiagnoses(tx, patch.diagnoses) : null;
    const procedures = patch.procedures ? await checkProcedures(tx, patch.procedures) : null;
    await tx.db
      .updateTable('encounters')
      .set({ ...set, version: current.version + 1, updated_at: tx.clock.now() })
      .where('id', '=', id)
      .execute();
    const where = { organization_id: tx.organizationId, encounter_id: id };
    if (diagnoses) {
      await tx.db.deleteFrom('encounter_diagnoses').where('encounter_id', '=', id).execute();
      if (diagnoses.length) {
        await tx.db
          .insertInto('encounter_diagnoses')
          .values(diagnoses.map((code, i) => ({ ...where, position: i + 1, code })))
          .execute();
      }
      parts.push('diagnoses');
    }
    if (procedures) {
      await tx.db.deleteFrom('encounter_procedures').where('encounter_id', '=', id).execute();
      if (procedures.length) {
        await tx.db
          .insertInto('encounter_procedures')
          .values(
            procedures.map((p, i) => ({
              ...where,
              line: i + 1,
              code: p.code,
              modifiers: p.modifiers,
              units: p.units,
              diagnosis_pointers: p.diagnosisPointers,
            })),
          )
          .execute();
      }
      parts.push('procedures');
    }
    await recordAudit(tx, {
      action: 'update',
      resourceType: 'encounter',
      resourceId: id,
      access,
      details: { parts, version: current.version + 1 },
    });
    return toEncounter(tx, await loadEncounterFull(tx, id));
  });
}
