/**
 * What each link purpose does. Comms owns confirm and cancel; the waitlist registers
 * `waitlist_accept` from its index.ts (comms never imports the waitlist). Each action
 * runs with the system actor `patient-link` in the link's transaction.
 */
import type { Ctx } from '../shared/context.ts';
import type { LinkPurpose } from './comms.tables.ts';

export interface LinkPageText {
  title: string;
  detail: string;
}

export interface LinkAction {
  purpose: LinkPurpose;
  /** The page shown before the patient presses the button; null when the subject is gone. */
  describe(tx: Ctx, subjectId: string): Promise<(LinkPageText & { button: string }) | null>;
  /** Do it. Throws AppError when it can no longer be done (cancelled, taken...). */
  perform(tx: Ctx, subjectId: string): Promise<LinkPageText>;
}

export const LINK_ACTIONS = new Map<LinkPurpose, LinkAction>();

/** Register once per purpose (re-registering replaces). */
export function registerLinkAction(action: LinkAction): void {
  LINK_ACTIONS.set(action.purpose, action);
}
