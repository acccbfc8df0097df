import { requirePatientAccess } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import type { Message } from './comms.schemas.ts';
import { decodeMessageCursor, encodeMessageCursor, toMessage } from './message-row.ts';

/** Messages sent (or not) to a patient, newest first, with their delivery status. Audited as a read. */
export async function listPatientMessages(
  ctx: Ctx,
  patientId: string,
  opts: { limit: number; cursor?: string | undefined },
): Promise<{ items: Message[]; nextCursor: string | null }> {
  return inTransaction(ctx, async (tx) => {
    const access = await requirePatientAccess(tx, patientId, 'patient:read');
    const after = decodeMessageCursor(opts.cursor);
    let q = tx.db
      .selectFrom('messages')
      .selectAll()
      .where('organization_id', '=', tx.organizationId)
      .where('patient_id', '=', patientId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(opts.limit + 1);
    if (after)
      q = q.where((eb) => eb.or([eb('created_at', '<', after.at), eb.and([eb('created_at', '=', after.at), eb('id', '<', after.id)])]));
    const rows = await q.execute();
    const page = rows.slice(0, opts.limit);
    await recordAudit(tx, {
      action: 'read',
      resourceType: 'patient_messages',
      resourceId: patientId,
      access,
      details: { count: page.length },
    });
    const last = page[page.length - 1];
    return {
      items: page.map(toMessage),
      nextCursor: rows.length > opts.limit && last ? encodeMessageCursor(last) : null,
    };
  });
}
