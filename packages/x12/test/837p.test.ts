import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { type LoopNode, walk837P } from '@x12/837p-loops.ts';
import { build837P, build837PInSlices, type Claim837, type Claim837Batch, parse837P, readX12, X12Error } from '@x12/index.ts';
import fc from 'fast-check';
import { X12Parser } from 'node-x12';
import { describe, expect, it } from 'vitest';
import { X12parser } from 'x12-parser';
import { fixture, fixtureNames } from './fixtures.ts';
import { sampleBatch, sampleOptions } from './sample-batch.ts';

const golden = path.resolve(import.meta.dirname, '../../../tests/golden/x12/837p-sample.x12');

function error(fn: () => unknown): X12Error {
  try {
    fn();
  } catch (e) {
    if (e instanceof X12Error) return e;
    throw e;
  }
  throw new Error('expected an X12Error');
}

/** Segment counts and CLM01/CLM02 as the two independent parsers see them. */
function nodeX12View(text: string) {
  const ic = new X12Parser(true).parse(text) as unknown as {
    functionalGroups: {
      transactions: {
        header: { elements: { value: string }[] };
        trailer: { elements: { value: string }[] };
        segments: { tag: string; elements: { value: string }[] }[];
      }[];
    }[];
  };
  return ic.functionalGroups.flatMap((g) =>
    g.transactions.map((t) => ({
      segments: t.segments.length + 2,
      se01: Number(t.trailer.elements[0]?.value),
      claims: t.segments.filter((s) => s.tag === 'CLM').map((s) => [s.elements[0]?.value, s.elements[1]?.value]),
    })),
  );
}

async function x12ParserView(text: string) {
  const segments: Record<string, string>[] = [];
  await new Promise<void>((resolve, reject) => {
    Readable.from([text])
      .pipe(new X12parser())
      .on('data', (s: Record<string, string>) => segments.push(s))
      .on('error', reject)
      .on('end', resolve);
  });
  const st = segments.findIndex((s) => s.name === 'ST');
  const se = segments.findIndex((s) => s.name === 'SE');
  return {
    segments: se - st + 1,
    se01: Number(segments[se]?.['1']),
    claims: segments.filter((s) => s.name === 'CLM').map((s) => [s['1'], s['2']]),
    total: segments.length,
  };
}

describe('build837P', () => {
  it('matches the committed golden file byte for byte', () => {
    expect(build837P(sampleBatch, sampleOptions)).toBe(fs.readFileSync(golden, 'latin1'));
  });

  it('pads the ISA to 106 characters and counts SE01, GE01 and IEA01', () => {
    const text = build837P(sampleBatch, {
      ...sampleOptions,
      maxClaimsPerTransaction: 2,
      controlNumbers: { interchange: 7, group: 8, transactions: [11, 12] },
    });
    expect(text.indexOf('~')).toBe(105);
    const doc = readX12(text); // strict: every envelope count checked
    expect(doc.interchanges[0]?.groups[0]?.transactions.map((t) => t.controlNumber)).toEqual(['0011', '0012']);
    expect(doc.interchanges[0]?.groups[0]?.ge.elements.slice(1)).toEqual(['2', '8']);
    const parsed = parse837P(text);
    expect(parsed.batch).toEqual(sampleBatch);
    expect(parsed.envelope.transactionControlNumbers).toEqual([11, 12]);
  });

  it('builds the same bytes in slices, the event loop turning between them', async () => {
    const options = { ...sampleOptions, maxClaimsPerTransaction: 2, controlNumbers: { interchange: 7, group: 8, transactions: [11, 12] } };
    const whole = build837P(sampleBatch, options);
    for (const slice of [1, 2, 1000]) {
      // Other work queued on the event loop: it runs once per turn, so it counts the turns the build gave away.
      let turns = 0;
      let building = true;
      const other = () => {
        turns++;
        if (building) setImmediate(other);
      };
      setImmediate(other);
      const sliced = await build837PInSlices(sampleBatch, options, slice);
      building = false;
      expect(sliced).toBe(whole);
      expect(turns).toBeGreaterThanOrEqual(Math.floor(sampleBatch.claims.length / slice));
    }
  });

  it('numbers HL levels with the right parents', () => {
    const doc = readX12(build837P(sampleBatch, sampleOptions));
    const hls = doc.interchanges[0]?.groups[0]?.transactions[0]?.segments
      .filter((s) => s.id === 'HL')
      .map((s) => s.elements.slice(1).join('*'));
    expect(hls).toEqual(['1**20*1', '2*1*22*0', '3*1*22*1', '4*3*23*0', '5*1*22*0']);
  });

  it('writes one 2000A per billing provider, its claims under it, and the HL parents right (read back by three parsers)', () => {
    const [first, second, third] = sampleBatch.claims as [Claim837, Claim837, Claim837];
    const annex = {
      npi: '1881692036',
      taxId: '931234999',
      name: 'RIVERSIDE ANNEX',
      address: { line1: '200 RIVER RD', city: 'PORTLAND', state: 'OR', postalCode: '97203' },
    };
    const batch: Claim837Batch = { ...sampleBatch, claims: [first, { ...second, billingProvider: annex }, third] };
    const text = build837P(batch, sampleOptions);
    const segments = readX12(text).interchanges[0]?.groups[0]?.transactions[0]?.segments ?? [];
    const hls = segments.filter((s) => s.id === 'HL').map((s) => s.elements.slice(1).join('*'));
    // Riverside (HL 1): the first and third claims; the annex (HL 4): the dependent's claim (HL 5, patient HL 6).
    expect(hls).toEqual(['1**20*1', '2*1*22*0', '3*1*22*0', '4**20*1', '5*4*22*1', '6*5*23*0']);
    const billing = segments.filter((s) => s.id === 'NM1' && s.elements[1] === '85').map((s) => s.elements[9]);
    expect(billing).toEqual([sampleBatch.billingProvider.npi, annex.npi]);
    const taxIds = segments.filter((s) => s.id === 'REF' && s.elements[1] === 'EI').map((s) => s.elements[2]);
    expect(taxIds).toEqual([sampleBatch.billingProvider.taxId, annex.taxId]);
    const parsed = parse837P(text);
    expect(parsed.batch).toEqual({ ...batch, claims: [first, third, { ...second, billingProvider: annex }] });
    expect(parsed.warnings).toEqual([]);
    const [independent] = nodeX12View(text);
    expect(independent?.claims.map(([pcn]) => pcn)).toEqual([first, third, second].map((c) => c.patientControlNumber));
    expect(independent?.se01).toBe(segments.length);
  });

  it('writes DMG in 2010BA only for a subscriber who is the patient, DMG in 2010CA otherwise, REF*6R per line and DTP*573 in 2330B', () => {
    const text = build837P(sampleBatch, sampleOptions);
    const walked = walk837P(readX12(text).interchanges[0]?.groups[0]?.transactions[0]?.segments.slice(1, -1) ?? []);
    const loops = (node: LoopNode): LoopNode[] => [node, ...node.children.flatMap(loops)];
    const all = loops(walked.root);
    const ids = (loop: string) => all.filter((n) => n.loop === loop).map((n) => n.segments.map((s) => s.elements.slice(0, 3).join('*')));
    // Claim 1 and 3: the subscriber is the patient (DMG in 2010BA); claim 2's subscriber is the parent (no DMG there).
    expect(ids('2010BA').map((segs) => segs.some((s) => s.startsWith('DMG')))).toEqual([true, false, true]);
    expect(ids('2010CA')).toEqual([['NM1*QC*1', 'N3*9 OAK AVE', 'N4*BEAVERTON*OR', 'DMG*D8*20140517']]);
    expect(ids('2330B')).toEqual([['NM1*PR*2', 'DTP*573*D8']]);
    expect(all.find((n) => n.loop === '2330B')?.segments[1]?.elements[3]).toBe('20261127');
    const refs = all
      .filter((n) => n.loop === '2400')
      .map((n) => n.segments.find((s) => s.id === 'REF' && s.elements[1] === '6R')?.elements[2]);
    expect(refs).toEqual(['CD-2026-000101-1', 'CD-2026-000101-2', undefined, undefined, undefined, undefined]);
    // Read back: the same claims (the dependent's subscriber without DMG).
    const parsed = parse837P(text).batch.claims;
    expect(parsed[1]?.subscriber).not.toHaveProperty('dateOfBirth');
    expect(parsed[0]?.lines.map((l) => l.lineItemControlNumber)).toEqual(['CD-2026-000101-1', 'CD-2026-000101-2', undefined]);
    expect(parsed[2]?.otherPayers?.[0]?.adjudicationDate).toBe('2026-11-27');
    // A subscriber who is the patient without a birth date cannot be written.
    const { dateOfBirth: _, ...noBirth } = (sampleBatch.claims[0] as Claim837).subscriber;
    expect(
      error(() => build837P({ ...sampleBatch, claims: [{ ...(sampleBatch.claims[0] as Claim837), subscriber: noBirth }] }, sampleOptions)),
    ).toMatchObject({
      segmentId: 'DMG',
      loop: '2010BA',
    });
  });

  it('uses the delimiters it is given', () => {
    const text = build837P(sampleBatch, { ...sampleOptions, separators: { element: '|', component: '>', repetition: '!', segment: '\n' } });
    expect(text.slice(0, 4)).toBe('ISA|');
    expect(text).toContain('SV1|HC>99214>25|185|UN|1|||1>2\n');
    expect(parse837P(text).batch).toEqual(sampleBatch);
  });

  it('refuses a claim whose CLM02 is not the sum of its lines, and a replacement without REF*F8', () => {
    const claim = sampleBatch.claims[0] as Claim837;
    expect(error(() => build837P({ ...sampleBatch, claims: [{ ...claim, totalChargeCents: 23551 }] }, sampleOptions)).message).toMatch(
      /CLM02 23551 does not equal the sum of line charges 23550/,
    );
    expect(error(() => build837P({ ...sampleBatch, claims: [{ ...claim, frequencyCode: '7' }] }, sampleOptions)).segmentId).toBe('REF');
    expect(error(() => build837P({ ...sampleBatch, claims: [{ ...claim, patientControlNumber: 'A*B' }] }, sampleOptions)).message).toMatch(
      /delimiter/,
    );
    expect(error(() => build837P({ ...sampleBatch, claims: [{ ...claim, diagnoses: ['250.00'] }] }, sampleOptions)).message).toMatch(
      /not an ICD-10-CM code/,
    );
    const { address: _, ...homeless } = claim.subscriber;
    expect(error(() => build837P({ ...sampleBatch, claims: [{ ...claim, subscriber: homeless }] }, sampleOptions))).toMatchObject({
      segmentId: 'N3',
      loop: '2010BA',
    });
    expect(
      error(() => build837P(sampleBatch, { ...sampleOptions, controlNumbers: { interchange: 1, group: 1, transactions: [] } })).message,
    ).toMatch(/control numbers/);
  });

  it('writes what two independent parsers read the same way', async () => {
    const text = build837P(sampleBatch, sampleOptions);
    const [a] = nodeX12View(text);
    const b = await x12ParserView(text);
    const ours = readX12(text).interchanges[0]?.groups[0]?.transactions[0];
    const expectedClaims = sampleBatch.claims.map((c) => [c.patientControlNumber, String(c.totalChargeCents / 100)]);
    expect(a).toEqual({ segments: ours?.segments.length, se01: ours?.segments.length, claims: expectedClaims });
    expect({ segments: b.segments, se01: b.se01, claims: b.claims }).toEqual({
      segments: ours?.segments.length,
      se01: ours?.segments.length,
      claims: expectedClaims,
    });
    expect(b.total).toBe((ours?.segments.length ?? 0) + 4);
  });
});

const name = fc.record(
  { last: fc.stringMatching(/^[A-Z][A-Z' -]{0,20}[A-Z]$/), first: fc.stringMatching(/^[A-Z]{1,12}$/), middle: fc.constant('Q') },
  { requiredKeys: ['last'] },
);
const isoDay = fc
  .date({ min: new Date('1930-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const address = fc.record(
  {
    line1: fc.stringMatching(/^[0-9]{1,4} [A-Z]{2,10} ST$/),
    line2: fc.constant('APT 1'),
    city: fc.stringMatching(/^[A-Z]{3,12}$/),
    state: fc.constantFrom('OR', 'WA', 'NY'),
    postalCode: fc.stringMatching(/^[0-9]{5}$/),
  },
  { requiredKeys: ['line1', 'city', 'state', 'postalCode'] },
);
const icd10 = fc.tuple(fc.stringMatching(/^[A-Z][0-9]{2}$/), fc.stringMatching(/^[0-9A-Z]{0,4}$/)).map(([a, b]) => (b ? `${a}.${b}` : a));
const adjustment = (group: string) =>
  fc.record({
    group: fc.constant(group),
    reasonCode: fc.constantFrom('45', '2', '3', '253'),
    amountCents: fc.integer({ min: 1, max: 99_999 }),
  });
const adjustments = fc.subarray(['CO', 'PR', 'OA']).chain((groups) => fc.tuple(...groups.map(adjustment)));

/** A second practice location billing under its own NPI and TIN. */
const OTHER_BILLING_PROVIDER = {
  npi: '1881692036',
  taxId: '931234999',
  name: 'RIVERSIDE ANNEX',
  address: { line1: '200 RIVER RD', city: 'PORTLAND', state: 'OR', postalCode: '97203' },
};

/** The claims in the order the 837P holds them: grouped under their billing provider's 2000A, first seen first. */
const byBillingProvider = (claims: Claim837[]) => [...claims.filter((c) => !c.billingProvider), ...claims.filter((c) => c.billingProvider)];

const claimArb = fc
  .record({
    pcn: fc.stringMatching(/^[A-Z0-9-]{1,20}$/),
    pos: fc.constantFrom('11', '02', '10', '22'),
    freq: fc.constantFrom('1', '7', '8'),
    icn: fc.stringMatching(/^[0-9]{8,14}$/),
    auth: fc.option(fc.stringMatching(/^[A-Z0-9]{4,10}$/), { nil: undefined }),
    subscriber: fc.record({
      memberId: fc.stringMatching(/^[A-Z0-9]{5,12}$/),
      name,
    }),
    subscriberDemographics: fc.record({ dateOfBirth: isoDay, sex: fc.constantFrom('M' as const, 'F' as const, 'U' as const) }),
    otherBillingProvider: fc.boolean(),
    subAddress: fc.option(address, { nil: undefined }),
    homeAddress: address,
    group: fc.option(fc.stringMatching(/^[A-Z0-9]{3,10}$/), { nil: undefined }),
    filing: fc.constantFrom('CI', 'MB', 'MC', 'BL'),
    relationship: fc.constantFrom('18', '18', '01', '19', 'G8'),
    patient: fc.record({ name, dateOfBirth: isoDay, sex: fc.constantFrom('M' as const, 'F' as const), address }),
    payer: fc.record({ name: fc.stringMatching(/^[A-Z]{2,10} HEALTH$/), payerId: fc.stringMatching(/^[A-Z0-9]{5}$/) }),
    diagnoses: fc.array(icd10, { minLength: 1, maxLength: 12 }),
    rendering: fc.option(fc.record({ npi: fc.stringMatching(/^[0-9]{10}$/), name }), { nil: undefined }),
    dos: isoDay,
    lines: fc.array(
      fc.record({
        procedureCode: fc.stringMatching(/^[0-9A-Z][0-9]{4}$/),
        modifiers: fc.array(fc.stringMatching(/^[0-9A-Z]{2}$/), { maxLength: 4 }),
        chargeCents: fc.integer({ min: 0, max: 9_999_999 }),
        units: fc.integer({ min: 1, max: 99 }),
        pointers: fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 4 }),
        otherDay: fc.boolean(),
        controlNumber: fc.option(fc.stringMatching(/^[A-Z0-9-]{1,50}$/), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 6 },
    ),
    secondary: fc.option(
      fc.record({
        paid: fc.integer({ min: 0, max: 999_999 }),
        adjustments,
        lineAdjustments: adjustments,
        payerId: fc.stringMatching(/^[A-Z0-9]{5}$/),
      }),
      { nil: undefined },
    ),
  })
  .map((r): Claim837 => {
    const lines = r.lines.map((l, i) => ({
      procedureCode: l.procedureCode,
      modifiers: l.modifiers,
      chargeCents: l.chargeCents,
      units: l.units,
      diagnosisPointers: l.pointers.map((p) => ((p - 1) % r.diagnoses.length) + 1).filter((p, i, a) => a.indexOf(p) === i),
      // The 837P carries dates only per line: the claim's date is read back as the first line's.
      ...(l.otherDay && i > 0 ? { dateOfService: r.dos === '2030-12-31' ? '2030-12-30' : '2030-12-31' } : {}),
      ...(l.controlNumber ? { lineItemControlNumber: l.controlNumber } : {}),
    }));
    return {
      patientControlNumber: r.pcn,
      totalChargeCents: lines.reduce((t, l) => t + l.chargeCents, 0),
      placeOfService: r.pos,
      frequencyCode: r.freq as Claim837['frequencyCode'],
      ...(r.freq === '1' ? {} : { payerClaimControlNumber: r.icn }),
      ...(r.auth ? { priorAuthorization: r.auth } : {}),
      subscriber: {
        ...r.subscriber,
        // 2010BA DMG only for a subscriber who is the patient.
        ...(r.relationship === '18' ? r.subscriberDemographics : {}),
        // N3/N4 are required for whoever is the patient.
        ...(r.subAddress || r.relationship === '18' ? { address: r.subAddress ?? r.homeAddress } : {}),
        ...(r.group ? { groupNumber: r.group } : {}),
        claimFilingIndicator: r.filing,
        payerResponsibility: r.secondary ? 'S' : 'P',
        relationship: r.relationship,
      },
      ...(r.relationship === '18' ? {} : { patient: r.patient }),
      payer: r.payer,
      diagnoses: r.diagnoses,
      ...(r.rendering ? { renderingProvider: r.rendering } : {}),
      dateOfService: r.dos,
      lines,
      ...(r.otherBillingProvider ? { billingProvider: OTHER_BILLING_PROVIDER } : {}),
      ...(r.secondary
        ? {
            otherPayers: [
              {
                responsibility: 'P' as const,
                claimFilingIndicator: 'MB',
                subscriber: { memberId: r.subscriber.memberId, name: r.subscriber.name },
                payer: { name: 'FIRST PAYER', payerId: r.secondary.payerId },
                paidCents: r.secondary.paid,
                adjustments: r.secondary.adjustments,
                adjudicationDate: r.dos,
                lines: [{ lineNumber: 1, paidCents: r.secondary.paid, adjustments: r.secondary.lineAdjustments }],
              },
            ],
          }
        : {}),
    };
  });

describe('parse837P', () => {
  it('round-trips whatever the builder emits (property)', () => {
    fc.assert(
      fc.property(fc.array(claimArb, { minLength: 1, maxLength: 4 }), (drawn) => {
        // The first claim bills under the batch's provider (the first 2000A); others may bill under a second one.
        const claims = drawn.map(({ billingProvider, ...c }, i) => (i === 0 || !billingProvider ? c : { ...c, billingProvider }));
        const batch: Claim837Batch = { ...sampleBatch, claims };
        const text = build837P(batch, sampleOptions);
        const parsed = parse837P(text);
        const [independent] = nodeX12View(text);
        const ordered = byBillingProvider(claims);
        expect(independent?.claims).toEqual(ordered.map((c) => [c.patientControlNumber, String(c.totalChargeCents / 100)]));
        expect(independent?.se01).toBe(independent?.segments);
        expect(parsed.batch).toEqual({ ...batch, claims: ordered });
        expect(parsed.warnings).toEqual([]);
        expect(parsed.envelope).toMatchObject({
          interchangeControlNumber: 1042,
          groupControlNumber: 1042,
          transactionControlNumbers: [1],
          usageIndicator: 'T',
          version: '005010X222A1',
          date: '2026-12-04',
        });
      }),
      { numRuns: 100, seed: 837 },
    );
  });

  it('reads every public 837P sample (lenient for the README caveats), ICD-9 qualifiers included', () => {
    const lenient = new Set([
      'ims-x12_valid.txt',
      'ims-x12_valid_different_separators.txt',
      'lfh-demo.cob.2ndary.example4.837',
      'lfh-demo.example6.837',
      'lfh-demo.example9.837',
      'lfh-demo.example11.837',
      'lfh-demo.example12.837',
    ]);
    const names = fixtureNames('837p');
    expect(names).toHaveLength(20);
    for (const file of names) {
      const text = fixture(`837p/${file}`);
      if (lenient.has(file)) expect(() => parse837P(text), file).toThrow(X12Error);
      const { batch } = parse837P(text, { lenient: lenient.has(file) });
      expect(batch.claims.length, file).toBeGreaterThan(0);
      for (const claim of batch.claims) {
        expect(claim.patientControlNumber, file).not.toBe('');
        expect(claim.diagnoses.length, file).toBeGreaterThan(0);
        expect(
          claim.lines.every((l) => l.procedureCode !== ''),
          file,
        ).toBe(true);
      }
    }
  });

  it('maps a TR3 example in detail: dependent, other payer, line adjudication', () => {
    const { batch } = parse837P(fixture('837p/lfh-demo.cob.example3.B.837'));
    const claim = batch.claims[0] as Claim837;
    expect(batch.billingProvider).toMatchObject({ npi: '1999996666', taxId: '123456789', name: 'KILDARE', firstName: 'BEN' });
    expect(claim).toMatchObject({
      patientControlNumber: '26407789',
      totalChargeCents: 7904,
      placeOfService: '11',
      frequencyCode: '1',
      diagnoses: ['4779', '2724', '2780', '53081'],
    });
    expect(claim.subscriber).toMatchObject({
      memberId: '222334444',
      relationship: '19',
      payerResponsibility: 'S',
      claimFilingIndicator: 'CI',
    });
    expect(claim.patient?.name).toEqual({ last: 'SMITH', first: 'TED' });
    expect(claim.lines.map((l) => [l.procedureCode, l.chargeCents, l.diagnosisPointers])).toEqual([
      ['99213', 4300, [1, 2, 3, 4]],
      ['90782', 1500, [1, 2]],
      ['J3301', 2104, [1, 2]],
    ]);
    expect(claim.otherPayers?.[0]).toMatchObject({
      responsibility: 'P',
      paidCents: 3915,
      payer: { name: 'KEY INSURANCE COMPANY', payerId: '999996666' },
      adjustments: [
        { group: 'PR', reasonCode: '1', amountCents: 2189 },
        { group: 'PR', reasonCode: '2', amountCents: 1500 },
      ],
      adjudicationDate: '2005-10-15',
    });
    expect(claim.otherPayers?.[0]?.lines[0]).toEqual({
      lineNumber: 1,
      paidCents: 4000,
      adjustments: [{ group: 'CO', reasonCode: '42', amountCents: 300 }],
    });
  });

  it('reads composites written with ">" under ISA16 ":" only in lenient mode', () => {
    const text = fixture('837p/lfh-demo.example9.837');
    expect(error(() => parse837P(text))).toMatchObject({ code: 'COMPONENT_SEPARATOR' });
    const { batch, warnings } = parse837P(text, { lenient: true });
    expect(warnings.map((w) => w.code)).toContain('COMPONENT_SEPARATOR');
    expect(batch.claims[0]?.lines[0]).toMatchObject({ procedureCode: '00142', modifiers: ['QK', 'QS', 'P1'] });
  });
});

describe('parse837P rejects the malformed samples with the intended fault', () => {
  const cases: [string, { code: string; segmentId: string; loop?: string; segmentNumber?: number; message?: RegExp }[]][] = [
    ['ims-x12_no_isa_line.txt', [{ code: 'NO_ISA', segmentId: 'GS*', segmentNumber: 1, message: /Error getting separators/ }]],
    ['ims-x12_bad_first_line.txt', [{ code: 'ISA_LENGTH', segmentId: 'ISA', segmentNumber: 1, message: /Error getting separators/ }]],
    [
      'ims-x12_bad_segment_identifier.txt',
      [
        { code: 'UNKNOWN_SEGMENT', segmentId: '', loop: '1000A', segmentNumber: 6 },
        { code: 'UNKNOWN_SEGMENT', segmentId: 'Nd4', loop: '2010AA', segmentNumber: 11 },
        { code: 'UNKNOWN_SEGMENT', segmentId: 'NM31', loop: '2000B', segmentNumber: 20 },
        { code: 'REQUIRED_SEGMENT', segmentId: 'NM1', loop: '1000A', message: /PER in loop 1000A is required/ },
        { code: 'REQUIRED_SEGMENT', segmentId: 'NM1', loop: '2010AA', message: /N4 in loop 2010AA is required/ },
        { code: 'REQUIRED_LOOP', segmentId: 'HL', loop: '2000B', message: /2010BA is required/ },
      ],
    ],
    [
      'ims-x12_bad_valid_code.txt',
      [
        {
          code: 'UNKNOWN_SEGMENT',
          segmentId: 'NM1',
          loop: '2000A',
          segmentNumber: 9,
          message: /Unable to find a matching segment format in loop 2000A/,
        },
      ],
    ],
    [
      'ims-x12_missing_elements.txt',
      [
        {
          code: 'MISSING_ELEMENT',
          segmentId: 'NM1',
          loop: '1000B',
          segmentNumber: 7,
          message: /NM1 in loop 1000B is missing a required element at 2/,
        },
        {
          code: 'MISSING_ELEMENT',
          segmentId: 'CLM',
          loop: '2300',
          segmentNumber: 31,
          message: /CLM in loop 2300 is missing a required element at 5/,
        },
      ],
    ],
    [
      'ims-x12_segment_errors.txt',
      [
        { code: 'REQUIRED_SEGMENT', segmentId: 'NM1', loop: '2010AA', message: /N3 in loop 2010AA is required but not found/ },
        { code: 'REQUIRED_SEGMENT', segmentId: 'CLM', loop: '2300', message: /HI in loop 2300 is required but not found/ },
        { code: 'TOO_MANY', segmentId: 'REF', loop: '2010AA', segmentNumber: 12, message: /REF in loop 2010AA appears too many times/ },
      ],
    ],
    [
      'ims-x12_segments_out_of_order.txt',
      [
        {
          code: 'SEGMENT_ORDER',
          segmentId: 'N4',
          loop: '2010AA',
          segmentNumber: 12,
          message: /Segment N4 in loop 2010AA is not in the correct position/,
        },
        {
          code: 'SEGMENT_ORDER',
          segmentId: 'N3',
          loop: '2010AB',
          segmentNumber: 17,
          message: /Segment N3 in loop 2010AB is not in the correct position/,
        },
      ],
    ],
    [
      'ims-x12_missing_required_loop_in_one_repeat.txt',
      [{ code: 'REQUIRED_LOOP', segmentId: 'HL', loop: '2000B', segmentNumber: 18, message: /2010BA is required but not found in 2000B/ }],
    ],
    [
      'ims-x12_missing_required_loops_mult_repeats.txt',
      [
        { code: 'REQUIRED_LOOP', segmentId: 'CLM', loop: '2300', segmentNumber: 31, message: /2400 is required but not found in 2300/ },
        { code: 'REQUIRED_LOOP', segmentId: 'CLM', loop: '2300', segmentNumber: 57 },
        { code: 'INVALID_CODE', segmentId: 'DTP', loop: '2300', segmentNumber: 34 },
      ],
    ],
    [
      'ims-x12_loop_errors1_exceeds_max_1_parent.txt',
      [{ code: 'TOO_MANY', segmentId: 'NM1', loop: '2010AA', segmentNumber: 15, message: /2010AA appears too many times/ }],
    ],
    [
      'ims-x12_loop_errors2_exceeds_max_repeats_multiple_parents.txt',
      [{ code: 'TOO_MANY', segmentId: 'NM1', loop: '2010AA', message: /2010AA appears too many times/ }],
    ],
    [
      'ims-x12_loop_errors3_missing_loops.txt',
      [
        {
          code: 'REQUIRED_LOOP',
          segmentId: 'HL',
          loop: '2000A',
          segmentNumber: 8,
          message: /2010AA is required but not found in 2000A iteration #1/,
        },
      ],
    ],
  ];

  it('covers all 12 files', () => {
    expect(cases.map(([f]) => f).sort()).toEqual(fixtureNames('malformed-837'));
  });

  it.each(cases)('%s', (file, expected) => {
    const text = fixture(`malformed-837/${file}`);
    for (const lenient of [false, true]) {
      const e = error(() => parse837P(text, { lenient }));
      for (const { message, ...want } of expected)
        expect(e.issues, `${file} lenient=${lenient}`).toContainEqual(
          expect.objectContaining({ ...want, ...(message ? { message: expect.stringMatching(message) } : {}) }),
        );
      // The intended fault comes before the SE01 mismatch every one of these files also has.
      expect(e.issues[0]?.code).not.toBe('SE_COUNT');
    }
  });
});
