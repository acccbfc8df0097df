import { patientAccessMany, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import type { InboxText } from './comms.schemas.ts';
import { decodeMessageCursor, encodeMessageCursor } from './message-row.ts';

/**
 * Received texts left for the desk (not a C/N/STOP/START), newest first, open ones only unless
 * `handled`. A text from a number no single patient has shows without a patient. A restricted
 * record's texts appear only to whom may open it. One audit row per page naming the patients shown.
 */
export async function listSmsInbox(
  ctx: Ctx,
  opts: { handled?: boolean | undefined; limit: number; cursor?: string | undefined },
): Promise<{ items: InboxText[]; nextCursor: string | null }> {
  requirePermission(ctx, 'patient:read');
  const after = decodeMessageCursor(opts.cursor);
  return inTransaction(ctx, async (tx) => {
    let q = tx.db
      .selectFrom('sms_inbound as s')
      .leftJoin('patient_names as p', (j) => j.onRef('p.id', '=', 's.patient_id').onRef('p.organization_id', '=', 's.organization_id'))
      .select([
        's.id',
        's.from_number',
        's.body',
        's.received_at as created_at',
        's.patient_id',
        's.handled_at',
        'p.given_name',
        'p.family_name',
        'p.restricted',
      ])
      .where('s.organization_id', '=', tx.organizationId)
      .where('s.action', '=', 'inbox')
      .where('s.handled_at', opts.handled ? 'is not' : 'is', null)
      .orderBy('s.received_at', 'desc')
      .orderBy('s.id', 'desc')
      .limit(opts.limit + 1);
    if (after)
      q = q.where((eb) =>
        eb.or([eb('s.received_at', '<', after.at), eb.and([eb('s.received_at', '=', after.at), eb('s.id', '<', after.id)])]),
      );
    const rows = await q.execute();
    const page = rows.slice(0, opts.limit);
    const access = await patientAccessMany(
      tx,
      page.filter((r) => r.patient_id).map((r) => ({ id: r.patient_id as string, restricted: Boolean(r.restricted) })),
    );
    const shown = page.filter((r) => !r.patient_id || access.get(r.patient_id));
    const patientIds = [...new Set(shown.flatMap((r) => (r.patient_id ? [r.patient_id] : [])))];
    await recordAudit(tx, { action: 'read', resourceType: 'sms_inbox', details: { count: shown.length, patientIds } });
    const last = page[page.length - 1];
    return {
      items: shown.map((r) => ({
        id: r.id,
        from: r.from_number,
        body: r.body,
        receivedAt: r.created_at.toISOString(),
        patientId: r.patient_id,
        patientName: r.patient_id && r.family_name ? `${r.family_name}, ${r.given_name}` : null,
        handledAt: r.handled_at ? r.handled_at.toISOString() : null,
      })),
      nextCursor: rows.length > opts.limit && last ? encodeMessageCursor(last) : null,
    };
  });
}
