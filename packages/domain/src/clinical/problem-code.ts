import { findIcd10Codes, type Icd10Code } from '../codes/index.ts';
import type { Ctx } from '../shared/context.ts';
import { invalid } from '../shared/errors.ts';

/**
 * The ICD-10-CM code a problem is filed under. Any known code is accepted: a problem list
 * may hold a category heading (the answer's `billable` says so, and the picker prefers
 * billable codes); an unknown one answers 400 naming `code`.
 */
export async function problemCode(tx: Ctx, typed: string): Promise<Icd10Code> {
  const found = (await findIcd10Codes(tx, [typed])).get(typed);
  if (!found) throw invalid('code', `No ICD-10-CM code ${typed.trim()}: choose a code from the list.`);
  return found;
}
