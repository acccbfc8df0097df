/**
 * The shapes of codes as people type them, and their stored forms. Pure.
 *  - ICD-10-CM: a letter, two digits or letters, then up to four more after a dot (E11.9,
 *    S72.001A, QA0.0 since FY2026); typed in any case, with or without the dot (e119, E11.9).
 *  - HCPCS Level II: a letter A-V and four digits (G0438).
 *  - CPT: five digits, or four digits and F (Category II), T (Category III) or U (PLA).
 */

/** `e11.9`, `E119`, ` E11.9 ` → `E119` (the key the code set is searched by); null if no code could look like this. */
export function icd10Key(typed: string): string | null {
  const t = typed.trim().toUpperCase();
  if (!/^[A-Z][0-9A-Z]{2}(\.?[0-9A-Z]{1,4})?$/.test(t)) return null;
  return t.replace('.', '');
}

/**
 * The beginning of an ICD-10-CM code as typed so far (`e1`, `E11.`, `e11.6`), as a key prefix;
 * null when it is not one. It needs a digit among its first three characters, so a word being
 * typed (`ab`, `flu`) is searched as a word.
 */
export function icd10KeyPrefix(typed: string): string | null {
  const t = typed.trim().toUpperCase();
  if (!/^[A-Z][0-9A-Z]{1,2}(\.?[0-9A-Z]{0,4})?$/.test(t) || !/[0-9]/.test(t.slice(1, 3))) return null;
  return t.replace('.', '');
}

/** `E119` → `E11.9`: the dot goes after the third character. */
export function icd10WithDot(key: string): string {
  return key.length > 3 ? `${key.slice(0, 3)}.${key.slice(3)}` : key;
}

/** The beginning of a HCPCS Level II code (`g04`, `J1`), upper-cased; null when it is not one. */
export function hcpcsKeyPrefix(typed: string): string | null {
  const t = typed.trim().toUpperCase();
  return /^[A-V][0-9]{1,4}$/.test(t) ? t : null;
}

export const PROCEDURE_CODE_PATTERN = /^([0-9]{4}[0-9FTU]|[A-V][0-9]{4})$/;

/** A procedure code as typed (`99213`, `g0438`), upper-cased; null when it has no CPT or HCPCS shape. */
export function procedureCode(typed: string): string | null {
  const t = typed.trim().toUpperCase();
  return PROCEDURE_CODE_PATTERN.test(t) ? t : null;
}
