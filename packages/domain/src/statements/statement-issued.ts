import { defineEvent } from '../shared/events.ts';

export type DunningLevel = 'first' | 'second' | 'final';

/**
 * A statement went to a guarantor (emitted in the statement run's transaction, once per
 * guarantor statement): collections keeps the guarantor's last statement from it.
 */
export interface StatementIssuedPayload {
  statementId: string;
  runId: string;
  /** The guarantor's key (patients' `guarantorsOf`): the guarantor patient's id or `person:<patient id>`. */
  guarantorKey: string;
  /** The patients whose balances the statement shows. */
  patientIds: string[];
  issuedOn: string;
  dunningLevel: DunningLevel;
  amountDueCents: number;
}

export const statementIssued = defineEvent<StatementIssuedPayload>('statement.issued');
