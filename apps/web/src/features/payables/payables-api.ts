/** Payables over the API: types from the OpenAPI document, the invoice upload (a raw body), labels. */
import type { paths } from '../../api/schema';
import { getSelectedLocation } from '../../api/selected-location.ts';
import type { ApiResult } from '../../api/use-submit.ts';

type Json<T> = T extends { content: { 'application/json': infer J } } ? J : never;
export type Vendor = Json<paths['/api/vendors']['get']['responses'][200]>['items'][number];
export type VendorInput = Json<paths['/api/vendors']['post']['requestBody']>;
export type Bill = Json<paths['/api/bills']['get']['responses'][200]>['items'][number];
export type BillDetail = Json<paths['/api/bills/{id}']['get']['responses'][200]>;
export type BillInput = Json<paths['/api/bills']['post']['requestBody']>;
export type BillPaymentInput = Json<paths['/api/bills/{id}/payments']['post']['requestBody']>;
export type BillFilter = NonNullable<NonNullable<paths['/api/bills']['get']['parameters']['query']>['filter']>;
export type Aging = Json<paths['/api/payables/aging']['get']['responses'][200]>;
export type Category = Vendor['defaultCategory'];

export const CATEGORY_LABELS: Record<Category, string> = {
  supplies: 'Medical and office supplies',
  rent: 'Rent and occupancy',
  utilities: 'Utilities and phone',
  payroll: 'Payroll',
  services: 'Professional services',
  other_expense: 'Other expenses',
};
export const CATEGORY_OPTIONS = Object.entries(CATEGORY_LABELS).map(([value, label]) => ({ value, label }));

export const STATUS_LABELS: Record<Bill['status'], string> = {
  open: 'Open',
  partially_paid: 'Partly paid',
  paid: 'Paid',
  void: 'Void',
};

export const METHOD_LABELS: Record<BillPaymentInput['method'], string> = { check: 'Check', transfer: 'Bank transfer', card: 'Card' };

export const FILTER_LABELS: Record<BillFilter, string> = {
  open: 'Open',
  due_soon: 'Due in 7 days',
  overdue: 'Overdue',
  paid: 'Paid',
  void: 'Void',
  all: 'All',
};

/** Attach the invoice file: the file is the body, its name in the query; answers as openapi-fetch does. */
export async function uploadInvoice(billId: string, file: File): Promise<ApiResult<BillDetail>> {
  const h: Record<string, string> = { 'x-clinicdesk-csrf': '1', 'content-type': 'application/octet-stream' };
  const loc = getSelectedLocation();
  if (loc) h['x-location-id'] = loc;
  const res = await fetch(`/api/bills/${billId}/invoice?${new URLSearchParams({ fileName: file.name })}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: h,
    body: file,
  });
  const body = await res.json().catch(() => null);
  return res.ok ? { data: body as BillDetail, response: res } : { error: body, response: res };
}
