/**
 * What a module brings, declared once in its `module.ts`; `modules.ts` lists the modules
 * and everything else (server jobs and periodic work, demo data, reactions to events,
 * patient links, merges, the boundary check) reads that list. Nothing registers itself
 * by being imported.
 */
import type { LinkAction } from './comms/index.ts';
import type { DemoSeeder } from './demo/index.ts';
import type { JobHandler } from './jobs/index.ts';
import type { AuditEventSpecs } from './shared/audit-events.ts';
import type { Clock } from './shared/clock.ts';
import type { Db } from './shared/context.ts';
import type { Reaction } from './shared/events.ts';
import type { PeriodicTask } from './shared/periodic-task.ts';

/**
 * What merging two patient records does to one of the module's tables that points at
 * patients: `move` re-points its rows to the surviving record (content unchanged); `keep`
 * leaves them with the merged record (which points at the survivor); `refuse` stops the
 * merge while such rows exist; `reaction` means a reaction to `patient.merging` moves
 * them itself (unique keys, constraints) before the remaining columns are handled.
 */
export type MergePolicy = 'move' | 'keep' | 'refuse' | 'reaction';

export interface PeriodicDeps {
  db: Db;
  clock: Clock;
  log: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };
}

export interface ModuleManifest {
  /** The folder name under packages/domain/src. */
  readonly name: string;
  /** Tables the module owns: only its own files query them (scripts/check-boundaries.js). */
  readonly tables: readonly string[];
  /**
   * Views the module defines (in its migrations) as a read surface for other modules, e.g. a
   * directory of names for joins on hot paths. Any module may read them; only the owner writes
   * its tables. Keep them narrow: a view exposes exactly what the owner chooses.
   */
  readonly views?: readonly string[];
  /** Background job handlers by queue name. */
  readonly jobs?: Readonly<Record<string, JobHandler>>;
  /** Work the serving process repeats (sealing the audit chain, queueing the reminder sweep...). */
  readonly periodic?: (deps: PeriodicDeps) => PeriodicTask[];
  /** Reactions to other modules' events, run in the emitting transaction. */
  readonly reactions?: readonly Reaction[];
  /** What patients' one-click links of each purpose do (comms owns the links, modules own the actions). */
  readonly linkActions?: readonly LinkAction[];
  /** Realistic demo data on an empty database, after the practice itself exists. */
  readonly demo?: DemoSeeder;
  /** For each owned table with a column pointing at patients.id ("table.column"): what a merge does. */
  readonly merge?: Readonly<Record<string, MergePolicy>>;
  /**
   * The audit events its use cases write, by `${action}:${resourceType}` (defineAuditEvents in
   * shared/audit-events.ts): what each row records and the shape of its details. Writing an
   * undeclared event, or details of another shape, throws (docs/AUDIT.md, "The catalogue").
   */
  readonly audit?: AuditEventSpecs;
}

export function defineModule<const M extends ModuleManifest>(manifest: M): M {
  return manifest;
}
