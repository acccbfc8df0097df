/**
 * Keeping procedure lines' diagnosis pointers right while diagnoses move: a pointer names a
 * position in the ordered diagnoses, so reordering or removing one re-points every line to the
 * same code's new position (and drops pointers to a removed code).
 */
import type { Diagnosis, ProcedureLine } from './encounters-api.ts';

export const MAX_POINTERS = 4;
export const MAX_DIAGNOSES = 12;

export function repoint(before: readonly Diagnosis[], after: readonly Diagnosis[], lines: readonly ProcedureLine[]): ProcedureLine[] {
  const newPosition = new Map(after.map((d, i) => [d.code, i + 1]));
  return lines.map((line) => ({
    ...line,
    diagnosisPointers: line.diagnosisPointers
      .map((p) => {
        const code = before[p - 1]?.code;
        return code ? newPosition.get(code) : undefined;
      })
      .filter((p): p is number => p !== undefined)
      .sort((a, b) => a - b),
  }));
}

export function move<T>(list: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return [...list];
  const out = [...list];
  const [item] = out.splice(from, 1);
  if (item !== undefined) out.splice(to, 0, item);
  return out;
}

/** "25 59" or "25,59" → ['25', '59'] (upper case, at most four). */
export function parseModifiers(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((m) => m.trim().toUpperCase())
    .filter(Boolean)
    .slice(0, 4);
}
