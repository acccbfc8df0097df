/**
 * What each link purpose does. Comms owns confirm and cancel; the waitlist declares
 * `waitlist_accept` in its manifest (comms never imports the waitlist). Each action runs
 * with the system actor `patient-link` in the link's transaction. The actions come from
 * the module list (modules.ts), read lazily.
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

/** The action the modules declare for `purpose`, if any. */
export async function linkActionFor(purpose: LinkPurpose): Promise<LinkAction | undefined> {
  const { linkActions } = await import('../modules.ts');
  return linkActions().get(purpose);
}
