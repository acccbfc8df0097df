import type { Ctx } from '../shared/context.ts';

export interface OnboardingTraining {
  /** Assignments made from the onboarding set (open or completed). */
  assigned: number;
  completed: number;
}

/**
 * For the hiring module's onboarding checklist: how much of the onboarding set each of
 * `userIds` was assigned (by the `user.created` reaction) and has completed. People without
 * any are absent. `onboardingSetSize` says how many active items the set has now.
 */
export async function onboardingTrainingOf(
  ctx: Ctx,
  userIds: readonly string[],
): Promise<{ byUser: Map<string, OnboardingTraining>; onboardingSetSize: number }> {
  const byUser = new Map<string, OnboardingTraining>();
  const size = await ctx.db
    .selectFrom('training_items')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organization_id', '=', ctx.organizationId)
    .where('onboarding', '=', true)
    .where('active', '=', true)
    .executeTakeFirstOrThrow();
  if (userIds.length === 0) return { byUser, onboardingSetSize: Number(size.n) };
  const rows = await ctx.db
    .selectFrom('training_assignments')
    .select((eb) => ['user_id', eb.fn.countAll<number>().as('assigned'), eb.fn.count<number>('completed_on').as('completed')])
    .where('organization_id', '=', ctx.organizationId)
    .where('source', '=', 'onboarding')
    .where('user_id', 'in', [...new Set(userIds)])
    .groupBy('user_id')
    .execute();
  for (const r of rows) byUser.set(r.user_id, { assigned: Number(r.assigned), completed: Number(r.completed) });
  return { byUser, onboardingSetSize: Number(size.n) };
}
