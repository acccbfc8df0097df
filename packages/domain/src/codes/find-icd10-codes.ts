import type { Ctx, Db } from '../shared/context.ts';
import { AppError, type FieldError } from '../shared/errors.ts';
import { icd10Key } from './code-shapes.ts';

export interface Icd10Code {
  /** With its dot: 'E11.9'. */
  code: string;
  description: string;
  billable: boolean;
}

function dbOf(db: Ctx | Db): Db {
  return 'actor' in db ? db.db : db;
}

/**
 * Looks codes up in ICD-10-CM FY2026 (any case, with or without the dot). Answers a Map keyed
 * by the input string as given; unknown codes (and strings no code could look like) are absent.
 * Reference data, not patient data: nothing is audited.
 */
export async function findIcd10Codes(db: Ctx | Db, codes: readonly string[]): Promise<Map<string, Icd10Code>> {
  const keys = new Map<string, string[]>();
  for (const typed of codes) {
    const key = icd10Key(typed);
    if (key) keys.set(key, [...(keys.get(key) ?? []), typed]);
  }
  const out = new Map<string, Icd10Code>();
  if (!keys.size) return out;
  const rows = await dbOf(db)
    .selectFrom('icd10cm_codes')
    .select(['code', 'code_key', 'description', 'billable'])
    .where('code_key', 'in', [...keys.keys()])
    .execute();
  for (const r of rows) {
    for (const typed of keys.get(r.code_key) ?? []) out.set(typed, { code: r.code, description: r.description, billable: r.billable });
  }
  return out;
}

/**
 * Normalizes and checks codes for use as diagnoses: every one known AND billable, else
 * VALIDATION_FAILED with one error per bad code at `${path}.${index}.code`. Answers the codes
 * with their dots and descriptions, in input order.
 */
export async function requireBillableDiagnoses(tx: Ctx, codes: readonly string[], path: string): Promise<Icd10Code[]> {
  const found = await findIcd10Codes(tx, codes);
  const errors: FieldError[] = [];
  const out: Icd10Code[] = [];
  codes.forEach((typed, i) => {
    const code = found.get(typed);
    if (!code) {
      errors.push({ path: `${path}.${i}.code`, message: `No ICD-10-CM code ${typed.trim()}.` });
    } else if (!code.billable) {
      errors.push({
        path: `${path}.${i}.code`,
        message: `${code.code} is a category heading, not a billable code; choose a more specific code.`,
      });
    } else {
      out.push(code);
    }
  });
  if (errors.length) {
    throw new AppError('VALIDATION_FAILED', errors.map((e) => e.message).join(' '), { errors });
  }
  return out;
}
