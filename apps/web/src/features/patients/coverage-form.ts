/** A coverage as a form holds it (dates as typed, MM/DD/YYYY), its checks, and the API body it becomes. */
import type { CoverageInput, Payer } from './patients-api.ts';
import { birthDateProblem, isoOf, parseUsDate, todayIso, toUsDate } from './us-date.ts';

export interface CoverageValues {
  payerId: string;
  planName: string;
  memberId: string;
  groupNumber: string;
  priority: string;
  effectiveDate: string;
  officeCopay: number | string;
  relationship: string;
  subscriber: { kind: 'self' | 'person'; givenName: string; familyName: string; birthDate: string; sex: string };
}

/** A new coverage: primary, effective today unless given, the patient as subscriber. */
export const emptyCoverage = (effectiveDate = toUsDate(todayIso())): CoverageValues => ({
  payerId: '',
  planName: '',
  memberId: '',
  groupNumber: '',
  priority: 'primary',
  effectiveDate,
  officeCopay: '',
  relationship: '18',
  subscriber: { kind: 'self', givenName: '', familyName: '', birthDate: '', sex: 'unknown' },
});

/** Labels of the server's coverage field paths. */
export const COVERAGE_LABELS: Record<string, string> = {
  payerId: 'Payer',
  planName: 'Plan name',
  memberId: 'Member id',
  groupNumber: 'Group number',
  priority: 'Priority',
  effectiveDate: 'Effective date',
  terminationDate: 'Termination date',
  copays: 'Office copay',
  'copays.office': 'Office copay',
  relationship: "Patient is the subscriber's",
  subscriber: 'Subscriber',
  'subscriber.givenName': 'Subscriber given name',
  'subscriber.familyName': 'Subscriber family name',
  'subscriber.birthDate': 'Subscriber date of birth',
  'subscriber.sex': 'Subscriber sex',
};

const person = (all: CoverageValues) => all.subscriber.kind === 'person';

/** Mantine `validate` rules (the same for the Insurance tab and registration's insurance section). */
export const coverageValidation = {
  payerId: (v: string) => (v ? null : 'Choose a payer.'),
  memberId: (v: string) => (v.trim() ? null : 'Enter the member id from the card.'),
  effectiveDate: (v: string) => parseUsDate(v).error ?? null,
  subscriber: {
    givenName: (v: string, all: CoverageValues) => (person(all) && !v.trim() ? "Enter the subscriber's given name." : null),
    familyName: (v: string, all: CoverageValues) => (person(all) && !v.trim() ? "Enter the subscriber's family name." : null),
    birthDate: (v: string, all: CoverageValues) => (person(all) ? birthDateProblem(v) : null),
  },
};

/** The POST body. */
export function coverageBody(v: CoverageValues): CoverageInput {
  const copay = v.officeCopay === '' ? 0 : Number(v.officeCopay);
  return {
    payerId: v.payerId,
    planName: v.planName.trim() || null,
    memberId: v.memberId.trim(),
    groupNumber: v.groupNumber.trim() || null,
    priority: v.priority as CoverageInput['priority'],
    effectiveDate: isoOf(v.effectiveDate),
    copays: copay ? { office: Math.round(copay * 100) } : {},
    relationship: (v.subscriber.kind === 'self' ? '18' : v.relationship) as CoverageInput['relationship'],
    subscriber:
      v.subscriber.kind === 'self'
        ? { kind: 'self' }
        : {
            kind: 'person',
            givenName: v.subscriber.givenName.trim(),
            familyName: v.subscriber.familyName.trim(),
            birthDate: isoOf(v.subscriber.birthDate),
            sex: v.subscriber.sex as 'female' | 'male' | 'unknown',
          },
  } as CoverageInput;
}

/** Payers as Select options: "Aetna (60054)". */
export const payerOptions = (payers: Payer[]) =>
  payers.map((p) => ({ value: p.id, label: `${p.name}${p.ediPayerId ? ` (${p.ediPayerId})` : ''}` }));
