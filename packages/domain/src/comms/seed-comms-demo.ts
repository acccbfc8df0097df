import type { Ctx } from '../shared/context.ts';

/** The demo practice reminds 72 h and 24 h before each visit. */
export async function seedCommsDemo(demo: { ctx: Ctx; organizationId: string }): Promise<void> {
  await demo.ctx.db
    .insertInto('reminder_rules')
    .values([72, 24].map((hours) => ({ organization_id: demo.organizationId, hours_before: hours, channel: 'email' as const })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}
