import { Readable } from 'node:stream';
import { build270, type Eligibility270Request, parse270, parse271, parse277CA, parse999 } from '@x12/index.ts';
import { X12Parser } from 'node-x12';
import { describe, expect, it } from 'vitest';
import { X12parser } from 'x12-parser';
import { fixture, fixtureNames } from './fixtures.ts';

describe('parse999', () => {
  it('reads an accepted 999 (lenient: its IEA02 does not match ISA13)', () => {
    expect(() => parse999(fixture('999/ims-x12_999_accepted.txt'))).toThrow(expect.objectContaining({ code: 'IEA_CONTROL' }));
    const [ack] = parse999(fixture('999/ims-x12_999_accepted.txt'), { lenient: true }).acks;
    expect(ack?.group).toEqual({ functionalId: 'HC', controlNumber: '17456', version: '005010X223A2' });
    expect(ack?.sets).toEqual([
      {
        transactionSetId: '837',
        controlNumber: '0001',
        version: '005010X223A2',
        status: 'accepted',
        statusCode: 'A',
        errorCodes: [],
        segmentErrors: [],
      },
    ]);
    expect(ack?.groupStatus).toEqual({ code: 'A', included: 1, received: 1, accepted: 1, errorCodes: [] });
  });

  it('reads a rejected 999 with its segment errors', () => {
    const [ack] = parse999(fixture('999/ims-x12_999_rejected.txt')).acks;
    expect(ack?.sets).toEqual([
      {
        transactionSetId: '837',
        controlNumber: '0028',
        status: 'rejected',
        statusCode: 'R',
        errorCodes: ['5'],
        segmentErrors: [{ segmentId: 'NM', position: 17, errorCode: '1', elementErrors: [] }],
      },
    ]);
    expect(ack?.groupStatus).toMatchObject({ code: 'R', included: 1, received: 1, accepted: 0 });
  });
});

describe('parse277CA', () => {
  it('maps an accepted claim back by its patient control number', () => {
    const [ack] = parse277CA(fixture('277ca/ims-x12_277CA_accepted.txt')).acks;
    expect(ack?.payer).toEqual({ name: 'NYSDOH', id: '141797357' });
    expect(ack?.claims).toHaveLength(1);
    expect(ack?.claims[0]).toMatchObject({
      patientControlNumber: '5781',
      payerClaimControlNumber: '1107000000014420',
      status: 'accepted',
      statuses: [{ categoryCode: 'A2', statusCode: '20', effectiveDate: '2011-03-11', actionCode: 'WQ' }],
      providerNpi: '1234567890',
      patient: { last: 'TPATIENT', first: 'THEBE', memberId: 'LL99999X' },
    });
  });

  it('reads a rejection with category A7, status 562, entity 85 (ISA16 "|")', () => {
    const [ack] = parse277CA(fixture('277ca/ims-x12_277CA_rejected.txt')).acks;
    expect(ack?.claims[0]).toMatchObject({
      patientControlNumber: '3920394930203',
      payerClaimControlNumber: '1107000000001120',
      billType: '731',
      status: 'rejected',
      statuses: [{ categoryCode: 'A7', statusCode: '562', entityCode: '85' }],
      serviceDate: '2009-03-11',
    });
  });
});

describe('270 and 271', () => {
  const request = {
    sender: { id: 'CLINICDESK01' },
    receiver: { id: 'CLEARHOUSE' },
    traceNumber: 'ELIG-2026-0001',
    traceOriginator: '1931234567',
    payer: { name: 'CASCADE HEALTH PLAN', payerId: '93221' },
    provider: { npi: '1245319599', name: 'RIVERSIDE FAMILY PRACTICE' },
    subscriber: { memberId: 'XJH123456789', name: { last: 'NGUYEN', first: 'VAN' }, dateOfBirth: '1980-02-29', sex: 'M' as const },
    serviceTypeCodes: ['30'],
    serviceDate: '2026-12-04',
  };
  const options = {
    controlNumbers: { interchange: 77, group: 77, transactions: [1] },
    usageIndicator: 'T' as const,
    date: '2026-12-04',
    time: '0930',
  };

  it('builds a 270 for a subscriber and for a dependent that read back the same, here and in two other parsers', async () => {
    const dependent = { ...request, dependent: { name: { last: 'NGUYEN', first: 'MAI' }, dateOfBirth: '2015-06-01', sex: 'F' as const } };
    for (const req of [request, dependent] as Eligibility270Request[]) {
      const text = build270(req, options);
      expect(text.indexOf('~')).toBe(105);
      expect(parse270(text).requests).toEqual([req]);
      const ic = new X12Parser(true).parse(text) as unknown as {
        functionalGroups: { transactions: { segments: { tag: string }[]; trailer: { elements: { value: string }[] } }[] }[];
      };
      const tx = ic.functionalGroups[0]?.transactions[0];
      expect(Number(tx?.trailer.elements[0]?.value)).toBe((tx?.segments.length ?? 0) + 2);
      const segments: Record<string, string>[] = [];
      await new Promise<void>((resolve, reject) => {
        Readable.from([text])
          .pipe(new X12parser())
          .on('data', (s: Record<string, string>) => segments.push(s))
          .on('error', reject)
          .on('end', resolve);
      });
      expect(segments.find((s) => s.name === 'EQ')?.['1']).toBe('30');
      expect(segments.filter((s) => s.name === 'HL')).toHaveLength(req.dependent ? 4 : 3);
    }
    expect(build270(dependent, options)).toContain(
      'HL*4*3*23*0~TRN*1*ELIG-2026-0001*1931234567~NM1*03*1*NGUYEN*MAI~DMG*D8*20150601*F~DTP*291*D8*20261204~EQ*30~',
    );
  });

  it('reads both public 270s', () => {
    expect(fixtureNames('270')).toHaveLength(2);
    const [dep] = parse270(fixture('270/lfh-dependent-health-benefit-check.270')).requests;
    expect(dep).toMatchObject({
      traceNumber: '93175-012547',
      payer: { payerId: '842610001' },
      subscriber: { memberId: '11122333301' },
      dependent: { name: { last: 'SMITH', first: 'MARY' }, dateOfBirth: '1978-10-14' },
      serviceTypeCodes: ['30'],
      serviceDate: '2006-05-01',
    });
    const [sub] = parse270(fixture('270/lfh-subscriber-health-benefit-check.270')).requests;
    expect(sub?.dependent).toBeUndefined();
    expect(sub?.serviceTypeCodes?.length).toBeGreaterThan(0);
  });

  it('reads the subscriber and dependent 271s: active, plan, dates and copays by network', () => {
    for (const file of ['lfh-subscriber-health-benefit-check.271', 'lfh-dependent-health-benefit-check.271']) {
      const [r] = parse271(fixture(`271/${file}`)).responses;
      expect(r, file).toMatchObject({
        active: true,
        planName: 'GOLD 123 PLAN',
        coverage: { planBegin: '2006-01-01' },
        traceNumber: '93175-012547',
        payer: { name: 'ABC COMPANY', id: '841610001' },
        rejections: [],
      });
      expect(r?.copays.map((c) => [c.amountCents, c.inNetwork, c.timePeriod, c.serviceTypeCodes.length])).toEqual([
        [1000, true, '27', 10],
        [3000, false, '27', 10],
      ]);
    }
    const [dep] = parse271(fixture('271/lfh-dependent-health-benefit-check.271')).responses;
    expect(dep?.dependent).toEqual({ last: 'SMITH', first: 'MARY', dateOfBirth: '1998-10-14' });
  });

  it('reads the AAA rejection of the error 271 (lenient: its SE02 does not match ST02)', () => {
    expect(fixtureNames('271')).toHaveLength(3);
    expect(() => parse271(fixture('271/lfh-subscriber-health-benefit-check-error.271'))).toThrow(
      expect.objectContaining({ code: 'SE_CONTROL' }),
    );
    const [r] = parse271(fixture('271/lfh-subscriber-health-benefit-check-error.271'), { lenient: true }).responses;
    expect(r).toMatchObject({
      active: null,
      rejections: [{ level: '21', valid: true, reasonCode: '50', followUpCode: 'N', segmentNumber: 9 }],
    });
  });

  it('reads deductibles, coinsurance and out-of-pocket with their time periods', () => {
    const text = fixture('271/lfh-subscriber-health-benefit-check.271').replace(
      'SE*22*4321~',
      'EB*C*IND*30***23*1500.00*****Y~EB*C*IND*30***29*1200.5*****Y~EB*A*IND*30*****.2****Y~EB*G*FAM*30***23*6000~SE*26*4321~',
    );
    const [r] = parse271(text).responses;
    expect(r?.deductibles).toEqual([
      { serviceTypeCodes: ['30'], coverageLevel: 'IND', timePeriod: '23', amountCents: 150000, inNetwork: true },
      { serviceTypeCodes: ['30'], coverageLevel: 'IND', timePeriod: '29', amountCents: 120050, inNetwork: true },
    ]);
    expect(r?.coinsurance).toEqual([{ serviceTypeCodes: ['30'], coverageLevel: 'IND', percent: 20, inNetwork: true }]);
    expect(r?.outOfPocket).toEqual([{ serviceTypeCodes: ['30'], coverageLevel: 'FAM', timePeriod: '23', amountCents: 600000 }]);
  });
});
