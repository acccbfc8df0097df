import { sql } from 'kysely';
import { requirePermission } from '../access/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';

export interface SmsInboxCounts {
  /** Received texts left for the desk and not yet marked handled. */
  waiting: number;
  /** Of those, from a number matched to a patient, and from a number no single patient has. */
  fromPatients: number;
  fromUnknownNumbers: number;
  /** When the oldest waiting text came in (null: none waiting). */
  oldestAt: string | null;
}

/** How many received texts wait for the desk (counts only: no number, name or words). */
export async function smsInboxCounts(ctx: Ctx): Promise<SmsInboxCounts> {
  requirePermission(ctx, 'patient:read');
  return inTransaction(ctx, async (tx) => {
    const row = await tx.db
      .selectFrom('sms_inbound')
      .select([
        sql<number>`count(*)::int`.as('waiting'),
        sql<number>`count(patient_id)::int`.as('from_patients'),
        sql<Date | null>`min(received_at)`.as('oldest'),
      ])
      .where('organization_id', '=', tx.organizationId)
      .where('action', '=', 'inbox')
      .where('handled_at', 'is', null)
      .executeTakeFirstOrThrow();
    return {
      waiting: row.waiting,
      fromPatients: row.from_patients,
      fromUnknownNumbers: row.waiting - row.from_patients,
      oldestAt: row.oldest ? new Date(row.oldest).toISOString() : null,
    };
  });
}
