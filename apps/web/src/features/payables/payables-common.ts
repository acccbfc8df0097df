import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { payablesKeys } from './query-keys.ts';

export const BILL_LABELS: Record<string, string> = {
  vendorId: 'Vendor',
  invoiceNumber: 'Invoice number',
  invoiceDate: 'Invoice date',
  dueDate: 'Due date',
  amountCents: 'Amount',
  category: 'Expense category',
  memo: 'Memo',
  body: 'Invoice file',
};
export const PAY_LABELS: Record<string, string> = { amountCents: 'Amount', method: 'Method', reference: 'Reference', paidOn: 'Paid on' };
export const VENDOR_LABELS: Record<string, string> = {
  name: 'Name',
  contactName: 'Contact',
  phone: 'Phone',
  email: 'Email',
  defaultCategory: 'Usual expense category',
  taxId: 'Tax id',
};

export const dateText = (d: string) =>
  new Date(`${d}T12:00:00`).toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric' });

export function useVendors(includeInactive: boolean) {
  return useQuery({
    queryKey: payablesKeys.vendors(includeInactive),
    queryFn: () =>
      unwrap(api.GET('/api/vendors', { params: { query: { limit: 200, ...(includeInactive && { includeInactive: 'true' }) } } })),
    select: (d) => d.items,
  });
}
