/**
 * Search keys of the shipped code sets' descriptions (ICD-10-CM, HCPCS), shared by the loader
 * (which stores them) and the codes module's search (which looks them up), so the two fold
 * text alike. Pure.
 *
 * A description's words are folded (lowercase, accents dropped) and split at anything but a
 * letter or digit. Its keys are every word, and '^' plus each word's first 1 to PREFIX_KEY_LENGTH
 * characters: a typed word of up to that length is one key; a longer one is expanded into the
 * vocabulary words it begins (`reference_words`).
 */
export const PREFIX_KEY_LENGTH = 3;

const ASCII_SEPARATORS = /[^a-z0-9]+/;

/** Folded words of a text, in order, without repeats. */
export function referenceWords(text: string): string[] {
  // ASCII (what staff type nearly always): no accents to drop, and its letters and digits are
  // exactly A-Z, a-z and 0-9, so the Unicode steps below would give the same words.
  if (isAscii(text)) {
    const words = text.toLowerCase().split(ASCII_SEPARATORS);
    return words.length === 1 && words[0] ? words : [...new Set(words.filter(Boolean))];
  }
  const folded = text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  return [...new Set(folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean))];
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** The GIN keys of a description. */
export function referenceSearchKeys(text: string): string[] {
  const keys = new Set<string>();
  for (const w of referenceWords(text)) {
    keys.add(w);
    for (let n = 1; n <= Math.min(PREFIX_KEY_LENGTH, w.length); n++) keys.add(`^${w.slice(0, n)}`);
  }
  return [...keys];
}
