import { requirePatientAccess } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import type { Text } from './comms.schemas.ts';
import { decodeMessageCursor, encodeMessageCursor } from './message-row.ts';

/**
 * A patient's two-way text thread, newest first: the texts the practice sent (reminders, offers,
 * the desk's) with their delivery status, and the texts the patient sent back. Audited as a read.
 */
export async function listPatientTexts(
  ctx: Ctx,
  patientId: string,
  opts: { limit: number; cursor?: string | undefined },
): Promise<{ items: Text[]; nextCursor: string | null }> {
  return inTransaction(ctx, async (tx) => {
    const access = await requirePatientAccess(tx, patientId, 'patient:read');
    const after = decodeMessageCursor(opts.cursor);
    let sent = tx.db
      .selectFrom('messages')
      .select(['id', 'created_at', 'body', 'subject', 'to_address', 'status', 'error'])
      .where('organization_id', '=', tx.organizationId)
      .where('patient_id', '=', patientId)
      .where('channel', '=', 'sms')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(opts.limit + 1);
    let received = tx.db
      .selectFrom('sms_inbound')
      .select(['id', 'received_at as created_at', 'body', 'from_number', 'action', 'handled_at'])
      .where('organization_id', '=', tx.organizationId)
      .where('patient_id', '=', patientId)
      .orderBy('received_at', 'desc')
      .orderBy('id', 'desc')
      .limit(opts.limit + 1);
    if (after) {
      sent = sent.where((eb) =>
        eb.or([eb('created_at', '<', after.at), eb.and([eb('created_at', '=', after.at), eb('id', '<', after.id)])]),
      );
      received = received.where((eb) =>
        eb.or([eb('received_at', '<', after.at), eb.and([eb('received_at', '=', after.at), eb('id', '<', after.id)])]),
      );
    }
    const rows = [
      ...(await sent.execute()).map((m) => ({
        key: { created_at: m.created_at, id: m.id },
        text: {
          id: m.id,
          direction: 'outbound' as const,
          body: m.body ?? m.subject,
          at: m.created_at.toISOString(),
          number: m.to_address,
          status: m.status,
          error: m.error,
          action: null,
          handledAt: null,
        },
      })),
      ...(await received.execute()).map((r) => ({
        key: { created_at: r.created_at, id: r.id },
        text: {
          id: r.id,
          direction: 'inbound' as const,
          body: r.body,
          at: r.created_at.toISOString(),
          number: r.from_number,
          status: null,
          error: null,
          action: r.action,
          handledAt: r.handled_at ? r.handled_at.toISOString() : null,
        },
      })),
    ].sort((a, b) => b.key.created_at.getTime() - a.key.created_at.getTime() || (a.key.id < b.key.id ? 1 : -1));
    const page = rows.slice(0, opts.limit);
    await recordAudit(tx, {
      action: 'read',
      resourceType: 'patient_texts',
      resourceId: patientId,
      access,
      details: { count: page.length },
    });
    const last = page[page.length - 1];
    return { items: page.map((r) => r.text), nextCursor: rows.length > opts.limit && last ? encodeMessageCursor(last.key) : null };
  });
}
