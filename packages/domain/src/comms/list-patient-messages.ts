import { requirePatientAccess } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { invalid } from '../shared/errors.ts';
import type { Message } from './comms.schemas.ts';

/** Keyset cursor: created_at and id of the last item. */
function decodeCursor(cursor: string | undefined): { at: Date; id: string } | null {
  if (!cursor) return null;
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || !id || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/i.test(id)) throw invalid('cursor', 'not a cursor from this list');
  return { at: new Date(at), id };
}

/** Messages sent (or not) to a patient, newest first, with their delivery status. Audited as a read. */
export async function listPatientMessages(
  ctx: Ctx,
  patientId: string,
  opts: { limit: number; cursor?: string | undefined },
): Promise<{ items: Message[]; nextCursor: string | null }> {
  return inTransaction(ctx, async (tx) => {
    const access = await requirePatientAccess(tx, patientId, 'patient:read');
    const after = decodeCursor(opts.cursor);
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
      items: page.map((m) => ({
        id: m.id,
        kind: m.kind,
        channel: m.channel,
        to: m.to_address,
        subject: m.subject,
        status: m.status,
        appointmentId: m.appointment_id,
        providerMessageId: m.provider_message_id,
        error: m.error,
        skipReason: m.skip_reason,
        sentAt: m.sent_at ? m.sent_at.toISOString() : null,
        createdAt: m.created_at.toISOString(),
      })),
      nextCursor:
        rows.length > opts.limit && last ? Buffer.from(`${last.created_at.toISOString()}|${last.id}`).toString('base64url') : null,
    };
  });
}
