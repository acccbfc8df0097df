import { sql } from 'kysely';
import { isOnCareTeam, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction, requireUser } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import {
  BREAK_GLASS_RENEWAL_MIN_REASON,
  BREAK_GLASS_RENEWAL_WINDOW_HOURS,
  type BreakGlassInput,
  type BreakGlassOpened,
} from './compliance.schemas.ts';

/**
 * Emergency access to a restricted record: a grant of at most 60 minutes, stating a
 * reason. While it lasts, requirePatientAccess lets the user in with breakGlass=true and
 * every audit row about the patient is flagged; the office manager reviews them in the
 * break-glass report. A record that is not restricted, or one the user's care team
 * already opens, needs no grant (409).
 *
 * Renewals: a grant less than 24 hours after the user's previous grant for the same record
 * renews it. While that previous grant is not reviewed by a manager, the renewal needs
 * `renewal: true` and a reason of at least 40 characters; otherwise it is refused with
 * BREAK_GLASS_RENEWAL_UNREVIEWED (409, naming `reason`) and nothing is written. So 60-minute
 * grants cannot be chained by rote: each link is either reviewed or explicitly justified,
 * and the report shows the chain.
 */
export async function openBreakGlass(ctx: Ctx, patientId: string, input: BreakGlassInput): Promise<BreakGlassOpened> {
  requirePermission(ctx, 'break_glass');
  const user = requireUser(ctx);
  return inTransaction(ctx, async (tx) => {
    const patient = await tx.db
      .selectFrom('patient_access_facts')
      .select(['id', 'restricted'])
      .where('id', '=', patientId)
      .where('organization_id', '=', tx.organizationId)
      .executeTakeFirst();
    if (!patient) throw new AppError('NOT_FOUND', 'patient not found');
    if (!patient.restricted) throw new AppError('CONFLICT', 'this record is not restricted; open it normally');
    if (await isOnCareTeam(tx, patientId, user.userId))
      throw new AppError('CONFLICT', 'you are on this patient’s care team; no break-glass needed');
    // Two requests of the same user for the same record at once must not both miss the other.
    await sql`select pg_advisory_xact_lock(hashtextextended(${`break-glass:${user.userId}:${patientId}`}, 0))`.execute(tx.db);
    const createdAt = tx.clock.now();
    const previous = await tx.db
      .selectFrom('break_glass_grants as g')
      .leftJoin('break_glass_reviews as r', 'r.grant_id', 'g.id')
      .select(['g.id', 'r.grant_id as reviewed'])
      .where('g.organization_id', '=', tx.organizationId)
      .where('g.user_id', '=', user.userId)
      .where('g.patient_id', '=', patientId)
      .where('g.created_at', '>', new Date(createdAt.getTime() - BREAK_GLASS_RENEWAL_WINDOW_HOURS * 3_600_000))
      .where('g.created_at', '<=', createdAt)
      .orderBy('g.created_at', 'desc')
      .orderBy('g.id', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (previous && previous.reviewed === null) {
      const justified = input.renewal === true && input.reason.length >= BREAK_GLASS_RENEWAL_MIN_REASON;
      if (!justified) {
        const message = `your grant for this record less than ${BREAK_GLASS_RENEWAL_WINDOW_HOURS} hours ago is not reviewed yet: to renew it, send renewal: true and say why access is still needed in at least ${BREAK_GLASS_RENEWAL_MIN_REASON} characters, or ask a manager to review it first`;
        throw new AppError('BREAK_GLASS_RENEWAL_UNREVIEWED', message, {
          errors: [{ path: 'reason', message }],
          extra: { previousGrantId: previous.id, minReasonLength: BREAK_GLASS_RENEWAL_MIN_REASON },
        });
      }
    }
    const expiresAt = new Date(createdAt.getTime() + input.minutes * 60_000);
    const grant = await tx.db
      .insertInto('break_glass_grants')
      .values({
        organization_id: tx.organizationId,
        user_id: user.userId,
        patient_id: patientId,
        reason: input.reason,
        created_at: createdAt,
        expires_at: expiresAt,
      })
      .returning(['id'])
      .executeTakeFirstOrThrow();
    const renewalOf = previous?.id ?? null;
    await recordAudit(tx, {
      action: 'break_glass',
      resourceType: 'patient',
      resourceId: patientId,
      access: { patientId, breakGlass: true, grantId: grant.id },
      details: {
        reason: input.reason,
        expiresAt: expiresAt.toISOString(),
        ...(renewalOf ? { renewalOf, previousReviewed: previous?.reviewed !== null } : {}),
      },
    });
    return {
      id: grant.id,
      patientId,
      reason: input.reason,
      createdAt: createdAt.toISOString(),
      expiresAt: expiresAt.toISOString(),
      renewalOf,
    };
  });
}
