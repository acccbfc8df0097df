/**
 * Quick-text expansion: typing an abbreviation such as `.normalexam` and then Space or Tab
 * replaces it with the practice's text. Abbreviations match in any case, with or without the dot
 * as stored.
 */
import type { QuickText } from './encounters-api.ts';

export const normalizeAbbreviation = (a: string) => `.${a.trim().replace(/^\.+/, '').toLowerCase()}`;

export function quickTextMap(items: readonly QuickText[]): Map<string, string> {
  return new Map(items.map((q) => [normalizeAbbreviation(q.abbreviation), q.text]));
}

/**
 * The text with the abbreviation right before `caret` expanded (and `after` typed behind it),
 * with the new caret; null when the word before the caret is no known abbreviation.
 */
export function expandAt(
  value: string,
  caret: number,
  texts: ReadonlyMap<string, string>,
  after: string,
): { value: string; caret: number } | null {
  const before = value.slice(0, caret);
  const m = /(^|\s)(\.[\w-]+)$/.exec(before);
  if (!m?.[2]) return null;
  const expansion = texts.get(m[2].toLowerCase());
  if (expansion === undefined) return null;
  const start = caret - m[2].length;
  const inserted = expansion + after;
  return { value: value.slice(0, start) + inserted + value.slice(caret), caret: start + inserted.length };
}

/** Every known abbreviation standing as a word in `text` expanded (a template may hold `.normalexam`). */
export function expandAll(text: string, texts: ReadonlyMap<string, string>): string {
  return text.replace(/(^|\s)(\.[\w-]+)(?=$|\s)/g, (whole, lead: string, abbr: string) => {
    const expansion = texts.get(abbr.toLowerCase());
    return expansion === undefined ? whole : lead + expansion;
  });
}
