import type { Ctx } from '../shared/context.ts';
import { builtInReasonText, type ReasonCodeSet } from './adjustment-reasons.ts';

/** The text to show for a code: the office's imported text, else the built-in short text, else null (show the bare code). */
export interface ReasonTexts {
  text(codeSet: ReasonCodeSet, code: string): string | null;
}

/**
 * Looks up, in one query, the office's texts for every code a response shows (CARC reason codes,
 * RARC remark codes, group codes); codes it has none for fall back to the built-in texts.
 */
export async function reasonTexts(
  ctx: Ctx,
  codes: { CARC?: Iterable<string>; RARC?: Iterable<string>; GROUP?: Iterable<string> },
): Promise<ReasonTexts> {
  const wanted = new Set<string>();
  for (const set of ['CARC', 'RARC', 'GROUP'] as const) for (const code of codes[set] ?? []) wanted.add(code);
  const office = new Map<string, string>();
  if (wanted.size > 0) {
    const rows = await ctx.db
      .selectFrom('adjustment_reason_texts')
      .select(['code_set', 'code', 'description'])
      .where('organization_id', '=', ctx.organizationId)
      .where('code', 'in', [...wanted].slice(0, 5000))
      .execute();
    for (const r of rows) office.set(`${r.code_set}|${r.code}`, r.description);
  }
  return { text: (codeSet, code) => office.get(`${codeSet}|${code}`) ?? builtInReasonText(codeSet, code) };
}
