/**
 * The editable part of an encounter as the screen holds it (inputs as typed, strings included),
 * how it is read from the server's answer and turned into a PATCH, field by field. A field is the
 * unit of "what the user changed": each SOAP section on its own, then vitals, diagnoses,
 * procedures and follow-up as wholes. Reapplying after a 412 overrides exactly those fields.
 */
import {
  type Diagnosis,
  type Encounter,
  type EncounterPatch,
  type FollowUp,
  type Note,
  type NoteFormat,
  noteOf,
  type ProcedureLine,
  type SoapSection,
  type Vitals,
} from './encounters-api.ts';

export interface VitalsForm {
  systolic: string;
  diastolic: string;
  heartRate: string;
  respiratoryRate: string;
  spo2: string;
  temperature: string;
  temperatureUnit: 'F' | 'C';
  weight: string;
  weightUnit: 'lb' | 'kg';
  height: string;
  heightUnit: 'in' | 'cm';
}

export interface FollowUpForm {
  inDays: string;
  appointmentTypeId: string | null;
  note: string;
}

export interface DraftValues {
  note: Note;
  /** How the sections are shown once signed: as typed, or as safely rendered Markdown. */
  noteFormat: NoteFormat;
  vitals: VitalsForm;
  diagnoses: Diagnosis[];
  procedures: ProcedureLine[];
  /** null: no follow-up requested. */
  followUp: FollowUpForm | null;
}

export type DraftField = `note.${SoapSection}` | 'noteFormat' | 'vitals' | 'diagnoses' | 'procedures' | 'followUp';

const str = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

export function vitalsToForm(v: Vitals | null | undefined): VitalsForm {
  return {
    systolic: str(v?.systolic),
    diastolic: str(v?.diastolic),
    heartRate: str(v?.heartRate),
    respiratoryRate: str(v?.respiratoryRate),
    spo2: str(v?.spo2),
    temperature: str(v?.temperature?.value),
    temperatureUnit: v?.temperature?.unit ?? 'F',
    weight: str(v?.weight?.value),
    weightUnit: v?.weight?.unit ?? 'lb',
    height: str(v?.height?.value),
    heightUnit: v?.height?.unit ?? 'in',
  };
}

function followUpToForm(f: FollowUp | null | undefined): FollowUpForm | null {
  return f ? { inDays: String(f.inDays), appointmentTypeId: f.appointmentTypeId ?? null, note: f.note ?? '' } : null;
}

export function fromEncounter(e: Encounter): DraftValues {
  return {
    note: noteOf(e),
    noteFormat: e.note.format ?? 'plain',
    vitals: vitalsToForm(e.vitals),
    diagnoses: (e.diagnoses ?? []).map((d) => ({ code: d.code, description: d.description ?? null })),
    procedures: (e.procedures ?? []).map((p) => ({
      code: p.code,
      description: p.description ?? null,
      modifiers: p.modifiers ?? [],
      units: p.units ?? 1,
      diagnosisPointers: p.diagnosisPointers ?? [],
    })),
    followUp: followUpToForm(e.followUp),
  };
}

/** The value of one field. */
export function fieldValue(values: DraftValues, field: DraftField): unknown {
  if (field.startsWith('note.')) return values.note[field.slice(5) as SoapSection];
  return values[field as Exclude<DraftField, `note.${string}`>];
}

/** `base` with `fields` taken from `mine` (reapplying the user's edits over someone else's version). */
export function overlay(base: DraftValues, mine: Partial<DraftValues>, fields: Iterable<DraftField>): DraftValues {
  const out: DraftValues = { ...base, note: { ...base.note } };
  for (const f of fields) {
    if (f.startsWith('note.')) {
      const s = f.slice(5) as SoapSection;
      const v = mine.note?.[s];
      if (v !== undefined) out.note[s] = v;
    } else if (f === 'noteFormat' && mine.noteFormat) out.noteFormat = mine.noteFormat;
    else if (f === 'vitals' && mine.vitals) out.vitals = mine.vitals;
    else if (f === 'diagnoses' && mine.diagnoses) out.diagnoses = mine.diagnoses;
    else if (f === 'procedures' && mine.procedures) out.procedures = mine.procedures;
    else if (f === 'followUp' && mine.followUp !== undefined) out.followUp = mine.followUp;
  }
  return out;
}

/** A number as typed, or undefined for an empty field; NaN when it is not a number. */
function num(s: string): number | undefined {
  const t = s.trim().replace(',', '.');
  return t === '' ? undefined : Number(t);
}

/** The numeric inputs that are not numbers (the screen says so under each; they are not sent). */
export function vitalsInputErrors(f: VitalsForm): Partial<Record<keyof VitalsForm, string>> {
  const errors: Partial<Record<keyof VitalsForm, string>> = {};
  for (const k of ['systolic', 'diastolic', 'heartRate', 'respiratoryRate', 'spo2', 'temperature', 'weight', 'height'] as const) {
    if (Number.isNaN(num(f[k]))) errors[k] = 'Enter a number';
  }
  return errors;
}

/**
 * The vitals as the API takes them: every field, a blank input as null (the PATCH merges field
 * by field, null clears); null when a typed value is not a number.
 */
export function vitalsPayload(f: VitalsForm): Vitals | null {
  if (Object.keys(vitalsInputErrors(f)).length) return null;
  const n = (s: string) => num(s) ?? null;
  const m = <U extends string>(s: string, unit: U) => {
    const value = num(s);
    return value === undefined ? null : { value, unit };
  };
  // Blood pressure is a pair: while only one half is typed, neither is sent (the saved pair stays).
  const bp = (n(f.systolic) === null) === (n(f.diastolic) === null) ? { systolic: n(f.systolic), diastolic: n(f.diastolic) } : {};
  return {
    ...bp,
    heartRate: n(f.heartRate),
    respiratoryRate: n(f.respiratoryRate),
    spo2: n(f.spo2),
    temperature: m(f.temperature, f.temperatureUnit),
    weight: m(f.weight, f.weightUnit),
    height: m(f.height, f.heightUnit),
  };
}

/** The follow-up as the API takes it; undefined while the number of days is not a whole number yet. */
export function followUpPayload(f: FollowUpForm | null): FollowUp | null | undefined {
  if (f === null) return null;
  const days = Number(f.inDays);
  if (!/^\d+$/.test(f.inDays.trim()) || !Number.isInteger(days)) return undefined;
  const note = f.note.trim();
  return { inDays: days, appointmentTypeId: f.appointmentTypeId, note: note || null };
}

/**
 * The PATCH for the changed fields, and which fields it carries (a field whose input cannot be
 * sent yet, such as "12a" in a vitals box, stays changed and waits for the next keystroke).
 */
export function buildPatch(values: DraftValues, changed: ReadonlySet<DraftField>): { patch: EncounterPatch; sent: DraftField[] } {
  const patch: EncounterPatch = {};
  const sent: DraftField[] = [];
  for (const f of changed) {
    if (f.startsWith('note.')) {
      // Only the sections changed: someone else's edit of another section stays.
      const section = f.slice(5) as SoapSection;
      patch.note = { ...patch.note, [section]: values.note[section] };
      sent.push(f);
    } else if (f === 'noteFormat') {
      patch.note = { ...patch.note, format: values.noteFormat };
      sent.push(f);
    } else if (f === 'vitals') {
      const v = vitalsPayload(values.vitals);
      if (v) {
        patch.vitals = v;
        sent.push(f);
      }
    } else if (f === 'diagnoses') {
      patch.diagnoses = values.diagnoses.map((d) => ({ code: d.code }));
      sent.push(f);
    } else if (f === 'procedures') {
      patch.procedures = values.procedures.map((p) => ({
        code: p.code,
        modifiers: p.modifiers,
        units: p.units,
        diagnosisPointers: p.diagnosisPointers,
      }));
      sent.push(f);
    } else if (f === 'followUp') {
      const fu = followUpPayload(values.followUp);
      if (fu !== undefined) {
        patch.followUp = fu;
        sent.push(f);
      }
    }
  }
  return { patch, sent };
}

export const noteIsEmpty = (n: Note) => Object.values(n).every((s) => s.trim() === '');
