/**
 * The campaign stages, run by jobs. Once a minute the sweeper enqueues one sweep job (keyed by the
 * minute, so any number of processes sweep once); the sweep enqueues a stages job per practice
 * with members due. The stages job first marks booked the members whose patient has a visit on
 * the books, then takes the due members of running campaigns (FOR UPDATE SKIP LOCKED: two
 * runners never take one member) and runs each one's stage: by that channel only where the
 * patient agreed to it and has the contact (email consent and an address; text consent and a
 * mobile number, and the practice sends texts; a postal address and a letter template),
 * otherwise on to the next stage at once. A stage sent waits the stage gap before the next; with
 * every stage skipped and nothing sent the member is `unreachable`. Each stage is written once
 * per member (`recall_campaign_sends` is unique by member and stage, a second guard behind the
 * row lock), and each sending is logged as a contact on the recall (followups' logRecallContact).
 */
import { sql } from 'kysely';
import { recordAudit } from '../audit/index.ts';
import { practiceSendsTexts, queueOutreach, resolveComms } from '../comms/index.ts';
import { logRecallContact, recallStatuses } from '../followups/index.ts';
import { enqueueJob, type JobContext, type JobHandler } from '../jobs/index.ts';
import { createLetter } from '../letters/index.ts';
import { type OutreachContact, outreachContactOf } from '../patients/index.ts';
import type { Clock } from '../shared/clock.ts';
import { type Ctx, type Db, systemCtx } from '../shared/context.ts';
import type { Installation } from '../shared/installation.ts';
import { type MemberStage, type SendOutcome, type Stage, STAGES } from './campaigns.tables.ts';

export const CAMPAIGN_SWEEP_QUEUE = 'campaigns.sweep';
export const CAMPAIGN_STAGES_QUEUE = 'campaigns.run-stages';
/** Members one stages job takes; the rest wait for the next minute's job. */
export const STAGE_BATCH = 200;
const DAY_MS = 86_400_000;

const RECALL_WORDS: Record<string, string> = {
  annual_physical: 'annual physical',
  wellness: 'wellness visit',
  diabetic_eye: 'diabetic eye exam',
  mammogram: 'mammogram',
  colonoscopy: 'colonoscopy',
  lab: 'lab work',
  other: 'visit',
};

/** Enqueue a stages job for each practice with members due; answers how many were new. */
export async function sweepCampaigns(db: Db, clock: Clock): Promise<number> {
  const now = clock.now();
  const orgs = await db
    .selectFrom('recall_campaign_members as m')
    .innerJoin('recall_campaigns as c', (j) => j.onRef('c.id', '=', 'm.campaign_id').onRef('c.organization_id', '=', 'm.organization_id'))
    .select('m.organization_id')
    .distinct()
    .where('c.status', '=', 'running')
    .where('m.open', '=', true)
    .where((eb) => eb.or([eb('m.next_stage_at', '<=', now), eb('m.response', '=', 'none')]))
    .limit(1_000)
    .execute();
  const minute = Math.floor(now.getTime() / 60_000);
  let queued = 0;
  for (const o of orgs) {
    const id = await enqueueJob(
      db,
      CAMPAIGN_STAGES_QUEUE,
      { organizationId: o.organization_id },
      { dedupeKey: `campaign-stages:${o.organization_id}:${minute}`, runAt: now, maxAttempts: 3 },
    );
    if (id !== null) queued++;
  }
  return queued;
}

export const handleCampaignSweepJob: JobHandler = async ({ db, clock }) => {
  await sweepCampaigns(db, clock);
};

export const handleCampaignStagesJob: JobHandler = async (job) => {
  await runCampaignStages(job, (job.job.payload as { organizationId: string }).organizationId);
};

/** Run one practice's due stages in a transaction of its own (the job does this in its claiming one); answers stages run. */
export async function runCampaignStagesNow(db: Db, clock: Clock, installation: Installation, organizationId: string): Promise<number> {
  return db
    .transaction()
    .execute((tx) =>
      runCampaignStages(
        { db: tx, clock, installation, job: { id: 0, queue: CAMPAIGN_STAGES_QUEUE, payload: {}, attempts: 1, maxAttempts: 1 } },
        organizationId,
      ),
    );
}

/**
 * One practice's work: booked members first, then up to STAGE_BATCH due members. Answers how many
 * members moved. `texts` overrides whether the practice sends texts (the demo's history, written
 * while its SMS account stays unset); by default its SMS account says.
 */
export async function runCampaignStages(job: JobContext, organizationId: string, opts: { texts?: boolean } = {}): Promise<number> {
  const { db, clock } = job;
  const ctx = systemCtx(db, clock, organizationId, 'job:campaigns', `job-${job.job.id}`);
  await markBookedByVisits(ctx);
  const now = clock.now();
  const due = await db
    .selectFrom('recall_campaign_members as m')
    .innerJoin('recall_campaigns as c', (j) => j.onRef('c.id', '=', 'm.campaign_id').onRef('c.organization_id', '=', 'm.organization_id'))
    .select([
      'm.id',
      'm.recall_id',
      'm.patient_id',
      'm.recall_type',
      'm.stage',
      'm.version',
      'c.id as campaign_id',
      'c.name as campaign_name',
      'c.location_id',
      'c.letter_template_id',
      'c.email_after_days',
      'c.sms_after_days',
      'c.letter_after_days',
    ])
    .where('m.organization_id', '=', organizationId)
    .where('c.status', '=', 'running')
    .where('m.open', '=', true)
    .where('m.response', '=', 'none')
    .where('m.next_stage_at', '<=', now)
    .orderBy('m.next_stage_at')
    .orderBy('m.id')
    .limit(STAGE_BATCH)
    .forUpdate('m')
    .skipLocked()
    .execute();
  if (due.length === 0) return 0;
  const statuses = await recallStatuses(
    db,
    organizationId,
    due.map((m) => m.recall_id),
  );
  const comms = await resolveComms(db, organizationId, job.installation);
  const texts = opts.texts ?? (await practiceSendsTexts(db, organizationId));
  const practice = await db.selectFrom('organization_directory').select('name').where('id', '=', organizationId).executeTakeFirst();
  let moved = 0;
  for (const m of due) {
    // Each member in a savepoint: one that fails (a letter that cannot be written) stays due and the others go on.
    await sql`savepoint campaign_member`.execute(db);
    try {
      const status = statuses.get(m.recall_id);
      if (status === 'booked') await respondAutomatically(ctx, m, 'booked');
      else if (status !== 'due' && status !== 'contacted') await finish(ctx, m, 'done');
      else await runStage(ctx, m, { comms, texts, practice: practice?.name ?? 'Your doctor’s office' });
      await sql`release savepoint campaign_member`.execute(db);
      moved++;
    } catch (err) {
      await sql`rollback to savepoint campaign_member`.execute(db);
      if (isUniqueViolation(err)) continue; // another runner ran this stage: nothing to do
      throw err;
    }
  }
  return moved;
}

const isUniqueViolation = (e: unknown) => (e as { code?: string })?.code === '23505';

type DueMember = {
  id: string;
  recall_id: string;
  patient_id: string;
  recall_type: string;
  stage: MemberStage;
  version: number;
  campaign_id: string;
  campaign_name: string;
  location_id: string | null;
  letter_template_id: string | null;
  email_after_days: number;
  sms_after_days: number;
  letter_after_days: number;
};

/** Whether a stage can go to this patient, and why not. */
export function stageOutcome(stage: Stage, c: OutreachContact, o: { texts: boolean; letterTemplate: boolean }): SendOutcome {
  if (stage === 'email') return !c.consentEmailReminders ? 'no_consent' : c.email ? 'sent' : 'no_contact';
  if (stage === 'sms') return !c.consentSmsReminders ? 'no_consent' : c.mobile && o.texts ? 'sent' : 'no_contact';
  return c.hasPostalAddress && o.letterTemplate ? 'sent' : 'no_contact';
}

async function runStage(
  ctx: Ctx,
  m: DueMember,
  env: { comms: Awaited<ReturnType<typeof resolveComms>>; texts: boolean; practice: string },
): Promise<void> {
  const { db, organizationId } = ctx;
  const now = ctx.clock.now();
  const contact = await outreachContactOf(db, organizationId, m.patient_id);
  const offset: Record<Stage, number> = { email: m.email_after_days, sms: m.sms_after_days, letter: m.letter_after_days };
  const what = RECALL_WORDS[m.recall_type] ?? 'visit';
  let stage: MemberStage = m.stage;
  let sentAt: Stage | null = null;
  while (stage !== 'done' && !sentAt) {
    const current: Stage = stage;
    const outcome = stageOutcome(current, contact, { texts: env.texts, letterTemplate: Boolean(m.letter_template_id) });
    let messageId: string | null = null;
    let letterId: string | null = null;
    if (outcome === 'sent') {
      if (current === 'letter') {
        letterId = (
          await createLetter(ctx, {
            templateId: m.letter_template_id as string,
            patientId: m.patient_id,
            recallId: m.recall_id,
            ...(m.location_id && { locationId: m.location_id }),
          })
        ).id;
      } else {
        const body =
          current === 'email'
            ? [
                'Hello,',
                '',
                `Our records show that you are due for your ${what}. Please call the office or stop by the front desk to book a time that suits you.`,
                '',
                'If you have booked already, thank you, and please ignore this message.',
                '',
                env.practice,
              ].join('\n')
            : `${env.practice}: you are due for your ${what}. Please call us to book. Reply STOP to opt out.`;
        messageId = await queueOutreach(db, env.comms, {
          organizationId,
          patientId: m.patient_id,
          channel: current,
          to: (current === 'email' ? contact.email : contact.mobile) as string,
          subject: `Time to book your ${what}`,
          body,
          locationId: m.location_id,
          now,
        });
      }
      await logRecallContact(ctx, m.recall_id, {
        method: current,
        outcome: 'left_message',
        note: `Recall campaign "${m.campaign_name}": ${current === 'sms' ? 'text' : current} sent`.slice(0, 1000),
      });
      sentAt = current;
    }
    // The unique (member, stage) key: a second runner's insert fails and its savepoint rolls back.
    await db
      .insertInto('recall_campaign_sends')
      .values({
        organization_id: organizationId,
        campaign_id: m.campaign_id,
        member_id: m.id,
        stage: current,
        outcome,
        message_id: messageId,
        letter_id: letterId,
        created_at: now,
      })
      .execute();
    stage = STAGES[STAGES.indexOf(current) + 1] ?? 'done';
  }
  if (stage === 'done' && !sentAt) {
    const sentBefore = await db
      .selectFrom('recall_campaign_sends')
      .select('id')
      .where('member_id', '=', m.id)
      .where('outcome', '=', 'sent')
      .limit(1)
      .executeTakeFirst();
    if (!sentBefore) return respondAutomatically(ctx, m, 'unreachable', 'done');
  }
  const nextAt = stage !== 'done' && sentAt ? new Date(now.getTime() + Math.max(0, offset[stage] - offset[sentAt]) * DAY_MS) : null;
  await advance(ctx, m, { stage, next_stage_at: nextAt });
}

/** Move a member on, only from the version it was read at (else another runner moved it: roll back). */
async function advance(ctx: Ctx, m: DueMember, set: { stage: MemberStage; next_stage_at: Date | null }): Promise<void> {
  const res = await ctx.db
    .updateTable('recall_campaign_members')
    .set({ ...set, version: m.version + 1, updated_at: ctx.clock.now() })
    .where('id', '=', m.id)
    .where('version', '=', m.version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw Object.assign(new Error('campaign member moved by another runner'), { code: '23505' });
}

async function finish(ctx: Ctx, m: DueMember, stage: MemberStage): Promise<void> {
  await advance(ctx, m, { stage, next_stage_at: null });
}

async function respondAutomatically(ctx: Ctx, m: DueMember, response: 'booked' | 'unreachable', stage?: MemberStage): Promise<void> {
  const now = ctx.clock.now();
  const res = await ctx.db
    .updateTable('recall_campaign_members')
    .set({
      response,
      responded_at: now,
      next_stage_at: null,
      ...(stage && { stage }),
      version: m.version + 1,
      updated_at: now,
    })
    .where('id', '=', m.id)
    .where('version', '=', m.version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw Object.assign(new Error('campaign member moved by another runner'), { code: '23505' });
  await recordAudit(ctx, {
    action: 'update',
    resourceType: 'recall_campaign_member',
    resourceId: m.id,
    patientId: m.patient_id,
    changes: { response: { before: 'none', after: response } },
    details: { campaignId: m.campaign_id, response, automatic: true },
  });
}

/**
 * Members still waiting for an answer whose patient has a visit on the books (scheduled or
 * confirmed, from now on: scheduling's `appointment_times` view) are booked: no more stages.
 */
export async function markBookedByVisits(ctx: Ctx): Promise<number> {
  const now = ctx.clock.now();
  const rows = await ctx.db
    .updateTable('recall_campaign_members as m')
    .set((eb) => ({ response: 'booked', responded_at: now, next_stage_at: null, version: eb('m.version', '+', 1), updated_at: now }))
    .where('m.organization_id', '=', ctx.organizationId)
    .where('m.open', '=', true)
    .where('m.response', '=', 'none')
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('recall_campaigns as c')
          .select('c.id')
          .whereRef('c.id', '=', 'm.campaign_id')
          .where('c.status', 'in', ['running', 'paused']),
      ),
    )
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('appointment_times as a')
          .select('a.id')
          .whereRef('a.patient_id', '=', 'm.patient_id')
          .where('a.organization_id', '=', ctx.organizationId)
          .where('a.status', 'in', ['scheduled', 'confirmed'])
          .where('a.starts_at', '>=', now),
      ),
    )
    .returning(['m.id', 'm.patient_id', 'm.campaign_id'])
    .execute();
  for (const r of rows) {
    await recordAudit(ctx, {
      action: 'update',
      resourceType: 'recall_campaign_member',
      resourceId: r.id,
      patientId: r.patient_id,
      changes: { response: { before: 'none', after: 'booked' } },
      details: { campaignId: r.campaign_id, response: 'booked', automatic: true },
    });
  }
  return rows.length;
}
