/**
 * Open (GET) and use (POST) a one-click link. Opening only describes what the button
 * will do, so mail scanners that prefetch links change nothing. Using checks signature,
 * expiry, purpose and single use, performs the action as the system actor
 * `patient-link`, marks the link used and audits it, all in one transaction.
 */
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction, systemCtx } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import type { LinkPurpose } from './comms.tables.ts';
import { type LinkAction, linkActionFor } from './link-actions.ts';
import { type LinkRejection, tokenHash, verifyToken } from './signed-links.ts';

export interface LinkPage {
  status: number;
  title: string;
  detail: string;
  /** Present when the page offers its one button (POST back with `action`). */
  form?: { action: LinkPurpose; button: string };
}

const REJECTED: Record<LinkRejection | 'gone', LinkPage> = {
  forged: {
    status: 403,
    title: 'This link is not valid',
    detail: 'Please use the link from your most recent message, or call the practice.',
  },
  expired: { status: 410, title: 'This link has expired', detail: 'Please call the practice if you need to change your appointment.' },
  used: {
    status: 410,
    title: 'This link has already been used',
    detail: 'Each link works once. Call the practice if something is not right.',
  },
  wrong_purpose: { status: 400, title: 'This link cannot do that', detail: 'Use the button on the page the link opens.' },
  gone: {
    status: 409,
    title: 'This can no longer be done',
    detail: 'The appointment or offer has changed since. Please call the practice.',
  },
};

interface FoundLink {
  row: { id: string; organization_id: string; purpose: LinkPurpose; subject_id: string; patient_id: string };
  action: LinkAction;
  ctx: Ctx;
}

async function findLink(ctx: Ctx, token: string, lock: boolean): Promise<FoundLink | LinkRejection> {
  const claims = await verifyToken(ctx.db, token, ctx.clock.now());
  if (typeof claims === 'string') return claims;
  let q = ctx.db
    .selectFrom('signed_links')
    .select(['id', 'organization_id', 'purpose', 'subject_id', 'patient_id', 'expires_at', 'used_at'])
    .where('token_hash', '=', tokenHash(token));
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row || row.purpose !== claims.purpose || row.subject_id !== claims.subjectId) return 'forged';
  if (row.used_at) return 'used';
  if (row.expires_at <= ctx.clock.now()) return 'expired';
  const action = await linkActionFor(row.purpose);
  if (!action) return 'forged';
  const sys = systemCtx(ctx.db, ctx.clock, row.organization_id, 'patient-link', ctx.requestId, { ip: ctx.ip, userAgent: ctx.userAgent });
  return { row, action, ctx: sys };
}

/** What the link will do, as a page with one button. Changes nothing but the audit trail. */
export async function openSignedLink(ctx: Ctx, token: string): Promise<LinkPage> {
  return inTransaction(ctx, async (tx) => {
    const found = await findLink(tx, token, false);
    if (typeof found === 'string') return REJECTED[found];
    const text = await found.action.describe(found.ctx, found.row.subject_id);
    if (!text) return REJECTED.gone;
    await recordAudit(found.ctx, {
      action: 'read',
      resourceType: 'signed_link',
      resourceId: found.row.id,
      patientId: found.row.patient_id,
      details: { purpose: found.row.purpose, subjectId: found.row.subject_id },
    });
    return { status: 200, title: text.title, detail: text.detail, form: { action: found.row.purpose, button: text.button } };
  });
}

/** Perform the link's one action. `action` is what the form says; it must be the link's purpose. */
export async function useSignedLink(ctx: Ctx, input: { token: string; action: string }): Promise<LinkPage> {
  try {
    return await inTransaction(ctx, async (tx) => {
      const found = await findLink(tx, input.token, true);
      if (typeof found === 'string') return REJECTED[found];
      if (input.action !== found.row.purpose) return REJECTED.wrong_purpose;
      const done = await found.action.perform(found.ctx, found.row.subject_id);
      await tx.db.updateTable('signed_links').set({ used_at: tx.clock.now() }).where('id', '=', found.row.id).execute();
      await recordAudit(found.ctx, {
        action: 'use_link',
        resourceType: 'signed_link',
        resourceId: found.row.id,
        patientId: found.row.patient_id,
        details: { purpose: found.row.purpose, subjectId: found.row.subject_id },
      });
      return { status: 200, ...done };
    });
  } catch (e) {
    // The appointment moved on (cancelled at the desk, slot taken): nothing was changed.
    if (e instanceof AppError && ['CONFLICT', 'ILLEGAL_TRANSITION', 'SLOT_TAKEN', 'NOT_FOUND'].includes(e.code)) return REJECTED.gone;
    throw e;
  }
}
