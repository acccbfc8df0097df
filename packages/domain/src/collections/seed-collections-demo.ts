/**
 * The demo practice's collections, as a biller would have worked them (purpose
 * `demo-seed:collections`, no user's name on the rows): charges of visits still in review are
 * approved as of some weeks and months ago (so the worklist has balances in several age buckets),
 * one guarantor has a call with a promise to pay, one patient a monthly payment plan started three
 * weeks ago whose first installment was missed (the periodic sweep flags it), and one account is at the agency.
 */
import { approveCharge, listCharges } from '../billing/index.ts';
import type { DemoSeeder } from '../demo/index.ts';
import type { Clock } from '../shared/clock.ts';
import { type Ctx, systemCtx } from '../shared/context.ts';
import { createPlan } from './create-plan.ts';
import { getWorklist } from './get-worklist.ts';
import { logContact } from './log-contact.ts';
import { markMissedInstallments } from './mark-missed-installments.ts';
import { sendToAgency } from './send-to-agency.ts';

const DAY = 86_400_000;
const daysAgo = (clock: Clock, days: number): Clock => ({ now: () => new Date(clock.now().getTime() - days * DAY) });
const isoDay = (clock: Clock) => clock.now().toISOString().slice(0, 10);

export const seedCollectionsDemo: DemoSeeder = async (demo) => {
  const base = demo.ctx.clock;
  const at = (clock: Clock): Ctx =>
    systemCtx(demo.ctx.db, clock, demo.organizationId, 'demo-seed:collections', demo.ctx.requestId, { baseDb: demo.ctx.baseDb });
  const ctx = at(base);
  // Visits whose charges the biller has not approved yet: approved now as of these days ago.
  const charges = (await listCharges(ctx, { limit: 200, status: 'review' })).items;
  const encounters = [...new Set(charges.map((c) => c.encounterId))];
  const ages = [130, 100, 70, 40, 12];
  for (const [i, encounterId] of encounters.slice(0, ages.length).entries()) {
    const then = at(daysAgo(base, ages[i] as number));
    for (const c of charges.filter((x) => x.encounterId === encounterId)) await approveCharge(then, c.id, c.version);
  }
  const rows = (await getWorklist(ctx, { limit: 25 })).items;
  if (rows.length === 0) return;
  const byAge = [...rows].sort((a, b) => (a.oldestSince < b.oldestSince ? -1 : 1));
  // The oldest account is at the agency.
  const oldest = byAge[0];
  if (oldest && byAge.length >= 3) await sendToAgency(at(daysAgo(base, 3)), [oldest.guarantorKey]);
  // A call with a promise to pay next week and a follow-up the day after.
  const promised = byAge[1] ?? byAge[0];
  if (promised) {
    const inDays = (d: number) => new Date(base.now().getTime() + d * DAY).toISOString().slice(0, 10);
    await logContact(at(daysAgo(base, 9)), {
      guarantorKey: promised.guarantorKey,
      type: 'voicemail',
      note: 'Left a message about the balance.',
    });
    await logContact(ctx, {
      guarantorKey: promised.guarantorKey,
      type: 'spoke',
      note: 'Will pay after payday; asked for the amount in writing.',
      promiseOn: inDays(7),
      promiseCents: Math.min(promised.balanceCents, 5000),
      followUpOn: inDays(8),
    });
  }
  // A monthly plan set up three weeks ago: its first installment is past due and grace, unpaid.
  const planned = byAge[2] ?? byAge[byAge.length - 1];
  const patient = planned?.patients[0];
  if (planned && patient && patient.balanceCents >= 300) {
    const started = daysAgo(base, 20);
    await createPlan(at(started), {
      patientId: patient.id,
      totalCents: patient.balanceCents,
      installmentCents: Math.max(100, Math.ceil(patient.balanceCents / 4)),
      frequency: 'monthly',
      firstDueOn: isoDay(started),
      note: 'Agreed on the phone.',
    });
    await markMissedInstallments(demo.ctx.db, base);
  }
};
