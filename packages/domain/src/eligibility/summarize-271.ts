/**
 * What the coverage panel shows of a 271 answer: active or not, and one copay, coinsurance,
 * deductible and out-of-pocket figure each (the plan's and what remains). A 271 lists many
 * benefits (per service type, network, individual or family, period); the one shown is the
 * individual's in-network (or unstated) figure for the health plan (service type 30) or an
 * office visit (98), else the first of its kind. Remaining amounts are those with time period
 * 29 ("remaining"); the plan's are the others (calendar or service year...). Pure.
 */
import type { Benefit271, Eligibility271 } from '@x12/index.ts';

export interface EligibilitySummary {
  status: 'active' | 'inactive' | 'unknown' | 'rejected';
  planName: string | null;
  copayCents: number | null;
  coinsuranceBasisPoints: number | null;
  deductibleCents: number | null;
  deductibleRemainingCents: number | null;
  outOfPocketCents: number | null;
  outOfPocketRemainingCents: number | null;
  rejectionReasons: string[];
}

const REMAINING = '29';

function rank(b: Benefit271): number {
  let r = 0;
  if (b.inNetwork === false) r += 4;
  if (b.coverageLevel && b.coverageLevel !== 'IND') r += 2;
  if (!b.serviceTypeCodes.some((c) => c === '30' || c === '98')) r += 1;
  return r;
}

function pick(list: Benefit271[], want: (b: Benefit271) => boolean): Benefit271 | undefined {
  return list
    .filter(want)
    .map((b, i) => ({ b, i }))
    .sort((x, y) => rank(x.b) - rank(y.b) || x.i - y.i)[0]?.b;
}

const amount = (b: Benefit271 | undefined) => (b?.amountCents === undefined ? null : b.amountCents);

export function summarize271(r: Eligibility271): EligibilitySummary {
  const rejections = r.rejections.filter((x) => !x.valid || x.reasonCode);
  const deductible = pick(r.deductibles, (b) => b.timePeriod !== REMAINING && b.amountCents !== undefined);
  const deductibleLeft = pick(r.deductibles, (b) => b.timePeriod === REMAINING && b.amountCents !== undefined);
  const oop = pick(r.outOfPocket, (b) => b.timePeriod !== REMAINING && b.amountCents !== undefined);
  const oopLeft = pick(r.outOfPocket, (b) => b.timePeriod === REMAINING && b.amountCents !== undefined);
  const coinsurance = pick(r.coinsurance, (b) => b.percent !== undefined);
  return {
    status: rejections.length > 0 ? 'rejected' : r.active === true ? 'active' : r.active === false ? 'inactive' : 'unknown',
    planName: r.planName?.trim() || null,
    copayCents: amount(pick(r.copays, (b) => b.amountCents !== undefined)),
    coinsuranceBasisPoints: coinsurance?.percent === undefined ? null : Math.round(coinsurance.percent * 100),
    deductibleCents: amount(deductible),
    deductibleRemainingCents: amount(deductibleLeft),
    outOfPocketCents: amount(oop),
    outOfPocketRemainingCents: amount(oopLeft),
    rejectionReasons: rejections.map((x) => x.reasonCode),
  };
}
