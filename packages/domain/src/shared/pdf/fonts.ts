/**
 * The fonts every printed document uses, read from their npm packages (nothing is copied
 * into the repository) and embedded by pdfkit as subsets (CID TrueType, Identity-H, with a
 * ToUnicode map, so text extraction and copy-paste give back the real characters):
 *
 * 1. Noto Sans (`@expo-google-fonts/noto-sans`): Latin with Latin Extended and Vietnamese, Greek, Cyrillic.
 * 2. Noto Sans SC (`@expo-google-fonts/noto-sans-sc`): CJK ideographs, Japanese kana, CJK punctuation (no Hangul:
 *    add `@expo-google-fonts/noto-sans-kr` to `FACES` when Korean names are needed).
 * 3. Noto Emoji (`@expo-google-fonts/noto-emoji`): monochrome emoji.
 *
 * A character none of them has (Hangul, Arabic, Hebrew, Devanagari, Thai...) prints as U+FFFD
 * (layout.ts, `PLACEHOLDER`). Files are read and parsed once per process, on first use: the
 * 10 MB CJK font only when a text needs it. The parsed fonts are shared by all documents
 * (fontkit fonts are read-only; each document makes its own subset).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import { type Measure, type Run, splitRuns } from './layout.ts';

export type Weight = 'regular' | 'bold';

/** The fallback chain, in order: a character is drawn with the first face that has it. */
const FACES = [
  {
    name: 'sans',
    regular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  },
  {
    name: 'cjk',
    regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
  },
  // One weight: emoji have no bold.
  { name: 'emoji', regular: '@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf', bold: null },
] as const;

/** Vertical metrics of the primary face (Noto Sans), as fractions of the font size. */
export const ASCENT = 1.069;
export const DESCENT = 0.293;

const require = createRequire(import.meta.url);

interface LoadedFont {
  key: string;
  font: fontkit.Font;
  widths: Map<string, number>;
}
const loaded = new Map<string, LoadedFont>();

function load(face: number, weight: Weight): LoadedFont {
  const spec = FACES[face];
  if (!spec) throw new Error(`PDF font ${face} does not exist`);
  const file = (weight === 'bold' && spec.bold) || spec.regular;
  const key = `${spec.name}-${file === spec.regular ? 'regular' : 'bold'}`;
  let f = loaded.get(key);
  if (!f) {
    const bytes = fs.readFileSync(require.resolve(file));
    const font = fontkit.create(bytes);
    if (!('hasGlyphForCodePoint' in font)) throw new Error(`${file} is a font collection, not a font`);
    f = { key, font, widths: new Map() };
    loaded.set(key, f);
  }
  return f;
}

const coverage = FACES.map((_, face) => (cp: number) => load(face, 'regular').font.hasGlyphForCodePoint(cp));

/** `text` as runs of one face each (layout.ts `splitRuns` over the fallback chain). */
export function fontRuns(text: string): Run[] {
  return splitRuns(text, coverage);
}

/**
 * The face of a run: its pdfkit registration name and the parsed font. pdfkit (0.20) takes a
 * fontkit font object as well as bytes; handing it the one parsed here means a document does
 * not parse the fonts again (their shaping tables cost ~100 ms a document otherwise).
 */
export function face(run: Run, weight: Weight): { key: string; font: fontkit.Font } {
  return load(run.font, weight);
}

/** Width in points of one run at `size` (the same shaping pdfkit uses to draw it: kerning, ligatures). */
export function runWidth(run: Run, weight: Weight, size: number): number {
  const f = load(run.font, weight);
  let units = f.widths.get(run.text);
  if (units === undefined) {
    units = f.font.layout(run.text).advanceWidth / f.font.unitsPerEm;
    if (f.widths.size > 20_000) f.widths.clear();
    f.widths.set(run.text, units);
  }
  return units * size;
}

/** A `Measure` for layout.ts: the width of any text drawn in these fonts at `size`. */
export function measurer(weight: Weight, size: number): Measure {
  return (text) => fontRuns(text).reduce((w, run) => w + runWidth(run, weight, size), 0);
}
