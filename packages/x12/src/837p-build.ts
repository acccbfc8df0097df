import type { Address, BillingProvider837, CasAdjustment, Claim837, Claim837Batch, PersonName } from './837p-types.ts';
import { X12Error } from './errors.ts';
import { formatCents } from './money.ts';
import {
  type EnvelopeOptions,
  envelopeWritten,
  resolveSeparators,
  type SegmentSpec,
  serializeSegment,
  type WrittenBody,
  x12Date,
} from './writer.ts';

export const X222A1 = '005010X222A1';

/** ICD-10-CM shape: letter, digit, digit or letter, then up to 4 more, with or without the dot. */
const ICD10 = /^[A-Z][0-9][0-9A-Z](\.?[0-9A-Z]{1,4})?$/;

export interface Build837POptions extends EnvelopeOptions {
  /** Claims per transaction set (ST/SE); the TR3 recommends at most 5000. */
  maxClaimsPerTransaction?: number;
}

function fail(message: string, segmentId = 'CLM', loop = '2300'): never {
  throw new X12Error({ code: 'BUILD', message, segmentNumber: 0, segmentId, loop });
}

const addressSegments = (a: Address | undefined): SegmentSpec[] =>
  a
    ? [
        ['N3', a.line1, a.line2],
        ['N4', a.city, a.state, a.postalCode],
      ]
    : [];

const person = (entity: string, n: PersonName, idQual: string, id: string): SegmentSpec => [
  'NM1',
  entity,
  '1',
  n.last,
  n.first,
  n.middle,
  '',
  n.suffix,
  idQual,
  id,
];

const org = (entity: string, name: string, idQual?: string, id?: string): SegmentSpec => [
  'NM1',
  entity,
  '2',
  name,
  '',
  '',
  '',
  '',
  idQual,
  id,
];

/** CAS segments: adjustments of one group share a segment, six per segment, groups in first-seen order. */
export function casSegments(adjustments: CasAdjustment[]): SegmentSpec[] {
  const groups = new Map<string, CasAdjustment[]>();
  for (const a of adjustments) groups.set(a.group, [...(groups.get(a.group) ?? []), a]);
  const out: SegmentSpec[] = [];
  for (const [group, list] of groups)
    for (let i = 0; i < list.length; i += 6)
      out.push([
        'CAS',
        group,
        ...list
          .slice(i, i + 6)
          .flatMap((a) => [a.reasonCode, formatCents(a.amountCents), a.quantity === undefined ? '' : String(a.quantity)]),
      ]);
  return out;
}

function claimSegments(c: Claim837, hl: { next: number }, providerHl: number): SegmentSpec[] {
  const sum = c.lines.reduce((t, l) => t + l.chargeCents, 0);
  if (c.lines.length === 0 || c.lines.length > 50) fail(`claim ${c.patientControlNumber} must have 1 to 50 service lines`, 'LX', '2400');
  if (sum !== c.totalChargeCents) fail(`CLM02 ${c.totalChargeCents} does not equal the sum of line charges ${sum}`);
  if (c.diagnoses.length === 0 || c.diagnoses.length > 12) fail(`claim ${c.patientControlNumber} must have 1 to 12 diagnoses`, 'HI');
  if ((c.frequencyCode === '7' || c.frequencyCode === '8') && !c.payerClaimControlNumber)
    fail('frequency 7/8 needs the payer claim control number (REF*F8)', 'REF');
  const self = c.subscriber.relationship === '18';
  if (!self && !c.patient) fail('a patient who is not the subscriber needs patient details (loop 2000C)', 'PAT', '2000C');
  if (self && !c.subscriber.address) fail('the subscriber who is the patient needs an address (2010BA N3/N4)', 'N3', '2010BA');
  if (!self && !c.patient?.address) fail('the patient needs an address (2010CA N3/N4)', 'N3', '2010CA');
  const badCode = c.diagnoses.find((d) => !ICD10.test(d));
  if (badCode) fail(`"${badCode}" is not an ICD-10-CM code`, 'HI');
  const out: SegmentSpec[] = [];
  const sub = c.subscriber;
  const subscriberHl = hl.next++;
  out.push(['HL', String(subscriberHl), String(providerHl), '22', self ? '0' : '1']);
  out.push(['SBR', sub.payerResponsibility, self ? '18' : '', sub.groupNumber, '', '', '', '', '', sub.claimFilingIndicator]);
  out.push(person('IL', sub.name, 'MI', sub.memberId), ...addressSegments(sub.address));
  // 2010BA DMG: required when the subscriber is the patient; otherwise not sent (the patient's is in 2010CA).
  if (self) {
    if (!sub.dateOfBirth || !sub.sex) fail('the subscriber who is the patient needs a birth date and sex (2010BA DMG)', 'DMG', '2010BA');
    out.push(['DMG', 'D8', x12Date(sub.dateOfBirth), sub.sex]);
  }
  out.push(org('PR', c.payer.name, 'PI', c.payer.payerId), ...addressSegments(c.payer.address));
  if (!self && c.patient) {
    out.push(['HL', String(hl.next++), String(subscriberHl), '23', '0'], ['PAT', sub.relationship]);
    out.push(person('QC', c.patient.name, '', ''), ...addressSegments(c.patient.address));
    out.push(['DMG', 'D8', x12Date(c.patient.dateOfBirth), c.patient.sex]);
  }
  out.push([
    'CLM',
    c.patientControlNumber,
    formatCents(c.totalChargeCents),
    '',
    '',
    [c.placeOfService, 'B', c.frequencyCode],
    'Y',
    'A',
    'Y',
    'Y',
  ]);
  if (c.priorAuthorization) out.push(['REF', 'G1', c.priorAuthorization]);
  if (c.payerClaimControlNumber) out.push(['REF', 'F8', c.payerClaimControlNumber]);
  out.push(['HI', ...c.diagnoses.map((d, i) => [i === 0 ? 'ABK' : 'ABF', d.replace('.', '')])]);
  if (c.referringProvider) out.push(person('DN', c.referringProvider.name, 'XX', c.referringProvider.npi));
  if (c.renderingProvider) {
    out.push(person('82', c.renderingProvider.name, 'XX', c.renderingProvider.npi));
    if (c.renderingProvider.taxonomy) out.push(['PRV', 'PE', 'PXC', c.renderingProvider.taxonomy]);
  }
  if (c.serviceFacility)
    out.push(
      org('77', c.serviceFacility.name, c.serviceFacility.npi ? 'XX' : '', c.serviceFacility.npi),
      ...addressSegments(c.serviceFacility.address),
    );
  for (const op of c.otherPayers ?? []) {
    out.push(['SBR', op.responsibility, op.relationship, op.groupNumber, '', '', '', '', '', op.claimFilingIndicator]);
    out.push(...casSegments(op.adjustments), ['AMT', 'D', formatCents(op.paidCents)], ['OI', '', '', 'Y', 'P', '', 'Y']);
    out.push(person('IL', op.subscriber.name, 'MI', op.subscriber.memberId), org('PR', op.payer.name, 'PI', op.payer.payerId));
    out.push(['DTP', '573', 'D8', x12Date(op.adjudicationDate)]);
  }
  c.lines.forEach((l, i) => {
    if (l.modifiers.length > 4) fail('at most 4 modifiers per line', 'SV1', '2400');
    if (
      l.diagnosisPointers.length < 1 ||
      l.diagnosisPointers.length > 4 ||
      l.diagnosisPointers.some((p) => p < 1 || p > c.diagnoses.length)
    )
      fail(`line ${i + 1} needs 1 to 4 diagnosis pointers into the claim's ${c.diagnoses.length} diagnoses`, 'SV1', '2400');
    out.push(['LX', String(i + 1)]);
    out.push([
      'SV1',
      ['HC', l.procedureCode, ...l.modifiers],
      formatCents(l.chargeCents),
      'UN',
      String(l.units),
      '',
      '',
      l.diagnosisPointers.map(String),
    ]);
    out.push(['DTP', '472', 'D8', x12Date(l.dateOfService ?? c.dateOfService)]);
    if (l.lineItemControlNumber !== undefined) {
      if (!/^.{1,50}$/.test(l.lineItemControlNumber)) fail(`line ${i + 1}: REF*6R is 1 to 50 characters`, 'REF', '2400');
      out.push(['REF', '6R', l.lineItemControlNumber]);
    }
    for (const op of c.otherPayers ?? []) {
      const ol = op.lines.find((x) => x.lineNumber === i + 1);
      if (!ol) continue;
      out.push(['SVD', op.payer.payerId, formatCents(ol.paidCents), ['HC', l.procedureCode, ...l.modifiers], '', String(l.units)]);
      out.push(...casSegments(ol.adjustments), ['DTP', '573', 'D8', x12Date(op.adjudicationDate)]);
    }
  });
  return out;
}

/**
 * Builds an 837P (005010X222A1) interchange from a typed batch. Pure and deterministic: the same input and
 * options give the same bytes. Throws X12Error (code BUILD) on inconsistent input (CLM02 ≠ Σ lines, ...).
 */
export function build837P(batch: Claim837Batch, options: Build837POptions): string {
  const steps = build837PSteps(batch, options, Number.POSITIVE_INFINITY);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same bytes as build837P, built `claimsPerSlice` claims at a time with the event loop free
 * between slices: a server building a batch of thousands keeps answering its database (and its
 * other requests) while it builds.
 */
export async function build837PInSlices(batch: Claim837Batch, options: Build837POptions, claimsPerSlice = 500): Promise<string> {
  const steps = build837PSteps(batch, options, claimsPerSlice);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** build837P as steps: yields after every `every` claims, returns the interchange. */
function* build837PSteps(batch: Claim837Batch, options: Build837POptions, every: number): Generator<void, string, void> {
  if (batch.claims.length === 0) fail('a batch needs at least one claim');
  let built = 0;
  const per = options.maxClaimsPerTransaction ?? 5000;
  const separators = resolveSeparators(options.separators);
  // Each body is written to text as it is built: the segment arrays of 10,000 claims never live at once.
  const bodies: WrittenBody[] = [];
  const bp = batch.billingProvider;
  for (let start = 0, t = 0; start < batch.claims.length; start += per, t++) {
    const written = { text: '', segmentCount: 0 };
    const body = {
      push(...segments: SegmentSpec[]) {
        for (const seg of segments) written.text += serializeSegment(seg, separators);
        written.segmentCount += segments.length;
      },
    };
    body.push(['BHT', '0019', '00', String(options.controlNumbers.transactions[t] ?? ''), x12Date(options.date), options.time, 'CH']);
    body.push(org('41', batch.submitter.name, '46', batch.submitter.id));
    body.push([
      'PER',
      'IC',
      batch.submitter.contactName,
      'TE',
      batch.submitter.phone,
      batch.submitter.email ? 'EM' : '',
      batch.submitter.email,
    ]);
    body.push(org('40', batch.receiver.name, '46', batch.receiver.id));
    // One 2000A per billing provider (first seen first), its claims under it.
    const providers = new Map<string, { provider: BillingProvider837; claims: Claim837[] }>();
    for (const claim of batch.claims.slice(start, start + per)) {
      const provider = claim.billingProvider ?? bp;
      const key = JSON.stringify([provider.npi, provider.taxId, provider.name, provider.firstName, provider.address, provider.taxonomy]);
      const group = providers.get(key) ?? { provider, claims: [] };
      group.claims.push(claim);
      providers.set(key, group);
    }
    const hl = { next: 1 };
    for (const { provider, claims } of providers.values()) {
      const providerHl = hl.next++;
      body.push(['HL', String(providerHl), '', '20', '1']);
      if (provider.taxonomy) body.push(['PRV', 'BI', 'PXC', provider.taxonomy]);
      body.push(
        provider.firstName
          ? person('85', { last: provider.name, first: provider.firstName }, 'XX', provider.npi)
          : org('85', provider.name, 'XX', provider.npi),
      );
      body.push(...addressSegments(provider.address), ['REF', 'EI', provider.taxId]);
      if (batch.payToAddress) body.push(['NM1', '87', '2'], ...addressSegments(batch.payToAddress));
      for (const claim of claims) {
        body.push(...claimSegments(claim, hl, providerHl));
        if (++built % every === 0) yield;
      }
    }
    bodies.push(written);
  }
  return envelopeWritten(
    bodies,
    {
      senderQualifier: batch.submitter.interchangeQualifier ?? 'ZZ',
      senderId: batch.submitter.id,
      receiverQualifier: batch.receiver.interchangeQualifier ?? 'ZZ',
      receiverId: batch.receiver.id,
      functionalCode: 'HC',
      version: X222A1,
      transactionType: '837',
    },
    options,
  );
}
