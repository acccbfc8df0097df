/**
 * What a typed name token is compared as: the same folding the database applies to the names
 * it keys (`clinicdesk_fold_name`, migration 0124): lowercase, decomposed, combining marks
 * dropped, and the letters that do not decompose spelled in plain Latin. "Ñúñez" and "nunez"
 * are one key; a name in another script keeps its letters. The two are held to one answer by
 * tests/integration/patients-name-folding.test.ts.
 */
const SPELLED: Record<string, string> = {
  đ: 'd',
  ð: 'd',
  ø: 'o',
  ł: 'l',
  ħ: 'h',
  ı: 'i',
  ŧ: 't',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
  ς: 'σ',
};

export function foldName(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[đðøłħıŧßæœþς]/g, (c) => SPELLED[c] ?? c);
}

/**
 * What separates name words, exactly as migration 0124 splits them: ASCII spaces and punctuation,
 * and the Unicode punctuation names carry (curly apostrophes, dashes, the middle dot, CJK commas,
 * no-break and ideographic spaces). Everything else, other scripts' marks included, is part of a word.
 */
const SEPARATORS = /[\t\n\v\f\r !-/:-@[-`{-~\u2019\u2018\u2010\u2011\u2013\u2014\u00b7\u3001\uff0c\u3000\u00a0]+/g;

/** A typed token as one search key: folded, with the separators dropped ("O'Brien" → obrien), as the database keys a name part. */
export function nameToken(raw: string): string {
  return foldName(raw).replace(SEPARATORS, '');
}
