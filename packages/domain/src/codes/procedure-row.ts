import type { Selectable } from 'kysely';
import { AppError, isUniqueViolation } from '../shared/errors.ts';
import type { Procedure } from './codes.schemas.ts';
import type { ProceduresTable } from './codes.tables.ts';

export function toProcedure(r: Selectable<ProceduresTable>): Procedure {
  return {
    id: r.id,
    code: r.code,
    description: r.description,
    defaultFeeCents: Number(r.default_fee_cents),
    takesUnits: r.takes_units,
    active: r.active,
    version: r.version,
  };
}

/** The list already has this code (one entry per code). */
export function procedureCodeTaken(code: string): AppError {
  return new AppError('ALREADY_EXISTS', `the procedure list already has ${code}`, {
    errors: [{ path: 'code', message: `The procedure list already has ${code}: edit that entry.` }],
  });
}

export function rethrowCodeTaken(code: string) {
  return (e: unknown): never => {
    throw isUniqueViolation(e) ? procedureCodeTaken(code) : e;
  };
}
