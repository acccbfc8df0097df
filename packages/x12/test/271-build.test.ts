import { build271, parse271 } from '@x12/index.ts';
import { describe, expect, it } from 'vitest';

const envelope = (n: number) => ({
  controlNumbers: { interchange: n, group: n, transactions: [1] },
  usageIndicator: 'T' as const,
  date: '2026-03-10',
  time: '0930',
});
const parties = {
  sender: { id: 'ACMEHEALTH' },
  receiver: { id: '123456789' },
  traceOriginator: '1123456789',
  payer: { name: 'ACME HEALTH', payerId: '60054' },
  provider: { npi: '1234567893', name: 'DEMO PRACTICE' },
};

describe('build271', () => {
  it('writes an active answer that parse271 reads back: plan, dates, copay, coinsurance, deductible and remaining', () => {
    const text = build271(
      {
        ...parties,
        traceNumber: 'CD000000042',
        subscriber: { memberId: 'XJH123456789', name: { last: 'RIVERA', first: 'ANA' }, dateOfBirth: '1980-04-02' },
        active: true,
        planName: 'GOLD PPO',
        planBegin: '2026-01-01',
        benefits: [
          { kind: 'copay', serviceTypeCode: '98', coverageLevel: 'IND', timePeriod: '27', amountCents: 2500, inNetwork: true },
          { kind: 'coinsurance', serviceTypeCode: '30', coverageLevel: 'IND', percent: 20, inNetwork: true },
          { kind: 'deductible', serviceTypeCode: '30', coverageLevel: 'IND', timePeriod: '23', amountCents: 150000, inNetwork: true },
          { kind: 'deductible', serviceTypeCode: '30', coverageLevel: 'IND', timePeriod: '29', amountCents: 42050, inNetwork: true },
        ],
      },
      envelope(42),
    );
    const { responses, warnings } = parse271(text);
    expect(warnings).toEqual([]);
    expect(responses).toHaveLength(1);
    expect(responses[0]).toMatchObject({
      traceNumber: 'CD000000042',
      payer: { name: 'ACME HEALTH', id: '60054' },
      provider: { name: 'DEMO PRACTICE', id: '1234567893' },
      subscriber: { memberId: 'XJH123456789', last: 'RIVERA', first: 'ANA', dateOfBirth: '1980-04-02' },
      active: true,
      planName: 'GOLD PPO',
      coverage: { planBegin: '2026-01-01' },
      copays: [{ serviceTypeCodes: ['98'], coverageLevel: 'IND', timePeriod: '27', amountCents: 2500, inNetwork: true }],
      coinsurance: [{ serviceTypeCodes: ['30'], percent: 20, inNetwork: true }],
      deductibles: [
        { timePeriod: '23', amountCents: 150000 },
        { timePeriod: '29', amountCents: 42050 },
      ],
      rejections: [],
    });
  });

  it('writes an inactive answer for a dependent, and a rejection with its AAA reason', () => {
    const inactive = parse271(
      build271(
        {
          ...parties,
          traceNumber: 'CD000000043',
          subscriber: { memberId: 'M77', name: { last: 'CHEN', first: 'LI' } },
          dependent: { name: { last: 'CHEN', first: 'MAY' }, dateOfBirth: '2015-06-01' },
          active: false,
          planEnd: '2025-12-31',
        },
        envelope(43),
      ),
    ).responses[0];
    expect(inactive).toMatchObject({
      traceNumber: 'CD000000043',
      subscriber: { memberId: 'M77', last: 'CHEN' },
      dependent: { last: 'CHEN', first: 'MAY', dateOfBirth: '2015-06-01' },
      active: false,
      coverage: { planEnd: '2025-12-31' },
    });
    const rejected = parse271(
      build271(
        {
          ...parties,
          traceNumber: 'CD000000044',
          subscriber: { memberId: 'BAD', name: { last: 'DOE' } },
          active: false,
          rejections: [{ reasonCode: '72' }],
        },
        envelope(44),
      ),
    ).responses[0];
    expect(rejected).toMatchObject({ active: null, rejections: [{ level: '22', valid: false, reasonCode: '72', followUpCode: 'C' }] });
  });
});
