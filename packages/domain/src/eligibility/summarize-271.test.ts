import type { Eligibility271 } from '@x12/index.ts';
import { describe, expect, it } from 'vitest';
import { summarize271 } from './summarize-271.ts';

const base: Eligibility271 = {
  controlNumber: '1',
  payer: { name: 'P' },
  provider: { name: 'D' },
  active: true,
  coverage: {},
  copays: [],
  coinsurance: [],
  deductibles: [],
  outOfPocket: [],
  rejections: [],
};

describe('summarize271', () => {
  it('prefers the individual in-network plan figure, and reads remaining amounts from time period 29', () => {
    const s = summarize271({
      ...base,
      copays: [
        { serviceTypeCodes: ['98'], amountCents: 4000, inNetwork: false },
        { serviceTypeCodes: ['UC'], amountCents: 7500, inNetwork: true },
        { serviceTypeCodes: ['98'], amountCents: 2500, inNetwork: true },
      ],
      deductibles: [
        { serviceTypeCodes: ['30'], coverageLevel: 'FAM', timePeriod: '23', amountCents: 300000 },
        { serviceTypeCodes: ['30'], coverageLevel: 'IND', timePeriod: '29', amountCents: 41237 },
        { serviceTypeCodes: ['30'], coverageLevel: 'IND', timePeriod: '23', amountCents: 150000 },
      ],
      coinsurance: [{ serviceTypeCodes: ['30'], percent: 20 }],
    });
    expect(s).toMatchObject({
      status: 'active',
      copayCents: 2500,
      deductibleCents: 150000,
      deductibleRemainingCents: 41237,
      coinsuranceBasisPoints: 2000,
      outOfPocketCents: null,
    });
  });

  it('says inactive, not stated, or rejected with the AAA reasons', () => {
    expect(summarize271({ ...base, active: false }).status).toBe('inactive');
    expect(summarize271({ ...base, active: null }).status).toBe('unknown');
    const r = summarize271({ ...base, active: null, rejections: [{ level: '22', valid: false, reasonCode: '72', segmentNumber: 9 }] });
    expect([r.status, r.rejectionReasons]).toEqual(['rejected', ['72']]);
  });
});
