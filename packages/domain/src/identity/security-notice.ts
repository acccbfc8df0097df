/**
 * Tells a staff member by email that someone changed how they sign in (MFA reset, a new
 * password link), so a takeover cannot go unnoticed. Queued in the changing transaction
 * (outbox); sent by the job runner through the practice's mail settings. Without mail
 * settings the notice is dropped: the audit trail still records the change.
 */
import { channelFor, resolveComms } from '../comms/index.ts';
import { enqueueJob, type JobHandler } from '../jobs/index.ts';
import { actorUserId, type Ctx } from '../shared/context.ts';

export const SECURITY_NOTICE_QUEUE = 'identity.security-notice';

export type SecurityNoticeKind = 'mfa_reset' | 'reinvited' | 'unlocked';

const WHAT: Record<SecurityNoticeKind, { subject: string; text: string }> = {
  mfa_reset: {
    subject: 'Your two-step sign-in was reset',
    text: 'An administrator reset the two-step sign-in (authenticator app and recovery codes) of your account and signed you out everywhere. You will set it up again at your next sign-in.',
  },
  reinvited: {
    subject: 'A new password link was issued for your account',
    text: 'An administrator issued a new one-time link to set the password of your account and signed you out everywhere. Earlier links no longer work.',
  },
  unlocked: {
    subject: 'Your account was unlocked',
    text: 'An administrator cleared the failed sign-in attempts that had locked your account.',
  },
};

export async function queueSecurityNotice(ctx: Ctx, userId: string, kind: SecurityNoticeKind): Promise<void> {
  await enqueueJob(
    ctx.db,
    SECURITY_NOTICE_QUEUE,
    {
      organizationId: ctx.organizationId,
      userId,
      kind,
      by: actorUserId(ctx),
      at: ctx.clock.now().toISOString(),
    },
    { runAt: ctx.clock.now() },
  );
}

export const handleSecurityNoticeJob: JobHandler = async (job) => {
  const { organizationId, userId, kind, by, at } = job.job.payload as {
    organizationId: string;
    userId: string;
    kind: SecurityNoticeKind;
    by: string | null;
    at: string;
  };
  const user = await job.db
    .selectFrom('users')
    .select(['email', 'display_name'])
    .where('id', '=', userId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  if (!user) return;
  const actor = by
    ? await job.db
        .selectFrom('users')
        .select('display_name')
        .where('id', '=', by)
        .where('organization_id', '=', organizationId)
        .executeTakeFirst()
    : undefined;
  const channel = channelFor(await resolveComms(job.db, organizationId, job.installation), 'email');
  if (!channel) return;
  const what = WHAT[kind];
  await channel.send({
    to: user.email,
    subject: `ClinicDesk: ${what.subject}`,
    text: [
      `Hello ${user.display_name},`,
      '',
      what.text,
      '',
      `When: ${at} (UTC)`,
      `By: ${actor?.display_name ?? 'the system'}`,
      '',
      'If you did not expect this, tell your practice administrator at once.',
    ].join('\n'),
  });
};
