import { patientAccessMany, requirePatientAccess, requirePermission } from '../access/index.ts';
import { recordAudit, recordAuditMany } from '../audit/index.ts';
import { locationLetterhead, providersByIds } from '../organizations/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import { renderLettersPdf, type LetterSheet } from './letter-pdf.ts';
import type { LetterRow } from './letter-row.ts';
import { selectLetters } from './letter-row.ts';
import { dayAt } from './merge-data.ts';

const dayWords = (day: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' }).format(
    new Date(`${day}T12:00:00Z`),
  );

/** The letterhead of a location and what each letter prints (signers looked up once). */
async function sheetsOf(tx: Ctx, rows: readonly LetterRow[]) {
  const first = rows[0];
  const found = first ? await locationLetterhead(tx, first.location_id) : null;
  if (!found) throw notFound('location');
  const { practice, location } = found;
  const signerIds = [...new Set(rows.flatMap((r) => (r.provider_id ? [r.provider_id] : [])))];
  const signers = new Map(
    (await providersByIds(tx, signerIds)).map((p) => [p.id, `${p.givenName} ${p.familyName}${p.credentials ? `, ${p.credentials}` : ''}`]),
  );
  const letterhead = {
    practiceName: practice,
    locationName: location.name,
    addressLines: [
      location.addressLine1,
      location.addressLine2,
      [[location.city, location.state].filter(Boolean).join(', '), location.postalCode].filter(Boolean).join(' '),
    ].filter((s): s is string => Boolean(s)),
    phone: location.phone,
  };
  const sheets: LetterSheet[] = rows.map((r) => ({
    title: r.title,
    dateLine: dayWords(dayAt(r.created_at, location.timeZone)),
    recipient: r.recipient,
    recipientAddress: r.recipient_address ? r.recipient_address.split('\n') : [],
    body: r.body,
    signer: r.provider_id ? (signers.get(r.provider_id) ?? null) : null,
  }));
  return { letterhead, sheets };
}

/** One letter as a PDF, as it was written (another practice's or a record the caller may not open: 404). Audited as `print`. */
export async function printLetter(ctx: Ctx, id: string): Promise<Buffer> {
  requirePermission(ctx, 'letter:write');
  return inTransaction(ctx, async (tx) => {
    const row = (await selectLetters(tx).where('l.id', '=', id).executeTakeFirst()) as LetterRow | undefined;
    if (!row) throw notFound('letter');
    const access = await requirePatientAccess(tx, row.patient_id, 'letter:write');
    const { letterhead, sheets } = await sheetsOf(tx, [row]);
    await recordAudit(tx, { action: 'print', resourceType: 'letter', resourceId: row.id, access, details: { batchId: null } });
    return renderLettersPdf(letterhead, row.title, sheets);
  });
}

/**
 * Every letter of a batch in one PDF, a page per letter, each audited as `print` with its
 * patient; letters to records the caller may not open are left out (and counted).
 */
export async function printBatch(ctx: Ctx, batchId: string): Promise<Buffer> {
  requirePermission(ctx, 'letter:write');
  return inTransaction(ctx, async (tx) => {
    const batch = await tx.db
      .selectFrom('letter_batches as b')
      .innerJoin('letter_templates as t', 't.id', 'b.template_id')
      .select(['b.id', 't.name'])
      .where('b.id', '=', batchId)
      .where('b.organization_id', '=', tx.organizationId)
      .executeTakeFirst();
    if (!batch) throw notFound('letter batch');
    const rows = (await selectLetters(tx)
      .where('l.batch_id', '=', batchId)
      .orderBy('l.recipient')
      .orderBy('l.id')
      .execute()) as LetterRow[];
    const access = await patientAccessMany(
      tx,
      rows.map((r) => ({ id: r.patient_id, restricted: r.restricted })),
    );
    const open = rows.filter((r) => access.get(r.patient_id));
    await recordAuditMany(
      tx,
      open.map((r) => ({
        action: 'print' as const,
        resourceType: 'letter',
        resourceId: r.id,
        access: access.get(r.patient_id) as NonNullable<ReturnType<typeof access.get>>,
        details: { batchId },
      })),
    );
    await recordAudit(tx, {
      action: 'print',
      resourceType: 'letter_batch',
      resourceId: batchId,
      details: { letters: open.length, withheld: rows.length - open.length },
    });
    if (open.length === 0) {
      const sheet = await renderEmpty(tx, batch.name);
      return sheet;
    }
    const { letterhead, sheets } = await sheetsOf(tx, open);
    return renderLettersPdf(letterhead, batch.name, sheets);
  });
}

async function renderEmpty(tx: Ctx, title: string): Promise<Buffer> {
  const location = tx.locationId ? await locationLetterhead(tx, tx.locationId) : null;
  return renderLettersPdf({ practiceName: location?.practice ?? 'Letters' }, title, []);
}
