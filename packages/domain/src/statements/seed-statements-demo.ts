/**
 * The demo practice's statements, made as a biller would by the system for the demo (purpose
 * `demo-seed:statements`): a first run dated five weeks ago, then today's run, so that the
 * guarantors who still owe get a second notice and those who owe only since then a first one.
 * Balances come from what the earlier seeders posted (approved charges, the payer's 835).
 */
import type { DemoSeeder } from '../demo/index.ts';
import { type Ctx, systemCtx } from '../shared/context.ts';
import { runStatements } from './run-statements.ts';

export const seedStatementsDemo: DemoSeeder = async (demo) => {
  const ctx: Ctx = systemCtx(demo.ctx.db, demo.ctx.clock, demo.organizationId, 'demo-seed:statements', demo.ctx.requestId, {
    baseDb: demo.ctx.baseDb,
  });
  const now = ctx.clock.now().getTime();
  const earlier = { now: () => new Date(now - 35 * 86_400_000) };
  await runStatements({ ...ctx, clock: earlier }, { minBalanceCents: 1 });
  await runStatements(ctx, { minBalanceCents: 1 });
};
