import type { Ctx } from '../shared/context.ts';

export interface LastChange {
  userId: string | null;
  userDisplayName: string | null;
  role: string | null;
  occurredAt: string;
  changes: Record<string, { before: unknown; after: unknown }> | null;
}

/** The latest successful update of a record, from the audit trail: who changed what, for the "someone else edited this" screen (412 answers). */
export async function lastChange(ctx: Ctx, resourceType: string, resourceId: string): Promise<LastChange | null> {
  const row = await ctx.db
    .selectFrom('audit_events as a')
    .leftJoin('staff_directory as u', 'u.id', 'a.user_id')
    .select(['a.user_id', 'u.display_name', 'a.role', 'a.occurred_at', 'a.changes'])
    .where('a.organization_id', '=', ctx.organizationId)
    .where('a.resource_type', '=', resourceType)
    .where('a.resource_id', '=', resourceId)
    .where('a.action', '=', 'update')
    .where('a.outcome', '=', 'success')
    .orderBy('a.seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  return {
    userId: row.user_id,
    userDisplayName: row.display_name ?? null,
    role: row.role,
    occurredAt: new Date(row.occurred_at).toISOString(),
    changes: row.changes,
  };
}
