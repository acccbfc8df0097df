/**
 * The demo practice's eligibility checks, made the way the front desk would, by the system for the
 * demo (purpose `demo-seed:eligibility`: no user's name on the rows): a 270 is built for the
 * primary coverage of two demo patients, and the payer's 271 answer is imported for each: the
 * first active (plan, office-visit copay, coinsurance, deductible with what remains of it), the
 * second inactive (the plan ended last year). The answers are written with `build271` from what
 * each 270 asked (subscriber, dependent, payer, provider, trace number).
 */
import { build271, parse270 } from '@x12/index.ts';
import type { DemoSeeder } from '../demo/index.ts';
import { listCoverages } from '../insurance/index.ts';
import { systemCtx } from '../shared/context.ts';
import { createEligibilityRequest } from './create-eligibility-request.ts';
import { importEligibilityResponse } from './import-eligibility-response.ts';

export const seedEligibilityDemo: DemoSeeder = async (demo) => {
  const ctx = systemCtx(demo.ctx.db, demo.ctx.clock, demo.organizationId, 'demo-seed:eligibility', demo.ctx.requestId, {
    baseDb: demo.ctx.baseDb,
  });
  const today = ctx.clock.now().toISOString().slice(0, 10);
  const year = Number(today.slice(0, 4));
  const checked: string[] = [];
  for (const patientId of demo.patientIds) {
    if (checked.length >= 2) break;
    const coverage = (await listCoverages(ctx, patientId)).find((c) => c.priority === 'primary');
    if (!coverage) continue;
    let request: Awaited<ReturnType<typeof createEligibilityRequest>>;
    try {
      request = await createEligibilityRequest(ctx, patientId, coverage.id, {});
    } catch (e) {
      // The payer has no EDI id: this coverage cannot be checked electronically.
      if ((e as { code?: string }).code !== 'CONFLICT') throw e;
      continue;
    }
    const [asked] = parse270(request.x12).requests;
    if (!asked) continue;
    const active = checked.length === 0;
    const answer = build271(
      {
        sender: { id: asked.receiver.id },
        receiver: { id: asked.sender.id },
        traceNumber: asked.traceNumber,
        traceOriginator: asked.traceOriginator,
        payer: asked.payer,
        provider: asked.provider,
        subscriber: {
          memberId: asked.subscriber.memberId,
          name: asked.subscriber.name ?? { last: 'MEMBER' },
          dateOfBirth: asked.subscriber.dateOfBirth,
        },
        ...(asked.dependent ? { dependent: asked.dependent } : {}),
        active,
        ...(active
          ? {
              planName: 'DEMO PPO',
              planBegin: `${year}-01-01`,
              benefits: [
                { kind: 'copay', serviceTypeCode: '98', coverageLevel: 'IND', timePeriod: '27', amountCents: 2500, inNetwork: true },
                { kind: 'coinsurance', serviceTypeCode: '30', coverageLevel: 'IND', percent: 20, inNetwork: true },
                { kind: 'deductible', serviceTypeCode: '30', coverageLevel: 'IND', timePeriod: '23', amountCents: 150000, inNetwork: true },
                { kind: 'deductible', serviceTypeCode: '30', coverageLevel: 'IND', timePeriod: '29', amountCents: 42000, inNetwork: true },
                {
                  kind: 'outOfPocket',
                  serviceTypeCode: '30',
                  coverageLevel: 'IND',
                  timePeriod: '23',
                  amountCents: 500000,
                  inNetwork: true,
                },
                {
                  kind: 'outOfPocket',
                  serviceTypeCode: '30',
                  coverageLevel: 'IND',
                  timePeriod: '29',
                  amountCents: 381000,
                  inNetwork: true,
                },
              ],
            }
          : { planBegin: `${year - 1}-01-01`, planEnd: `${year - 1}-12-31` }),
      },
      {
        controlNumbers: { interchange: request.interchangeControlNumber, group: 1, transactions: [1] },
        usageIndicator: 'T',
        date: today,
        time: ctx.clock.now().toISOString().slice(11, 16).replace(':', ''),
      },
    );
    await importEligibilityResponse(ctx, answer);
    checked.push(coverage.id);
  }
};
