import { sql } from 'kysely';
import { patientAccessMany } from '../access/index.ts';
import { diffFields, recordAudit, recordAuditMany } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, invalid } from '../shared/errors.ts';
import { checkCampaignRefs, matchingRecalls } from './campaign-refs.ts';
import { loadCampaign, lockCampaign } from './campaign-row.ts';
import { requireCampaignScope } from './campaign-scope.ts';
import { type Campaign, type CampaignPatch, ENROLMENT_CAP } from './campaigns.schemas.ts';
import type { CampaignStatus } from './campaigns.tables.ts';

const DAY_MS = 86_400_000;

/** The moves a campaign may make: start (draft → running), pause, resume, stop (for good). */
const MOVES: Record<CampaignStatus, readonly CampaignStatus[]> = {
  draft: ['running', 'stopped'],
  running: ['paused', 'stopped'],
  paused: ['running', 'stopped'],
  stopped: [],
};

/**
 * Edit a draft (name at any time; selection, stages and template only before it starts: 409
 * after), or move it. Starting enrols the open recalls the selection matches (at most
 * ENROLMENT_CAP, oldest due first; `capped` says more matched; not a patient with a visit on the
 * books already), each recall in at most one
 * campaign that was not stopped (a partial unique index), and schedules every member's first
 * stage. Stopping releases its recalls for another campaign. `expectedVersion` comes from
 * If-Match: 412 VERSION_MISMATCH (with the campaign as it now is).
 */
export async function updateCampaign(ctx: Ctx, id: string, patch: CampaignPatch, expectedVersion: number): Promise<Campaign> {
  return inTransaction(ctx, async (tx) => {
    const current = await lockCampaign(tx, id);
    requireCampaignScope(tx, 'campaign:manage', current.location_id);
    if (current.version !== expectedVersion) {
      throw new AppError('VERSION_MISMATCH', `campaign is at version ${current.version}`, {
        extra: { current: await loadCampaign(tx, id) },
      });
    }
    const edits = (
      [
        'recallTypes',
        'dueOnOrBefore',
        'providerId',
        'locationId',
        'emailAfterDays',
        'smsAfterDays',
        'letterAfterDays',
        'letterTemplateId',
      ] as const
    ).filter((k) => patch[k] !== undefined);
    if (edits.length && current.status !== 'draft')
      throw new AppError('CONFLICT', 'the selection and stages can be changed only before the campaign starts');
    if (patch.locationId !== undefined) requireCampaignScope(tx, 'campaign:manage', patch.locationId);
    await checkCampaignRefs(tx, patch);
    const next = {
      name: patch.name ?? current.name,
      recall_types: patch.recallTypes ? [...new Set(patch.recallTypes)] : current.recall_types,
      due_on_or_before: patch.dueOnOrBefore ?? current.due_on_or_before,
      provider_id: patch.providerId !== undefined ? patch.providerId : current.provider_id,
      location_id: patch.locationId !== undefined ? patch.locationId : current.location_id,
      email_after_days: patch.emailAfterDays ?? current.email_after_days,
      sms_after_days: patch.smsAfterDays ?? current.sms_after_days,
      letter_after_days: patch.letterAfterDays ?? current.letter_after_days,
      letter_template_id: patch.letterTemplateId !== undefined ? patch.letterTemplateId : current.letter_template_id,
      status: patch.status ?? current.status,
    };
    if (next.sms_after_days < next.email_after_days)
      throw invalid('smsAfterDays', 'The text comes after the email: at least as many days.');
    if (next.letter_after_days < next.sms_after_days)
      throw invalid('letterAfterDays', 'The letter comes after the text: at least as many days.');
    if (next.status !== current.status && !MOVES[current.status].includes(next.status))
      throw new AppError('CONFLICT', `a ${current.status} campaign cannot become ${next.status}`);
    const now = tx.clock.now();
    let enrolment: { enrolled: number; capped: boolean } | null = null;
    if (current.status === 'draft' && next.status === 'running') enrolment = await enrol(tx, id, next, now);
    if (next.status === 'stopped' && current.status !== 'stopped') {
      await tx.db
        .updateTable('recall_campaign_members')
        .set({ open: false, updated_at: now })
        .where('organization_id', '=', tx.organizationId)
        .where('campaign_id', '=', id)
        .where('open', '=', true)
        .execute();
    }
    await tx.db
      .updateTable('recall_campaigns')
      .set({
        ...next,
        ...(enrolment && { started_at: now, enrolled: enrolment.enrolled, capped: enrolment.capped }),
        ...(next.status === 'stopped' && current.status !== 'stopped' && { stopped_at: now }),
        version: current.version + 1,
        updated_at: now,
      })
      .where('id', '=', id)
      .where('organization_id', '=', tx.organizationId)
      .execute();
    const before = {
      name: current.name,
      recall_types: current.recall_types,
      due_on_or_before: current.due_on_or_before,
      provider_id: current.provider_id,
      location_id: current.location_id,
      email_after_days: current.email_after_days,
      sms_after_days: current.sms_after_days,
      letter_after_days: current.letter_after_days,
      letter_template_id: current.letter_template_id,
      status: current.status,
    };
    await recordAudit(tx, {
      action: 'update',
      resourceType: 'recall_campaign',
      resourceId: id,
      changes: diffFields(before, next),
      details: enrolment,
    });
    return loadCampaign(tx, id);
  });
}

/** Enrol the matching open recalls; answers how many and whether the cap cut the list. */
async function enrol(
  tx: Ctx,
  campaignId: string,
  c: { recall_types: readonly string[]; due_on_or_before: string; provider_id: string | null; email_after_days: number },
  now: Date,
): Promise<{ enrolled: number; capped: boolean }> {
  const found = await matchingRecalls(
    tx,
    { recallTypes: c.recall_types as never, dueOnOrBefore: c.due_on_or_before, providerId: c.provider_id },
    ENROLMENT_CAP + 1,
  );
  // A patient with a visit already on the books needs no reminder: such recalls stay out, so a
  // visit that appears later is a booking the campaign brought (run-stages.ts markBookedByVisits).
  const booked = new Set(
    found.length
      ? (
          await tx.db
            .selectFrom('appointment_times')
            .select('patient_id')
            .where('organization_id', '=', tx.organizationId)
            .where('patient_id', 'in', [...new Set(found.map((r) => r.patientId))])
            .where('status', 'in', ['scheduled', 'confirmed'])
            .where('starts_at', '>=', now)
            .execute()
        ).map((r) => r.patient_id)
      : [],
  );
  const take = found.filter((r) => !booked.has(r.patientId)).slice(0, ENROLMENT_CAP);
  const access = await patientAccessMany(
    tx,
    take.map((r) => ({ id: r.patientId, restricted: r.restricted })),
  );
  const firstAt = new Date(now.getTime() + c.email_after_days * DAY_MS);
  let enrolled = 0;
  for (let i = 0; i < take.length; i += 1_000) {
    const part = take.slice(i, i + 1_000);
    const rows = await tx.db
      .insertInto('recall_campaign_members')
      .values(
        part.map((r) => ({
          organization_id: tx.organizationId,
          campaign_id: campaignId,
          recall_id: r.id,
          patient_id: r.patientId,
          recall_type: r.recallType,
          recall_due_date: r.dueDate,
          stage: 'email' as const,
          next_stage_at: firstAt,
          enrolled_at: now,
          updated_at: now,
        })),
      )
      // The predicate is a literal: PostgreSQL matches the partial index only on the predicate's own text.
      .onConflict((oc) => oc.column('recall_id').where('open', '=', sql.lit(true)).doNothing())
      .returning(['id', 'recall_id', 'patient_id'])
      .execute();
    enrolled += rows.length;
    await recordAuditMany(
      tx,
      rows.map((m) => ({
        action: 'create' as const,
        resourceType: 'recall_campaign_member',
        resourceId: m.id,
        access: access.get(m.patient_id) ?? { patientId: m.patient_id, breakGlass: false },
        details: { campaignId, recallId: m.recall_id },
      })),
    );
  }
  return { enrolled, capped: found.length > ENROLMENT_CAP };
}
