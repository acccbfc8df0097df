/** Types of the billing API from the generated schema, and the words and amounts the screens show. */
import type { paths } from '../../api/schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type Charge = Json<paths['/api/charges']['get']['responses'][200]>['items'][number];
export type ChargeStatus = Charge['status'];
export type FeeEntry = Json<paths['/api/fee-schedule']['get']['responses'][200]>['items'][number];

export const STATUS_LABELS: Record<ChargeStatus, string> = {
  review: 'In review',
  needs_price: 'Needs a price',
  approved: 'Approved',
  void: 'Void',
};

export const STATUS_COLORS: Record<ChargeStatus, string> = {
  review: 'blue',
  needs_price: 'orange',
  approved: 'green',
  void: 'gray',
};

export const PRICE_SOURCE_LABELS: Record<Charge['priceSource'], string> = {
  fee_schedule: 'Fee schedule',
  procedure_list: 'Procedure list fee',
  none: 'Not priced',
  manual: 'Set by a biller',
};

/** "99213-25-59" */
export const codeWithModifiers = (c: Pick<Charge, 'procedureCode' | 'modifiers'>) => [c.procedureCode, ...c.modifiers].join('-');

/** "Mar 9, 2026" for a `YYYY-MM-DD` date. */
export function shortDate(date: string): string {
  return new Date(`${date}T12:00:00Z`).toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
}
