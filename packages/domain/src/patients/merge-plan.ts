/**
 * What a merge does to each column that points at patients.id, from the owners'
 * declared policies. Pure, so the rules are tested without a database.
 */
import type { MergePolicy } from '../module-manifest.ts';

export interface MergePlan {
  move: string[];
  keep: string[];
  refuse: string[];
  /** Moved by a reaction to patient.merging before the rest. */
  reaction: string[];
  /** Columns no manifest declares: a module forgot its policy (a programming error). */
  undeclared: string[];
}

export function planMerge(columns: readonly string[], policies: ReadonlyMap<string, MergePolicy>): MergePlan {
  const plan: MergePlan = { move: [], keep: [], refuse: [], reaction: [], undeclared: [] };
  for (const column of columns) {
    const policy = policies.get(column);
    if (policy === undefined) plan.undeclared.push(column);
    else plan[policy].push(column);
  }
  return plan;
}
