import { sql } from 'kysely';
import { requirePermission, todayAt } from '../access/index.ts';
import type { Ctx } from '../shared/context.ts';
import type { CredentialsDueSummary } from './credentials.schemas.ts';

/**
 * For the manager's dashboard: how many credentials have expired, and how many expire within
 * `withinDays` of today at `locationId` (else the desk's location). Credentials are the
 * practice's, whatever the location.
 */
export async function credentialsDueSummary(
  ctx: Ctx,
  opts: { locationId?: string | null; withinDays: number },
): Promise<CredentialsDueSummary> {
  requirePermission(ctx, 'credential:read');
  const today = await todayAt(ctx, opts.locationId);
  const row = await ctx.db
    .selectFrom('credentials')
    .select([
      sql<number>`count(*) filter (where expires_on < ${today}::date)::int`.as('expired'),
      sql<number>`count(*) filter (where expires_on >= ${today}::date and expires_on <= ${today}::date + ${opts.withinDays}::int)::int`.as(
        'due',
      ),
    ])
    .where('organization_id', '=', ctx.organizationId)
    .executeTakeFirstOrThrow();
  return { expired: row.expired, due: row.due, withinDays: opts.withinDays };
}
