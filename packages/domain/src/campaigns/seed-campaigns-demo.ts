/**
 * The demo's recall campaign: "Overdue recalls" over the demo's overdue recalls (five overdue wellness
 * visits of patients with nothing booked are added: a patient already booked is not enrolled), started ten days
 * ago with the recall-reminder letter as its last stage. Its stages ran as the job runs them (ten
 * days ago and three days ago), so members stand at different stages: emailed and waiting for
 * the text, sent the letter, unreachable; one patient booked (the desk logged the booking on the
 * recall) and one declined. Three of the five agreed to email and text reminders, so the report
 * shows emails and texts sent; the demo practice sent them then (its SMS account is unset now,
 * as the demo's text threads are history too), so the outreach stands as sent.
 */
import { settleDemoOutreach } from '../comms/index.ts';
import type { DemoSeeder } from '../demo/index.ts';
import { createRecall, logRecallContact } from '../followups/index.ts';
import { listTemplates } from '../letters/index.ts';
import { getPatient, updatePatient } from '../patients/index.ts';
import { systemCtx } from '../shared/context.ts';
import { createCampaign } from './create-campaign.ts';
import { recordResponse } from './record-response.ts';
import { runCampaignStages } from './run-stages.ts';
import { updateCampaign } from './update-campaign.ts';

const DAY_MS = 86_400_000;

export const seedCampaignsDemo: DemoSeeder = async (demo) => {
  const real = demo.ctx.clock;
  const at = (daysAgo: number) => ({ now: () => new Date(real.now().getTime() - daysAgo * DAY_MS) });
  const base = systemCtx(demo.ctx.db, real, demo.organizationId, 'demo-seed:campaigns', demo.ctx.requestId, { baseDb: demo.ctx.baseDb });
  const ctx = { ...base, locationId: demo.locationIds[0] ?? null };
  const then = { ...ctx, clock: at(10) };
  const recallTemplate = (await listTemplates(ctx, {})).items.find((t) => t.name === 'Recall reminder');
  // Wellness visits overdue for five patients with no visit on the books (a patient already booked is not enrolled).
  const unbooked = await demo.ctx.db
    .selectFrom('patient_names as p')
    .select('p.id')
    .where('p.organization_id', '=', demo.organizationId)
    .where('p.restricted', '=', false)
    .where('p.id', 'in', demo.patientIds)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('appointment_times as a')
            .select('a.id')
            .whereRef('a.patient_id', '=', 'p.id')
            .where('a.status', 'in', ['scheduled', 'confirmed'])
            .where('a.starts_at', '>=', at(10).now()),
        ),
      ),
    )
    .orderBy('p.family_name')
    .orderBy('p.id')
    .limit(5)
    .execute();
  for (const [i, p] of unbooked.entries()) {
    // Three of them agreed to email and text reminders: the campaign's email and text stages reach them.
    if (i < 3) {
      const patient = await getPatient(ctx, p.id);
      await updatePatient(ctx, p.id, { consentEmailReminders: true, consentSmsReminders: true }, patient.version);
    }
    await createRecall({ ...ctx, clock: at(30) }, p.id, {
      recallType: 'wellness',
      dueDate: new Date(real.now().getTime() - (40 + i * 7) * DAY_MS).toISOString().slice(0, 10),
      note: '',
    });
  }
  const today = new Date(real.now().getTime()).toISOString().slice(0, 10);
  const draft = await createCampaign(then, {
    name: 'Overdue recalls',
    recallTypes: ['annual_physical', 'wellness', 'diabetic_eye', 'mammogram', 'colonoscopy', 'lab', 'other'],
    dueOnOrBefore: today,
    locationId: demo.locationIds[0] ?? null,
    emailAfterDays: 0,
    smsAfterDays: 7,
    letterAfterDays: 14,
    letterTemplateId: recallTemplate?.id ?? null,
  });
  const campaign = await updateCampaign(then, draft.id, { status: 'running' }, draft.version);
  const installation = { smtpUrl: undefined, smtpFrom: undefined, publicUrl: 'http://localhost:3000' };
  for (const daysAgo of [10, 3]) {
    await runCampaignStages(
      { db: demo.ctx.db, clock: at(daysAgo), installation, job: { id: 0, queue: 'demo', payload: {}, attempts: 1, maxAttempts: 1 } },
      demo.organizationId,
      { texts: true },
    );
  }
  // The emails and texts went out then (the demo has no mail server or SMS account to send through now).
  await settleDemoOutreach(demo);
  // What the desk heard back: one booked (logged on the recall), one declined.
  const waiting = await demo.ctx.db
    .selectFrom('recall_campaign_members')
    .select(['id', 'recall_id', 'version'])
    .where('campaign_id', '=', campaign.id)
    .where('response', '=', 'none')
    .orderBy('recall_due_date')
    .orderBy('id')
    .execute();
  const [booked, declined] = waiting;
  if (booked)
    await logRecallContact({ ...ctx, clock: at(2) }, booked.recall_id, {
      method: 'phone',
      outcome: 'booked',
      note: 'Called back after the campaign email; booked.',
    });
  if (declined)
    await recordResponse(
      { ...ctx, clock: at(1) },
      campaign.id,
      declined.id,
      { response: 'declined', note: 'Has moved to another practice.' },
      declined.version,
    );
};
