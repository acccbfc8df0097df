/**
 * The pure part of the PDF layer: which font draws each character, and how text is broken
 * into lines of a given width. Nothing here knows about pdfkit: widths come from a
 * `Measure` function (the real fonts in document.ts, a fake in the unit tests).
 */

/** Width in points of a string as it will be drawn (font fallback included). */
export type Measure = (text: string) => number;

/** A stretch of text drawn with one font (an index into the caller's font list). */
export interface Run {
  font: number;
  text: string;
}

/** Drawn for a character that no font has (Hangul, Arabic, Hebrew, Devanagari, Thai... are not shipped). */
export const PLACEHOLDER = '\uFFFD';
export const ELLIPSIS = '\u2026';

const MARK = /^\p{M}$/u;
/** Marks, joiners (ZWNJ, ZWJ), variation selectors, emoji skin tones and tags: they belong to the character before them. */
function attached(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  return (
    MARK.test(ch) ||
    cp === 0x200c ||
    cp === 0x200d ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0x1f3fb && cp <= 0x1f3ff) ||
    (cp >= 0xe0020 && cp <= 0xe007f) ||
    (cp >= 0xe0100 && cp <= 0xe01ef)
  );
}
/** Invisible when no font draws them: dropped rather than replaced. */
const IGNORABLE = /^[\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}]$/u;
/** Ideographs, kana, hangul and emoji: a line may break before or after each one. */
const BREAK_AROUND =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Extended_Pictographic}\u3000-\u303f\uff00-\uffef]/u;

/**
 * Splits `text` into runs by the first font that has each character (`has[i](codePoint)`),
 * after Unicode NFC normalization (so "Nguyễn" typed with combining marks draws with the
 * precomposed glyph). A mark, joiner or variation selector stays with the run before it when
 * that font has it (emoji ZWJ sequences stay whole); otherwise it is dropped when invisible.
 * Any other character no font has becomes `PLACEHOLDER` in font 0 (which must have it): a
 * visible sign of a gap, never a wrong letter. Tabs and line breaks become spaces.
 */
export function splitRuns(text: string, has: readonly ((codePoint: number) => boolean)[]): Run[] {
  const runs: Run[] = [];
  const push = (font: number, ch: string) => {
    const last = runs[runs.length - 1];
    if (last && last.font === font) last.text += ch;
    else runs.push({ font, text: ch });
  };
  for (let ch of text.normalize('NFC')) {
    if (ch === '\t' || ch === '\n' || ch === '\r' || ch === '\u2028' || ch === '\u2029') ch = ' ';
    const cp = ch.codePointAt(0) ?? 0;
    const last = runs[runs.length - 1];
    if (attached(ch) && last && has[last.font]?.(cp)) {
      last.text += ch;
      continue;
    }
    const font = has.findIndex((h) => h(cp));
    if (font >= 0 && !(font > 0 && IGNORABLE.test(ch))) push(font, ch);
    else if (/^\s$/u.test(ch)) push(0, ' ');
    else if (!attached(ch) && !IGNORABLE.test(ch)) push(0, PLACEHOLDER);
  }
  return runs;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
/** User-perceived characters (an emoji ZWJ sequence or a letter with its marks is one). */
export function splitGraphemes(text: string): string[] {
  return Array.from(graphemes.segment(text), (s) => s.segment);
}

/** Pieces of a line that may not be split except when one alone is wider than the line: words with their trailing spaces, single ideographs. */
function breakPieces(text: string): string[] {
  const pieces: string[] = [];
  let cur = '';
  for (const g of splitGraphemes(text)) {
    const around = BREAK_AROUND.test(g);
    if (around && cur && !/\s$/.test(cur)) {
      pieces.push(cur);
      cur = '';
    }
    if (cur && /\s$/.test(cur) && !/^\s+$/.test(g)) {
      pieces.push(cur);
      cur = '';
    }
    cur += g;
    if (around || g === '-' || g === '/' || g === '\u2013' || g === '\u2014') {
      pieces.push(cur);
      cur = '';
    }
  }
  if (cur) pieces.push(cur);
  return pieces;
}

/** The longest prefix of `text` (whole graphemes, at least one) that fits `width`. */
function fittingPrefix(text: string, width: number, measure: Measure): [string, string] {
  const gs = splitGraphemes(text);
  let lo = 1;
  let hi = gs.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(gs.slice(0, mid).join('')) <= width) lo = mid;
    else hi = mid - 1;
  }
  return [gs.slice(0, lo).join(''), gs.slice(lo).join('')];
}

/** `text` cut (whole graphemes) so that it followed by an ellipsis fits `width`. */
function withEllipsis(text: string, width: number, measure: Measure): string {
  const gs = splitGraphemes(text.trimEnd());
  while (gs.length > 0 && measure(`${gs.join('').trimEnd()}${ELLIPSIS}`) > width) gs.pop();
  return `${gs.join('').trimEnd()}${ELLIPSIS}`;
}

/** `text` itself when it fits `width`, else cut with an ellipsis (single-line labels). */
export function truncateToWidth(text: string, width: number, measure: Measure): string {
  return measure(text) <= width ? text : withEllipsis(text, width, measure);
}

export interface WrappedText {
  lines: string[];
  /** True when text was cut to respect `maxLines` (the last line then ends with an ellipsis). */
  truncated: boolean;
}

/**
 * Greedy line breaking of `text` into lines no wider than `width`: between words (after
 * spaces, hyphens and slashes), around ideographs and emoji, and inside a word only when
 * the word alone is wider than the line. Line feeds in `text` start a new line. With
 * `maxLines`, the text beyond it is cut and the last line ends with an ellipsis.
 */
export function wrapText(text: string, width: number, measure: Measure, maxLines = Number.POSITIVE_INFINITY): WrappedText {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    let line = '';
    for (let piece of breakPieces(paragraph.replace(/[\t\u2028\u2029]/g, ' '))) {
      if (!line && !piece.trim()) continue;
      if (measure(`${line}${piece}`.trimEnd()) <= width) {
        line += piece;
        continue;
      }
      if (line.trim()) lines.push(line.trimEnd());
      line = '';
      // A word wider than the line alone: cut it at the width, grapheme by grapheme.
      while (measure(piece.trimEnd()) > width) {
        const [head, rest] = fittingPrefix(piece.trimEnd(), width, measure);
        lines.push(head);
        piece = rest + piece.slice(piece.trimEnd().length);
      }
      line = piece.trim() ? piece : '';
    }
    lines.push(line.trimEnd());
  }
  const keep = Math.max(1, Math.floor(maxLines));
  if (lines.length <= keep) return { lines, truncated: false };
  const kept = lines.slice(0, keep);
  // The last kept line takes as much of the next one as fits before the ellipsis.
  kept[keep - 1] = withEllipsis(`${kept[keep - 1]} ${lines[keep]}`, width, measure);
  return { lines: kept, truncated: true };
}

/** Column widths in points from relative weights, summing exactly to `total`. */
export function columnWidths(weights: readonly number[], total: number): number[] {
  if (weights.some((w) => !(w > 0))) throw new Error('PDF table: every column width must be a positive number');
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w / sum) * total * 100) / 100);
  const rest = total - widths.reduce((a, b) => a + b, 0);
  widths[widths.length - 1] = (widths[widths.length - 1] ?? 0) + rest;
  return widths;
}
