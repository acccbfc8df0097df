/**
 * The claim scrubber's rules, as DATA: each a code, a severity, the field it names and one small
 * check answering the problems it finds (empty: the claim passes). `scrub-claim.ts` runs them all;
 * errors keep a claim from `ready`, a warning only until a biller overrides it with a reason.
 * The table in docs/ARCHITECTURE.md ("Claims") lists them.
 *
 * The sex- and age-specific lists below are a STARTER list of well-known ICD-10-CM ranges, not the
 * CMS Medicare Code Editor (MCE) edits: extend them here as payers reject.
 */
import { isValidNpi } from '../shared/validation.ts';
import type { ClaimSnapshot } from './claim-snapshot.ts';

/** What the rules read: the claim's snapshot, date of service, diagnoses and lines. */
export interface ScrubClaim extends ClaimSnapshot {
  id: string;
  dateOfService: string;
  diagnoses: string[];
  lines: { procedureCode: string; modifiers: string[]; units: number; chargeCents: number; diagnosisPointers: number[] }[];
}

/** What the rules need from outside the claim, looked up once by the scrub. */
export interface ScrubContext {
  /** Today at the practice, `YYYY-MM-DD`. */
  today: string;
  /** Each diagnosis as typed → whether the code set knows it and bills it (absent: unknown code). */
  icd10: ReadonlyMap<string, { billable: boolean }>;
  /** Patient control numbers of the patient's other claims with the same date of service and a procedure code in common. */
  duplicates: readonly string[];
}

export type Severity = 'error' | 'warning';

export interface Problem {
  message: string;
  /** Defaults to the rule's field. */
  field?: string;
}

export interface ScrubRule {
  code: string;
  severity: Severity;
  field: string;
  /** One line for the rules table. */
  about: string;
  check(claim: ScrubClaim, context: ScrubContext): Problem[];
}

const problem = (message: string, field?: string): Problem[] => [{ message, ...(field ? { field } : {}) }];
const ok: Problem[] = [];

/** Whole days from `a` to `b` (dates `YYYY-MM-DD`). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Completed years of age on `on` for a birth date. */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The 3-character category of an ICD-10-CM code (`O09.511` → `O09`). */
const category = (code: string) => code.replace('.', '').slice(0, 3).toUpperCase();
const inRanges = (code: string, ranges: readonly (readonly [string, string])[]) =>
  ranges.some(([from, to]) => category(code) >= from && category(code) <= to);

/** Female-only categories: pregnancy and childbirth (O00–O9A), pregnancy supervision (Z33–Z3A), female genital organs. */
export const FEMALE_ONLY: readonly (readonly [string, string])[] = [
  ['O00', 'O9A'],
  ['Z33', 'Z34'],
  ['Z3A', 'Z3A'],
  ['N70', 'N98'],
  ['C51', 'C58'],
  ['D25', 'D28'],
];
/** Male-only categories: male genital organs (N40–N53), their neoplasms. */
export const MALE_ONLY: readonly (readonly [string, string])[] = [
  ['N40', 'N53'],
  ['C60', 'C63'],
  ['D29', 'D29'],
];
/** Perinatal conditions (P00–P96): expected only under 1 year of age. */
export const NEWBORN_ONLY: readonly (readonly [string, string])[] = [['P00', 'P96']];

const required = (code: string, field: string, what: string, get: (c: ScrubClaim) => string | null | undefined): ScrubRule => ({
  code,
  severity: 'error',
  field,
  about: `${what} is required`,
  check: (c) => (get(c)?.trim() ? ok : problem(`${what} is missing.`)),
});

const npiCheck = (code: string, field: string, what: string, get: (c: ScrubClaim) => string | null | undefined): ScrubRule => ({
  code,
  severity: 'error',
  field,
  about: `${what} passes the NPI check digit (Luhn over 80840 + the first nine digits)`,
  check: (c) => {
    const npi = get(c);
    return !npi || isValidNpi(npi) ? ok : problem(`${what} ${npi} fails the NPI check digit.`);
  },
});

export const SCRUB_RULES: readonly ScrubRule[] = [
  required(
    'BILLING_NPI_REQUIRED',
    'billingProvider.npi',
    "The billing provider's NPI (the location's billing NPI)",
    (c) => c.billingProvider.npi,
  ),
  required(
    'BILLING_TIN_REQUIRED',
    'billingProvider.tin',
    "The billing provider's tax id (the location's TIN)",
    (c) => c.billingProvider.tin,
  ),
  {
    code: 'BILLING_ADDRESS_REQUIRED',
    severity: 'error',
    field: 'billingProvider.address',
    about: "the billing provider's street address, city, state and ZIP are required",
    check: (c) => {
      const a = c.billingProvider.address;
      return a?.line1 && a.city && a.state && a.postalCode
        ? ok
        : problem("The billing location's address is incomplete (street, city, state, ZIP).");
    },
  },
  required('RENDERING_NPI_REQUIRED', 'renderingProvider.npi', "The rendering provider's NPI", (c) => c.renderingProvider.npi),
  required('MEMBER_ID_REQUIRED', 'subscriber.memberId', "The subscriber's member id", (c) => c.subscriber.memberId),
  required('PAYER_ID_REQUIRED', 'payer.ediPayerId', "The payer's electronic payer id", (c) => c.payer.ediPayerId),
  required('PATIENT_DOB_REQUIRED', 'patient.birthDate', "The patient's date of birth", (c) => c.patient.birthDate),
  {
    code: 'PATIENT_SEX_REQUIRED',
    severity: 'error',
    field: 'patient.sex',
    about: "the patient's sex is female or male",
    check: (c) => (c.patient.sex === 'unknown' ? problem("The patient's sex is not recorded (female or male).") : ok),
  },
  {
    code: 'PATIENT_ADDRESS_REQUIRED',
    severity: 'error',
    field: 'patient.address',
    about: "the patient's street address, city, state and ZIP are required",
    check: (c) => {
      const a = c.patient.address;
      return a?.line1 && a.city && a.state && a.postalCode
        ? ok
        : problem("The patient's address is incomplete (street, city, state, ZIP).");
    },
  },
  {
    code: 'DIAGNOSIS_REQUIRED',
    severity: 'error',
    field: 'diagnoses',
    about: 'at least one diagnosis (at most 12)',
    check: (c) =>
      c.diagnoses.length === 0
        ? problem('The claim has no diagnosis.')
        : c.diagnoses.length > 12
          ? problem('A claim carries at most 12 diagnoses.')
          : ok,
  },
  {
    code: 'LINE_REQUIRED',
    severity: 'error',
    field: 'lines',
    about: 'at least one service line (at most 50)',
    check: (c) =>
      c.lines.length === 0
        ? problem('The claim has no service line.')
        : c.lines.length > 50
          ? problem('A claim carries at most 50 lines.')
          : ok,
  },
  npiCheck('BILLING_NPI_CHECK_DIGIT', 'billingProvider.npi', 'The billing NPI', (c) => c.billingProvider.npi),
  npiCheck('RENDERING_NPI_CHECK_DIGIT', 'renderingProvider.npi', 'The rendering NPI', (c) => c.renderingProvider.npi),
  npiCheck('REFERRING_NPI_CHECK_DIGIT', 'referringProvider.npi', 'The referring NPI', (c) => c.referringProvider?.npi),
  {
    code: 'TIN_FORMAT',
    severity: 'error',
    field: 'billingProvider.tin',
    about: 'the TIN is 9 digits',
    check: (c) => {
      const tin = c.billingProvider.tin;
      return !tin || /^\d{9}$/.test(tin) ? ok : problem(`The tax id ${tin} is not 9 digits.`);
    },
  },
  {
    code: 'DIAGNOSIS_BILLABLE',
    severity: 'error',
    field: 'diagnoses',
    about: 'every diagnosis is a billable ICD-10-CM code (not a category heading)',
    check: (c, ctx) =>
      c.diagnoses.flatMap((code, i) => {
        const known = ctx.icd10.get(code);
        if (!known) return problem(`${code} is not an ICD-10-CM code.`, `diagnoses.${i}`);
        return known.billable ? [] : problem(`${code} is a category heading, not a billable code.`, `diagnoses.${i}`);
      }),
  },
  {
    code: 'DOS_IN_FUTURE',
    severity: 'error',
    field: 'dateOfService',
    about: 'the date of service is not in the future',
    check: (c, ctx) => (c.dateOfService > ctx.today ? problem(`The date of service ${c.dateOfService} is in the future.`) : ok),
  },
  {
    code: 'DOS_BEFORE_BIRTH',
    severity: 'error',
    field: 'dateOfService',
    about: "the date of service is not before the patient's birth",
    check: (c) =>
      c.patient.birthDate && c.dateOfService < c.patient.birthDate
        ? problem(`The date of service ${c.dateOfService} is before the patient's birth (${c.patient.birthDate}).`)
        : ok,
  },
  {
    code: 'DOS_OUTSIDE_COVERAGE',
    severity: 'error',
    field: 'dateOfService',
    about: "the date of service is within the coverage's effective and termination dates",
    check: (c) => {
      const { effectiveDate, terminationDate } = c.coverage;
      if (c.dateOfService < effectiveDate) return problem(`The coverage starts ${effectiveDate}, after the date of service.`);
      if (terminationDate && c.dateOfService > terminationDate)
        return problem(`The coverage ended ${terminationDate}, before the date of service.`);
      return ok;
    },
  },
  {
    code: 'POINTER_VALID',
    severity: 'error',
    field: 'lines',
    about: 'each line points at 1 to 4 of the claim diagnoses',
    check: (c) =>
      c.lines.flatMap((l, i) =>
        l.diagnosisPointers.length === 0 || l.diagnosisPointers.length > 4
          ? problem(`Line ${i + 1} needs 1 to 4 diagnosis pointers.`, `lines.${i}.diagnosisPointers`)
          : l.diagnosisPointers.some((p) => !Number.isInteger(p) || p < 1 || p > c.diagnoses.length)
            ? problem(`Line ${i + 1} points at a diagnosis the claim does not have.`, `lines.${i}.diagnosisPointers`)
            : [],
      ),
  },
  {
    code: 'UNITS_POSITIVE',
    severity: 'error',
    field: 'lines',
    about: 'units are more than zero',
    check: (c) => c.lines.flatMap((l, i) => (l.units > 0 ? [] : problem(`Line ${i + 1} bills ${l.units} units.`, `lines.${i}.units`))),
  },
  {
    code: 'MODIFIER_FORMAT',
    severity: 'error',
    field: 'lines',
    about: 'at most 4 modifiers per line, each 2 letters or digits',
    check: (c) =>
      c.lines.flatMap((l, i) =>
        l.modifiers.length > 4 || l.modifiers.some((m) => !/^[A-Z0-9]{2}$/.test(m))
          ? problem(`Line ${i + 1}'s modifiers must be at most 4, each 2 letters or digits.`, `lines.${i}.modifiers`)
          : [],
      ),
  },
  {
    code: 'SEX_SPECIFIC_DIAGNOSIS',
    severity: 'error',
    field: 'diagnoses',
    about: 'female-only codes (O00–O9A, Z33–Z3A, N70–N98...) for female patients, male-only (N40–N53...) for male ones (starter list)',
    check: (c) =>
      c.diagnoses.flatMap((code, i) => {
        if (c.patient.sex === 'male' && inRanges(code, FEMALE_ONLY))
          return problem(`${code} is a female-only code; the patient is recorded as male.`, `diagnoses.${i}`);
        if (c.patient.sex === 'female' && inRanges(code, MALE_ONLY))
          return problem(`${code} is a male-only code; the patient is recorded as female.`, `diagnoses.${i}`);
        return [];
      }),
  },
  {
    code: 'NEWBORN_CODE_AGE',
    severity: 'warning',
    field: 'diagnoses',
    about: 'perinatal codes (P00–P96) are expected only under 1 year of age',
    check: (c) =>
      c.patient.birthDate && ageOn(c.patient.birthDate, c.dateOfService) >= 1
        ? c.diagnoses.flatMap((code, i) =>
            inRanges(code, NEWBORN_ONLY) ? problem(`${code} is a perinatal code; the patient was 1 or older.`, `diagnoses.${i}`) : [],
          )
        : ok,
  },
  {
    code: 'DUPLICATE_CLAIM',
    severity: 'warning',
    field: 'lines',
    about: 'no other claim of the patient bills the same date of service and procedure code',
    check: (_c, ctx) =>
      ctx.duplicates.length ? problem(`Claim ${ctx.duplicates.join(', ')} already bills the same date of service and procedure.`) : ok,
  },
  {
    code: 'TIMELY_FILING_PASSED',
    severity: 'error',
    field: 'dateOfService',
    about: "the payer's timely filing limit (days after the date of service) has not passed",
    check: (c, ctx) => {
      const left = c.payer.timelyFilingDays - daysBetween(c.dateOfService, ctx.today);
      return left < 0 ? problem(`The payer's ${c.payer.timelyFilingDays}-day filing limit passed ${-left} days ago.`) : ok;
    },
  },
  {
    code: 'TIMELY_FILING_NEAR',
    severity: 'warning',
    field: 'dateOfService',
    about: "the payer's timely filing limit is more than 30 days away",
    check: (c, ctx) => {
      const left = c.payer.timelyFilingDays - daysBetween(c.dateOfService, ctx.today);
      return left >= 0 && left <= 30 ? problem(`The payer's filing limit ends in ${left} days.`) : ok;
    },
  },
];

/** Run every rule: errors and warnings, each naming its rule and field. */
export function runScrubRules(
  claim: ScrubClaim,
  context: ScrubContext,
  rules: readonly ScrubRule[] = SCRUB_RULES,
): { errors: { rule: string; message: string; field: string }[]; warnings: { rule: string; message: string; field: string }[] } {
  const errors: { rule: string; message: string; field: string }[] = [];
  const warnings: { rule: string; message: string; field: string }[] = [];
  for (const r of rules)
    for (const p of r.check(claim, context))
      (r.severity === 'error' ? errors : warnings).push({ rule: r.code, message: p.message, field: p.field ?? r.field });
  return { errors, warnings };
}
