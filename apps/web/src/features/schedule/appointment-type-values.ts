/** An appointment type as the set-up form edits it, and the words the screen uses for its fields. */
import type { AppointmentType, Provider } from './schedule-api.ts';
import { providerName } from './schedule-api.ts';

export type PatientKind = AppointmentType['patientKind'];

export const PATIENT_KINDS: { value: PatientKind; label: string }[] = [
  { value: 'any', label: 'Anyone' },
  { value: 'new', label: 'New patients only' },
  { value: 'established', label: 'Established patients only' },
];

export const patientKindLabel = (kind: PatientKind) => PATIENT_KINDS.find((k) => k.value === kind)?.label ?? kind;

/** The server's field paths (top level) and the labels of the form's fields. */
export const TYPE_LABELS: Record<string, string> = {
  name: 'Name',
  durationMinutes: 'Duration (minutes)',
  color: 'Colour',
  patientKind: 'Patients',
  resourceKinds: 'Room kind',
  providerIds: 'Providers',
  bufferMinutes: 'Buffer after (minutes)',
  overbookingAllowed: 'Overbooking',
  active: 'Status',
};

/** Colours offered as swatches (any #rrggbb may be typed). */
export const SWATCHES = ['#228be6', '#40c057', '#fab005', '#fd7e14', '#fa5252', '#be4bdb', '#7950f2', '#15aabf', '#868e96'];

export interface TypeDraft {
  name: string;
  durationMinutes: number | string;
  color: string;
  patientKind: PatientKind;
  /** The room kind reserved for the visit; '' for none. */
  roomKind: string;
  /** Empty: every provider. */
  providerIds: string[];
  bufferMinutes: number | string;
  overbookingAllowed: boolean;
}

export const emptyDraft: TypeDraft = {
  name: '',
  durationMinutes: 30,
  color: '#228be6',
  patientKind: 'any',
  roomKind: '',
  providerIds: [],
  bufferMinutes: 0,
  overbookingAllowed: false,
};

export const draftOf = (t: AppointmentType): TypeDraft => ({
  name: t.name,
  durationMinutes: t.durationMinutes,
  color: t.color,
  patientKind: t.patientKind,
  roomKind: t.resourceKinds[0] ?? '',
  providerIds: t.providerIds,
  bufferMinutes: t.bufferMinutes,
  overbookingAllowed: t.overbookingAllowed,
});

/** A blank number field is sent as NaN's JSON (null) so the server names the field. */
const numberOf = (v: number | string) => (v === '' ? Number.NaN : Number(v));

export const bodyOf = (d: TypeDraft) => ({
  name: d.name.trim(),
  durationMinutes: numberOf(d.durationMinutes),
  color: d.color,
  patientKind: d.patientKind,
  resourceKinds: d.roomKind ? [d.roomKind] : [],
  providerIds: d.providerIds,
  bufferMinutes: numberOf(d.bufferMinutes),
  overbookingAllowed: d.overbookingAllowed,
});

/** The providers a type allows, by name ("Every provider" when it names none). */
export function providersLabel(ids: string[], providers: Provider[]): string {
  if (ids.length === 0) return 'Every provider';
  const names = new Map(providers.map((p) => [p.id, providerName(p)]));
  return ids.map((id) => names.get(id) ?? 'A provider no longer listed').join(', ');
}
