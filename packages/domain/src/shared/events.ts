/**
 * Typed domain events. A module defines the events it emits (`defineEvent`) and exports
 * them from its index.ts; a module that reacts declares `react(event, name, run)` in its
 * manifest (module.ts). `emit` runs every reaction inside the emitting transaction, in
 * the order of the module list, so their work commits or rolls back with the change.
 *
 * The reactions come from the module list (packages/domain/src/modules.ts), imported
 * lazily so the kernel never imports modules statically and nothing registers itself by
 * import side effect.
 */
import type { Ctx } from './context.ts';

export interface DomainEvent<P> {
  readonly name: string;
  /** Carries the payload type only. */
  readonly payload?: P;
}

export function defineEvent<P>(name: string): DomainEvent<P> {
  return { name };
}

export interface Reaction {
  readonly event: string;
  /** Names the reaction in logs and audit details, e.g. "waitlist.offer-freed-slot". */
  readonly name: string;
  run(tx: Ctx, payload: unknown): Promise<unknown>;
}

export function react<P>(event: DomainEvent<P>, name: string, run: (tx: Ctx, payload: P) => Promise<unknown>): Reaction {
  return { event: event.name, name, run: run as (tx: Ctx, payload: unknown) => Promise<unknown> };
}

export interface ReactionResult {
  reaction: string;
  result: unknown;
}

/** Run every reaction to `event` in `tx` (the emitter's transaction); answers what each returned. */
export async function emit<P>(tx: Ctx, event: DomainEvent<P>, payload: P): Promise<ReactionResult[]> {
  const { reactionsTo } = await import('../modules.ts');
  const out: ReactionResult[] = [];
  for (const r of reactionsTo(event.name)) out.push({ reaction: r.name, result: await r.run(tx, payload) });
  return out;
}
