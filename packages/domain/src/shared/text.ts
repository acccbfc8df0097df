/**
 * Text that people type: no control characters. PostgreSQL refuses U+0000 in text and
 * jsonb (a 500 if it reaches a query), and the other controls (C0, DEL, C1) and lone
 * UTF-16 surrogates are never part of a name or a note: they corrupt exports, CSV files,
 * headers and screens. Multi-line free text (notes, descriptions) may hold tab, line feed
 * and carriage return; single-line text (names, codes, addresses) may not.
 *
 * Two layers use these rules: the server refuses any such character in any string of
 * any request (apps/server/src/plugins/text-guard.ts, multi-line rules), and the zod
 * builders below give single-line fields the stricter rule, also for imports and the CLI.
 */
import { z } from 'zod';

/** C0 controls except tab, LF and CR; DEL; C1 controls. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL_MULTILINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** Every C0 and C1 control and DEL, plus the Unicode line and paragraph separators. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL_SINGLE_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one (no `u` flag: code units). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Any character one of the rules below could refuse: controls, DEL, C1, U+2028/U+2029, surrogates. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const SUSPECT = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff]/;

export interface TextRules {
  /** Tab, line feed and carriage return are allowed (notes, descriptions). */
  multiline?: boolean;
}

/** Why `value` is not acceptable text, in plain words (completing "The field ..."), or null. */
export function textProblem(value: string, rules: TextRules = {}): string | null {
  // Nearly all text has none of these: one scan, then the precise rules only when needed.
  if (!SUSPECT.test(value)) return null;
  if (LONE_SURROGATE.test(value)) return 'contains an invalid character (a lone UTF-16 surrogate)';
  if (rules.multiline) return CONTROL_MULTILINE.test(value) ? 'must not contain control characters' : null;
  if (CONTROL_SINGLE_LINE.test(value)) return 'must not contain control characters, tabs or line breaks';
  return null;
}

/** A zod check for an existing string schema: `z.string().trim().max(100).check(textCheck())`. */
export function textCheck(rules: TextRules = {}) {
  return z.superRefine<string>((value, ctx) => {
    const problem = textProblem(value, rules);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, input: value });
  });
}

/**
 * The builder for typed text: trimmed, `min`..`max` characters, no control characters
 * (tab and line breaks only when `multiline`). `min` defaults to 1 (an empty name is no name).
 */
export function text(opts: { max: number; min?: number; multiline?: boolean }) {
  return z
    .string()
    .trim()
    .min(opts.min ?? 1)
    .max(opts.max)
    .check(textCheck({ multiline: opts.multiline ?? false }));
}

export interface TextIssue {
  path: string;
  message: string;
}

/**
 * Every string (and object key) in a parsed JSON value, a query or route parameters that
 * breaks the multi-line rules, with its dotted path (`prefix.a.0.b`). Stops after `limit`.
 */
export function findTextProblems(value: unknown, prefix = '', limit = 20): TextIssue[] {
  const out: TextIssue[] = [];
  walkText(value, prefix, 0, out, limit);
  return out;
}

// Module-level, not closures made on every call: the guard runs on every request.
function joinPath(base: string, key: string | number): string {
  return base ? `${base}.${key}` : String(key);
}

function walkText(v: unknown, path: string, depth: number, out: TextIssue[], limit: number): void {
  if (out.length >= limit || depth > 64) return;
  if (typeof v === 'string') {
    const problem = textProblem(v, { multiline: true });
    if (problem) out.push({ path, message: problem });
  } else if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) walkText(v[i], joinPath(path, i), depth + 1, out, limit);
  } else if (v !== null && typeof v === 'object' && !Buffer.isBuffer(v) && !ArrayBuffer.isView(v)) {
    for (const k in v) {
      if (!Object.hasOwn(v, k)) continue;
      const keyProblem = textProblem(k, { multiline: false });
      if (keyProblem) {
        out.push({ path: joinPath(path, printable(k)), message: `field name ${keyProblem}` });
        continue;
      }
      walkText((v as Record<string, unknown>)[k], joinPath(path, k), depth + 1, out, limit);
    }
  }
}

/** A field name fit to echo back: each control character as '?'. */
function printable(key: string): string {
  return [...key].map((c) => (textProblem(c) ? '?' : c)).join('');
}
