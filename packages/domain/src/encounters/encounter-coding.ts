/**
 * Checks of an encounter's codes. On a draft: diagnoses are known billable ICD-10-CM codes
 * (codes module), each once; procedures are on the practice's procedure list, take units only
 * when the entry says so, and list a diagnosis at most once. At signing: every procedure points
 * at one to four diagnoses that exist.
 */
import { findProcedures, procedureCode, requireBillableDiagnoses, searchHcpcs } from '../codes/index.ts';
import type { Ctx } from '../shared/context.ts';
import { AppError, type FieldError } from '../shared/errors.ts';
import type { ProcedureLine } from './encounter-row.ts';
import type { ProcedureInput } from './encounters.schemas.ts';

function refuse(errors: FieldError[]): never {
  throw new AppError('VALIDATION_FAILED', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
}

/** The diagnoses as stored (codes with their dots), in order. */
export async function checkDiagnoses(tx: Ctx, input: readonly { code: string }[]): Promise<string[]> {
  const codes = (
    await requireBillableDiagnoses(
      tx,
      input.map((d) => d.code),
      'diagnoses',
    )
  ).map((c) => c.code);
  const errors: FieldError[] = [];
  codes.forEach((code, i) => {
    if (codes.indexOf(code) !== i) errors.push({ path: `diagnoses.${i}.code`, message: `${code} is already listed` });
  });
  if (errors.length) refuse(errors);
  return codes;
}

const HCPCS = /^[A-V][0-9]{4}$/;

/** HCPCS Level II codes in effect (the shipped reference set), with their descriptions, by code. */
export async function hcpcsInEffect(tx: Ctx, codes: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const code of new Set(codes.filter((c) => HCPCS.test(c)))) {
    const [hit] = await searchHcpcs(tx, { q: code, limit: 1 });
    if (hit?.code === code) out.set(code, hit.description);
  }
  return out;
}

/**
 * The procedure lines as stored (codes and modifiers upper-cased). A code on the practice's
 * list, or off it a HCPCS Level II code in effect (no fee then: the list has none).
 */
export async function checkProcedures(tx: Ctx, input: readonly ProcedureInput[]): Promise<ProcedureLine[]> {
  const entries = await findProcedures(
    tx,
    input.map((p) => p.code),
  );
  const offList = input.filter((p) => !entries.has(p.code)).map((p) => procedureCode(p.code) ?? '');
  const hcpcs = offList.length ? await hcpcsInEffect(tx, offList) : new Map<string, string>();
  const errors: FieldError[] = [];
  const lines = input.map((p, i): ProcedureLine => {
    const code = procedureCode(p.code);
    const entry = entries.get(p.code);
    if (!code) {
      errors.push({ path: `procedures.${i}.code`, message: `${p.code.trim()} is not a CPT or HCPCS code` });
    } else if (!entry) {
      if (!hcpcs.has(code)) {
        errors.push({
          path: `procedures.${i}.code`,
          message: `${code} is not on the practice's procedure list nor a HCPCS Level II code in effect`,
        });
      }
    } else if (!entry.active) {
      errors.push({ path: `procedures.${i}.code`, message: `${code} is no longer in use on the practice's procedure list` });
    } else if (p.units > 1 && !entry.takesUnits) {
      errors.push({ path: `procedures.${i}.units`, message: `${code} is billed once, not in units` });
    }
    const modifiers = p.modifiers.map((m) => m.toUpperCase());
    if (new Set(modifiers).size !== modifiers.length) errors.push({ path: `procedures.${i}.modifiers`, message: 'lists a modifier twice' });
    if (new Set(p.diagnosisPointers).size !== p.diagnosisPointers.length) {
      errors.push({ path: `procedures.${i}.diagnosisPointers`, message: 'points at a diagnosis twice' });
    }
    return { code: code ?? p.code, modifiers, units: p.units, diagnosisPointers: p.diagnosisPointers };
  });
  if (errors.length) refuse(errors);
  return lines;
}

/** Signing: every procedure points at 1-4 diagnoses, each of which exists. */
export function checkPointersForSigning(diagnosisCount: number, procedures: readonly ProcedureLine[]): void {
  const errors: FieldError[] = [];
  procedures.forEach((p, i) => {
    const path = `procedures.${i}.diagnosisPointers`;
    if (p.diagnosisPointers.length === 0) errors.push({ path, message: `${p.code} needs at least one diagnosis pointer before signing` });
    const beyond = p.diagnosisPointers.filter((n) => n > diagnosisCount);
    if (beyond.length) {
      errors.push({
        path,
        message: `${p.code} points at diagnosis ${beyond.join(', ')}, but the encounter has ${diagnosisCount === 0 ? 'no diagnoses' : `only ${diagnosisCount}`}`,
      });
    }
  });
  if (errors.length) refuse(errors);
}
