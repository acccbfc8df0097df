import { mayOpenPatientSql, type PatientAccess, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { invalid } from '../shared/errors.ts';
import { readEntries, toEntry } from './entry-row.ts';
import type { WaitlistEntry } from './waitlist.schemas.ts';

export interface WaitlistFilter {
  status: 'waiting' | 'booked' | 'removed';
  patientId?: string | undefined;
  appointmentTypeId?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** Cursor: priority, created_at and id of the last item (the list's order). */
function decodeCursor(cursor: string | undefined) {
  if (!cursor) return null;
  const [p, at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!p || !at || !id || !/^[1-5]$/.test(p) || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/i.test(id))
    throw invalid('cursor', 'not a cursor from this list');
  return { priority: Number(p), at: new Date(at), id };
}

/** The waiting list in offer order (priority, then longest waiting). Audited as a search. */
export async function listWaitlistEntries(ctx: Ctx, f: WaitlistFilter): Promise<{ items: WaitlistEntry[]; nextCursor: string | null }> {
  requirePermission(ctx, 'appointment:read');
  return inTransaction(ctx, async (tx) => {
    const c = decodeCursor(f.cursor);
    const rows = await readEntries(tx, (base) => {
      let q = base
        .where('w.status', '=', f.status)
        .orderBy('w.priority')
        .orderBy('w.created_at')
        .orderBy('w.id')
        .limit(f.limit + 1);
      if (f.patientId) q = q.where('w.patient_id', '=', f.patientId);
      if (f.appointmentTypeId) q = q.where('w.appointment_type_id', '=', f.appointmentTypeId);
      // A filter by patient or type would tell what a hidden entry hides: such a list holds
      // only the entries the caller may open.
      if (f.patientId || f.appointmentTypeId) q = q.where(mayOpenPatientSql(tx, 'p'));
      if (c) {
        q = q.where((eb) =>
          eb.or([
            eb('w.priority', '>', c.priority),
            eb.and([eb('w.priority', '=', c.priority), eb('w.created_at', '>', c.at)]),
            eb.and([eb('w.priority', '=', c.priority), eb('w.created_at', '=', c.at), eb('w.id', '>', c.id)]),
          ]),
        );
      }
      return q;
    });
    const page = rows.slice(0, f.limit);
    const hidden = page.filter((r) => r.hidden).length;
    await recordAudit(tx, {
      action: 'search',
      resourceType: 'waitlist_entry',
      details: { status: f.status, count: page.length, ...(f.patientId && { patientId: f.patientId }), ...(hidden > 0 && { hidden }) },
    });
    // An entry shown under a break-glass grant gets a row of its own, flagged with the grant.
    const underGrant = new Map<string, PatientAccess>();
    for (const r of page) if (r.access?.breakGlass) underGrant.set(r.access.patientId, r.access);
    for (const access of underGrant.values()) await recordAudit(tx, { action: 'search', resourceType: 'waitlist_entry', access });
    const last = page[page.length - 1];
    return {
      items: page.map(toEntry),
      nextCursor:
        rows.length > f.limit && last
          ? Buffer.from(`${last.priority}|${last.created_at.toISOString()}|${last.id}`).toString('base64url')
          : null,
    };
  });
}
