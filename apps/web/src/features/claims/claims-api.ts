/** Types of the claims API from the generated schema, and the words the screens show. */
import type { paths } from '../../api/schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type ClaimSummary = Json<paths['/api/claims']['get']['responses'][200]>['items'][number];
export type Claim = Json<paths['/api/claims/{id}']['get']['responses'][200]>;
export type ClaimStatus = ClaimSummary['status'];
export type ScrubMessage = NonNullable<Claim['scrub']>['errors'][number];
export type Candidate = Json<paths['/api/claims/candidates']['get']['responses'][200]>['items'][number];
export type ClaimBatch = Json<paths['/api/claim-batches']['get']['responses'][200]>['items'][number];

export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  draft: 'Draft',
  ready: 'Ready',
  submitted: 'Submitted',
  acknowledged: 'Acknowledged',
  rejected: 'Rejected',
  payer_accepted: 'Payer accepted',
  payer_rejected: 'Payer rejected',
  paid: 'Paid',
  partially_paid: 'Partially paid',
  denied: 'Denied',
  closed: 'Closed',
};

export const CLAIM_STATUS_COLORS: Record<ClaimStatus, string> = {
  draft: 'gray',
  ready: 'blue',
  submitted: 'indigo',
  acknowledged: 'cyan',
  rejected: 'red',
  payer_accepted: 'teal',
  payer_rejected: 'red',
  paid: 'green',
  partially_paid: 'yellow',
  denied: 'red',
  closed: 'gray',
};

/** "$1,234.50" from cents. */
/** The claim on the CMS-1500 paper form (PDF): with the form drawn, or the data only for pre-printed forms. */
export const cms1500Url = (id: string, dataOnly = false) =>
  `/api/claims/${encodeURIComponent(id)}/cms1500.pdf${dataOnly ? '?form=data-only' : ''}`;

export { money } from '../../app/money.ts';

/** "Mar 9, 2026" for a `YYYY-MM-DD` date. */
export function shortDate(date: string): string {
  return new Date(`${date}T12:00:00Z`).toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
}
