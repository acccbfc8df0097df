import { sql } from 'kysely';
import { patientAccessMany } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import type { UndeliveredMessage } from './comms.schemas.ts';
import { decodeMessageCursor, encodeMessageCursor, toMessage } from './message-row.ts';

/** How far back the list looks when the caller does not say. */
export const UNDELIVERED_DEFAULT_DAYS = 7;

/**
 * Messages that did not reach their patient (failed or bounced) since `since` (default the
 * last 7 days), newest first, with the patient's name: the front desk calls these patients.
 * A restricted record's messages appear only to whom may open it. One audit row per page,
 * naming the patients shown (and a row per patient opened under break-glass).
 */
export async function listUndeliveredMessages(
  ctx: Ctx,
  opts: { since?: string | undefined; limit: number; cursor?: string | undefined },
): Promise<{ items: UndeliveredMessage[]; nextCursor: string | null }> {
  const since = opts.since ? new Date(opts.since) : new Date(ctx.clock.now().getTime() - UNDELIVERED_DEFAULT_DAYS * 86_400_000);
  const after = decodeMessageCursor(opts.cursor);
  return inTransaction(ctx, async (tx) => {
    let q = tx.db
      .selectFrom('messages as m')
      .innerJoin('patient_names as p', (j) => j.onRef('p.id', '=', 'm.patient_id').onRef('p.organization_id', '=', 'm.organization_id'))
      .select([
        'm.id',
        'm.kind',
        'm.channel',
        'm.to_address',
        'm.subject',
        'm.status',
        'm.appointment_id',
        'm.provider_message_id',
        'm.error',
        'm.skip_reason',
        'm.sent_at',
        'm.created_at',
        'm.patient_id',
        'p.given_name',
        'p.family_name',
        'p.restricted',
      ])
      .where('m.organization_id', '=', tx.organizationId)
      .where(sql<boolean>`m.status in ('failed', 'bounced')`)
      .where('m.created_at', '>=', since)
      .orderBy('m.created_at', 'desc')
      .orderBy('m.id', 'desc')
      .limit(opts.limit + 1);
    if (after)
      q = q.where((eb) =>
        eb.or([eb('m.created_at', '<', after.at), eb.and([eb('m.created_at', '=', after.at), eb('m.id', '<', after.id)])]),
      );
    const rows = await q.execute();
    const more = rows.length > opts.limit;
    const page = rows.slice(0, opts.limit);
    const access = await patientAccessMany(
      tx,
      page.map((r) => ({ id: r.patient_id, restricted: r.restricted })),
    );
    const shown = page.filter((r) => access.get(r.patient_id));
    const patientIds = [...new Set(shown.map((r) => r.patient_id))];
    await recordAudit(tx, { action: 'read', resourceType: 'undelivered_messages', details: { count: shown.length, patientIds } });
    for (const id of patientIds) {
      const a = access.get(id);
      if (a?.breakGlass)
        await recordAudit(tx, {
          action: 'read',
          resourceType: 'patient_messages',
          resourceId: id,
          access: a,
          details: { count: shown.filter((r) => r.patient_id === id).length },
        });
    }
    const last = page[page.length - 1];
    return {
      items: shown.map((m) => ({ ...toMessage(m), patientId: m.patient_id, patientName: `${m.family_name}, ${m.given_name}` })),
      nextCursor: more && last ? encodeMessageCursor(last) : null,
    };
  });
}
