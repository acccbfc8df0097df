import type { Ctx } from '../shared/context.ts';
import { procedureCode } from './code-shapes.ts';

export interface ProcedureEntry {
  code: string;
  description: string;
  defaultFeeCents: number;
  takesUnits: boolean;
  active: boolean;
}

/**
 * The organization's procedure list entries (ctx.organizationId) for these codes, keyed by the
 * input string as given (any case). Inactive entries are included (`active` says so); unknown
 * codes are absent. No patient data: nothing is audited.
 */
export async function findProcedures(tx: Ctx, codes: readonly string[]): Promise<Map<string, ProcedureEntry>> {
  const byCode = new Map<string, string[]>();
  for (const typed of codes) {
    const code = procedureCode(typed);
    if (code) byCode.set(code, [...(byCode.get(code) ?? []), typed]);
  }
  const out = new Map<string, ProcedureEntry>();
  if (!byCode.size) return out;
  const rows = await tx.db
    .selectFrom('procedures')
    .select(['code', 'description', 'default_fee_cents', 'takes_units', 'active'])
    .where('organization_id', '=', tx.organizationId)
    .where('code', 'in', [...byCode.keys()])
    .execute();
  for (const r of rows) {
    const entry: ProcedureEntry = {
      code: r.code,
      description: r.description,
      defaultFeeCents: Number(r.default_fee_cents),
      takesUnits: r.takes_units,
      active: r.active,
    };
    for (const typed of byCode.get(r.code) ?? []) out.set(typed, entry);
  }
  return out;
}
