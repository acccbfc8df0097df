import type { Selectable } from 'kysely';
import { AppError, isUniqueViolation } from '../shared/errors.ts';
import type { Coverage, Payer } from './insurance.schemas.ts';
import type { CoveragesTable, PayersTable } from './insurance.tables.ts';

export function toPayer(r: Selectable<PayersTable>): Payer {
  return {
    id: r.id,
    name: r.name,
    ediPayerId: r.edi_payer_id,
    address: r.address ? { ...r.address, line2: r.address.line2 ?? null } : null,
    phone: r.phone,
    claimType: r.claim_type,
    timelyFilingDays: r.timely_filing_days,
    claimFilingIndicator: r.claim_filing_indicator,
    active: r.active,
    version: r.version,
  };
}

export function toCoverage(r: Selectable<CoveragesTable> & { payer_name: string }): Coverage {
  return {
    id: r.id,
    patientId: r.patient_id,
    payerId: r.payer_id,
    payerName: r.payer_name,
    planName: r.plan_name,
    memberId: r.member_id,
    groupNumber: r.group_number,
    subscriber: r.subscriber
      ? {
          kind: 'person',
          ...r.subscriber,
          address: r.subscriber.address ? { ...r.subscriber.address, line2: r.subscriber.address.line2 ?? null } : null,
        }
      : { kind: 'self' },
    relationship: r.relationship,
    priority: r.priority,
    effectiveDate: r.effective_date,
    terminationDate: r.termination_date,
    copays: r.copays ?? {},
    active: r.active,
    version: r.version,
  };
}

/** The practice already has a payer of this name (names are unique in a practice). */
export function payerNameTaken(): AppError {
  return new AppError('ALREADY_EXISTS', 'a payer with this name exists', {
    errors: [{ path: 'name', message: 'The practice already has a payer of this name.' }],
  });
}

/** A write racing another to the same name: the unique constraint answers as the pre-check would have. */
export function rethrowNameTaken(e: unknown): never {
  throw isUniqueViolation(e) ? payerNameTaken() : e;
}
