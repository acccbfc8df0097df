/** Every scrubber rule with a passing and a failing case, on a clean claim fixture; and the state table. */
import { describe, expect, it } from 'vitest';
import { npiWithCheckDigit } from '../shared/validation.ts';
import { CLAIM_STATUSES, CLAIM_TRANSITIONS, canTransition } from './claim-states.ts';
import { ageOn, runScrubRules, SCRUB_RULES, type ScrubClaim, type ScrubContext } from './scrub-rules.ts';

const NPI = npiWithCheckDigit('123456789');
const BAD_NPI = NPI.slice(0, 9) + String((Number(NPI[9]) + 1) % 10);
const address = { line1: '12 Elm St', line2: null, city: 'Denver', state: 'CO', postalCode: '80203' };

function clean(): ScrubClaim {
  const patient = { givenName: 'Ana', familyName: 'Lee', birthDate: '1980-05-17', sex: 'female' as const, address };
  return {
    id: '00000000-0000-4000-8000-000000000001',
    dateOfService: '2026-03-03',
    diagnoses: ['I10', 'E11.9'],
    lines: [
      { procedureCode: '99213', modifiers: ['25'], units: 1, chargeCents: 15000, diagnosisPointers: [1, 2] },
      { procedureCode: '36415', modifiers: [], units: 1, chargeCents: 1500, diagnosisPointers: [1] },
    ],
    billingProvider: { name: 'Clinic', npi: NPI, tin: '840123456', address },
    renderingProvider: { givenName: 'Sam', familyName: 'Rao', npi: NPI, taxonomy: '207Q00000X' },
    referringProvider: null,
    serviceFacility: { name: 'Main', address },
    payer: { name: 'Acme', ediPayerId: '60054', timelyFilingDays: 365 },
    coverage: { effectiveDate: '2026-01-01', terminationDate: null, priority: 'primary' },
    subscriber: { ...patient, memberId: 'M1', groupNumber: null, relationship: '18' },
    patient,
  };
}

function context(over: Partial<ScrubContext> = {}): ScrubContext {
  return {
    today: '2026-03-10',
    icd10: new Map<string, { billable: boolean }>([
      ...['I10', 'E11.9', 'O09.511', 'N40.0', 'P07.30', 'Z34.00'].map((c) => [c, { billable: true }] as [string, { billable: boolean }]),
      ['E11', { billable: false }],
    ]),
    duplicates: [],
    ...over,
  };
}

type Case = { fail: (c: ScrubClaim) => void; ctx?: Partial<ScrubContext>; pass?: (c: ScrubClaim) => void; passCtx?: Partial<ScrubContext> };

/** For each rule: a change to the clean claim (or context) that makes it fire; optionally a near miss that must not. */
const CASES: Record<string, Case> = {
  BILLING_NPI_REQUIRED: { fail: (c) => (c.billingProvider.npi = null) },
  BILLING_TIN_REQUIRED: { fail: (c) => (c.billingProvider.tin = null) },
  BILLING_ADDRESS_REQUIRED: { fail: (c) => (c.billingProvider.address = { ...address, postalCode: '' }) },
  RENDERING_NPI_REQUIRED: { fail: (c) => (c.renderingProvider.npi = null) },
  MEMBER_ID_REQUIRED: { fail: (c) => (c.subscriber.memberId = ' ') },
  PAYER_ID_REQUIRED: { fail: (c) => (c.payer.ediPayerId = null) },
  PATIENT_DOB_REQUIRED: { fail: (c) => (c.patient.birthDate = null) },
  PATIENT_SEX_REQUIRED: { fail: (c) => (c.patient.sex = 'unknown'), pass: (c) => (c.patient.sex = 'male') },
  PATIENT_ADDRESS_REQUIRED: { fail: (c) => (c.patient.address = null) },
  DIAGNOSIS_REQUIRED: { fail: (c) => (c.diagnoses = []) },
  LINE_REQUIRED: { fail: (c) => (c.lines = []) },
  BILLING_NPI_CHECK_DIGIT: { fail: (c) => (c.billingProvider.npi = BAD_NPI) },
  RENDERING_NPI_CHECK_DIGIT: { fail: (c) => (c.renderingProvider.npi = BAD_NPI) },
  REFERRING_NPI_CHECK_DIGIT: {
    fail: (c) => (c.referringProvider = { givenName: 'A', familyName: 'B', npi: BAD_NPI }),
    pass: (c) => (c.referringProvider = { givenName: 'A', familyName: 'B', npi: NPI }),
  },
  TIN_FORMAT: { fail: (c) => (c.billingProvider.tin = '84-012345') },
  DIAGNOSIS_BILLABLE: { fail: (c) => (c.diagnoses = ['I10', 'E11']) },
  DOS_IN_FUTURE: { fail: (c) => (c.dateOfService = '2026-03-11'), pass: (c) => (c.dateOfService = '2026-03-10') },
  DOS_BEFORE_BIRTH: { fail: (c) => (c.patient.birthDate = '2026-03-04'), pass: (c) => (c.patient.birthDate = '2026-03-03') },
  DOS_OUTSIDE_COVERAGE: {
    fail: (c) => (c.coverage.terminationDate = '2026-03-02'),
    pass: (c) => (c.coverage = { ...c.coverage, effectiveDate: '2026-03-03', terminationDate: '2026-03-03' }),
  },
  POINTER_VALID: { fail: (c) => ((c.lines[1] as ScrubClaim['lines'][number]).diagnosisPointers = [3]) },
  UNITS_POSITIVE: { fail: (c) => ((c.lines[0] as ScrubClaim['lines'][number]).units = 0) },
  MODIFIER_FORMAT: { fail: (c) => ((c.lines[0] as ScrubClaim['lines'][number]).modifiers = ['2']) },
  SEX_SPECIFIC_DIAGNOSIS: {
    fail: (c) => {
      c.patient.sex = 'male';
      c.diagnoses = ['O09.511'];
      for (const l of c.lines) l.diagnosisPointers = [1];
    },
    pass: (c) => {
      c.patient.sex = 'male';
      c.diagnoses = ['N40.0'];
      for (const l of c.lines) l.diagnosisPointers = [1];
    },
  },
  NEWBORN_CODE_AGE: {
    fail: (c) => (c.diagnoses = ['I10', 'P07.30']),
    pass: (c) => {
      c.diagnoses = ['I10', 'P07.30'];
      c.patient.birthDate = '2025-03-04';
    },
  },
  DUPLICATE_CLAIM: { fail: () => {}, ctx: { duplicates: ['C0000007'] } },
  TIMELY_FILING_PASSED: { fail: () => {}, ctx: { today: '2027-03-04' }, pass: () => {}, passCtx: { today: '2027-03-03' } },
  TIMELY_FILING_NEAR: { fail: () => {}, ctx: { today: '2027-02-01' }, pass: () => {}, passCtx: { today: '2027-01-31' } },
};

describe('scrubber rules', () => {
  it('finds nothing on a clean claim', () => {
    expect(runScrubRules(clean(), context())).toEqual({ errors: [], warnings: [] });
  });

  it('has a case for every rule, and every rule has a unique code, a field and a line for the table', () => {
    expect(Object.keys(CASES).sort()).toEqual(SCRUB_RULES.map((r) => r.code).sort());
    expect(new Set(SCRUB_RULES.map((r) => r.code)).size).toBe(SCRUB_RULES.length);
    for (const r of SCRUB_RULES) expect(r.field && r.about).toBeTruthy();
  });

  for (const rule of SCRUB_RULES) {
    it(`${rule.code} (${rule.severity}) fires on its failing case only`, () => {
      const c = CASES[rule.code] as Case;
      const failing = clean();
      c.fail(failing);
      const found = runScrubRules(failing, context(c.ctx));
      const bucket = rule.severity === 'error' ? found.errors : found.warnings;
      expect(bucket.map((m) => m.rule)).toContain(rule.code);
      const hit = bucket.find((m) => m.rule === rule.code);
      expect(hit?.field.startsWith(rule.field.split('.')[0] as string)).toBe(true);
      expect(hit?.message.length).toBeGreaterThan(5);
      const passing = clean();
      c.pass?.(passing);
      const ok = runScrubRules(passing, context(c.passCtx));
      expect([...ok.errors, ...ok.warnings].map((m) => m.rule)).not.toContain(rule.code);
    });
  }

  it('names the diagnosis or line at fault', () => {
    const c = clean();
    c.diagnoses = ['I10', 'E11'];
    expect(runScrubRules(c, context()).errors).toEqual([expect.objectContaining({ rule: 'DIAGNOSIS_BILLABLE', field: 'diagnoses.1' })]);
    expect(ageOn('2000-03-04', '2026-03-03')).toBe(25);
  });
});

describe('claim states', () => {
  it('allows the path of the issue and a remittance in any state after submitted', () => {
    const path = ['draft', 'ready', 'submitted', 'acknowledged', 'payer_accepted', 'paid', 'closed'] as const;
    for (let i = 1; i < path.length; i++) expect(canTransition(path[i - 1] as never, path[i] as never)).toBe(true);
    for (const s of ['submitted', 'acknowledged', 'rejected', 'payer_accepted', 'payer_rejected'] as const)
      for (const r of ['paid', 'partially_paid', 'denied'] as const) expect(canTransition(s, r)).toBe(true);
  });

  it('refuses skipping the scrub or the batch, and anything out of closed', () => {
    expect(canTransition('draft', 'submitted')).toBe(false);
    expect(canTransition('draft', 'paid')).toBe(false);
    expect(canTransition('ready', 'paid')).toBe(false);
    expect(CLAIM_TRANSITIONS.closed).toEqual([]);
    for (const s of CLAIM_STATUSES) for (const to of CLAIM_TRANSITIONS[s]) expect(CLAIM_STATUSES).toContain(to);
  });
});
