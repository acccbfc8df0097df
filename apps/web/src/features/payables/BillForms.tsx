/**
 * Payables: the bills vendors sent (filters: open, due in 7 days, overdue, paid, void, all; one
 * vendor), entering a bill with its invoice file, editing one nothing was paid on, paying one (check number or transfer
 * reference), voiding one nothing was paid on; the vendor list (add, edit, take off the list);
 * the aging by days past due with its CSV. Needs payables:read; changes payables:manage.
 */
import { Alert, Button, FileInput, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { fieldErrors, type Problem, problemLine } from '../../api/problem.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { browserToday, usePracticeToday } from '../../app/use-practice-today.ts';
import { dollarsToCents, money } from '../../app/money.ts';
import {
  type Bill,
  type BillPaymentInput,
  CATEGORY_LABELS,
  CATEGORY_OPTIONS,
  type Category,
  METHOD_LABELS,
  uploadInvoice,
  type Vendor,
} from './payables-api.ts';
import { payablesKeys } from './query-keys.ts';
import { BILL_LABELS, dateText, PAY_LABELS } from './payables-common.ts';

/**
 * Enter a bill, or (with `bill`) edit one nothing was paid on: the same form prefilled, the vendor
 * and invoice date fixed. A stale version (someone changed the bill meanwhile) refills the form
 * with the bill as it is now and says so.
 */
export function EnterBillForm({ vendors, bill, onDone }: { vendors: Vendor[]; bill?: Bill; onDone: () => void }) {
  const [editing, setEditing] = useState(bill);
  const [vendorId, setVendorId] = useState<string | null>(bill?.vendorId ?? null);
  const [invoiceNumber, setInvoiceNumber] = useState(bill?.invoiceNumber ?? '');
  // Until typed, the invoice date is the practice's today (the location's calendar day, which the server checks it against).
  const practiceToday = usePracticeToday() ?? browserToday();
  const [typedInvoiceDate, setInvoiceDate] = useState<string | null>(bill?.invoiceDate ?? null);
  const invoiceDate = typedInvoiceDate ?? practiceToday;
  const [dueDate, setDueDate] = useState(bill?.dueDate ?? '');
  const [amount, setAmount] = useState(bill ? (bill.amountCents / 100).toFixed(2) : '');
  const [category, setCategory] = useState<Category | null>(bill?.category ?? null);
  const [memo, setMemo] = useState(bill?.memo ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const queryClient = useQueryClient();
  const vendor = vendors.find((v) => v.id === vendorId);
  const refill = (b: Bill) => {
    setEditing(b);
    setInvoiceNumber(b.invoiceNumber);
    setDueDate(b.dueDate);
    setAmount((b.amountCents / 100).toFixed(2));
    setCategory(b.category);
    setMemo(b.memo);
  };
  const failed = (p: Problem) => {
    if (p.status === 412 && editing) {
      void queryClient.invalidateQueries({ queryKey: payablesKeys.all() });
      const current = p.current as Bill | undefined;
      if (current) refill(current);
      setErrors({});
      return current && current.status === 'open'
        ? 'Someone changed this bill meanwhile: the form now shows it as it is. Check it and save again.'
        : 'Someone changed this bill meanwhile and it can no longer be edited: close and look at the list again.';
    }
    setErrors(fieldErrors(p));
    return problemLine(p, BILL_LABELS, (path) => path in BILL_LABELS);
  };
  const saving = useSubmit(
    async (amountCents: number) => {
      if (editing)
        return api.PATCH('/api/bills/{id}', {
          params: { path: { id: editing.id } },
          body: { invoiceNumber: invoiceNumber.trim(), dueDate, amountCents, ...(category && { category }), memo: memo.trim() },
          headers: { 'if-match': `"${editing.version}"` },
        });
      const entered = await api.POST('/api/bills', {
        body: {
          vendorId: vendorId ?? '',
          invoiceNumber: invoiceNumber.trim(),
          invoiceDate,
          dueDate,
          amountCents,
          ...(category && { category }),
          ...(memo.trim() && { memo: memo.trim() }),
        },
      });
      if (!entered.data || !file) return entered;
      // The bill is entered; the file follows (a refused file leaves the bill without one).
      return uploadInvoice(entered.data.id, file);
    },
    { invalidate: [payablesKeys.all()], onSuccess: onDone, onProblem: failed },
  );
  return (
    <form
      aria-label={editing ? 'Edit a bill' : 'Enter a bill'}
      onSubmit={(e) => {
        e.preventDefault();
        const cents = dollarsToCents(amount);
        if (!vendorId) return setErrors({ vendorId: 'Choose the vendor.' });
        if (cents === null || cents <= 0) return setErrors({ amountCents: 'Enter an amount such as 128.45.' });
        setErrors({});
        void saving.submit(cents);
      }}
    >
      <Stack gap="sm">
        {saving.error && (
          <Alert color="red" role="alert">
            {saving.error}
          </Alert>
        )}
        {editing ? (
          <>
            <TextInput label="Vendor" value={editing.vendorName} readOnly disabled />
            <Text size="sm">A new amount or expense category reverses the bill's entry in the books and posts it again today.</Text>
          </>
        ) : (
          <Select
            label="Vendor"
            required
            searchable
            data={vendors.map((v) => ({ value: v.id, label: v.name }))}
            value={vendorId}
            onChange={setVendorId}
            error={errors.vendorId}
            data-autofocus
          />
        )}
        <Group grow align="flex-start">
          <TextInput
            label="Invoice number"
            required
            maxLength={60}
            value={invoiceNumber}
            onChange={(e) => setInvoiceNumber(e.currentTarget.value)}
            error={errors.invoiceNumber}
          />
          <TextInput
            label="Amount"
            required
            leftSection="$"
            placeholder="128.45"
            value={amount}
            onChange={(e) => setAmount(e.currentTarget.value)}
            error={errors.amountCents}
            data-autofocus={editing ? true : undefined}
          />
        </Group>
        <Group grow align="flex-start">
          <TextInput
            type="date"
            label="Invoice date"
            required
            value={invoiceDate}
            onChange={(e) => setInvoiceDate(e.currentTarget.value)}
            error={errors.invoiceDate}
            disabled={!!editing}
          />
          <TextInput
            type="date"
            label="Due date"
            required
            value={dueDate}
            onChange={(e) => setDueDate(e.currentTarget.value)}
            error={errors.dueDate}
          />
        </Group>
        <Select
          label="Expense category"
          description={vendor && !editing ? `Left empty: ${CATEGORY_LABELS[vendor.defaultCategory]} (the vendor's usual)` : undefined}
          data={CATEGORY_OPTIONS}
          clearable={!editing}
          allowDeselect={!editing}
          required={!!editing}
          value={category}
          onChange={(v) => setCategory(v as Category | null)}
          error={errors.category}
        />
        <Textarea label="Memo" maxLength={500} rows={2} value={memo} onChange={(e) => setMemo(e.currentTarget.value)} error={errors.memo} />
        {!editing && (
          <FileInput
            label="Invoice file"
            description="PDF, JPEG, PNG or TIFF, at most 10 MB"
            accept="application/pdf,image/jpeg,image/png,image/tiff"
            clearable
            clearButtonProps={{ 'aria-label': 'Remove the file' }}
            value={file}
            onChange={setFile}
            error={errors.body}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={saving.busy}>
            {editing ? 'Save changes' : 'Enter bill'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function PayBillForm({ bill, onDone }: { bill: Bill; onDone: () => void }) {
  const [amount, setAmount] = useState((bill.openCents / 100).toFixed(2));
  const [method, setMethod] = useState<BillPaymentInput['method']>('check');
  const [reference, setReference] = useState('');
  const practiceToday = usePracticeToday() ?? browserToday();
  const [typedPaidOn, setPaidOn] = useState<string | null>(null);
  const paidOn = typedPaidOn ?? practiceToday;
  const [errors, setErrors] = useState<Record<string, string>>({});
  const saving = useSubmit((body: BillPaymentInput) => api.POST('/api/bills/{id}/payments', { params: { path: { id: bill.id } }, body }), {
    invalidate: [payablesKeys.all()],
    onSuccess: onDone,
    onProblem: (p) => {
      setErrors(fieldErrors(p));
      return problemLine(p, PAY_LABELS, (path) => path in PAY_LABELS);
    },
  });
  return (
    <form
      aria-label="Pay a bill"
      onSubmit={(e) => {
        e.preventDefault();
        const cents = dollarsToCents(amount);
        if (cents === null || cents <= 0) return setErrors({ amountCents: 'Enter an amount such as 128.45.' });
        setErrors({});
        void saving.submit({ amountCents: cents, method, paidOn, ...(reference.trim() && { reference: reference.trim() }) });
      }}
    >
      <Stack gap="sm">
        <Text size="sm">
          {money(bill.openCents)} left to pay of {money(bill.amountCents)}, due {dateText(bill.dueDate)}.
        </Text>
        {saving.error && (
          <Alert color="red" role="alert">
            {saving.error}
          </Alert>
        )}
        <Group grow align="flex-start">
          <TextInput
            label="Amount"
            required
            leftSection="$"
            value={amount}
            onChange={(e) => setAmount(e.currentTarget.value)}
            error={errors.amountCents}
            data-autofocus
          />
          <Select
            label="Method"
            data={Object.entries(METHOD_LABELS).map(([value, label]) => ({ value, label }))}
            value={method}
            allowDeselect={false}
            onChange={(v) => v && setMethod(v as BillPaymentInput['method'])}
            error={errors.method}
          />
        </Group>
        <Group grow align="flex-start">
          <TextInput
            label={method === 'check' ? 'Check number' : method === 'transfer' ? 'Transfer reference' : 'Card reference'}
            required={method !== 'card'}
            maxLength={100}
            value={reference}
            onChange={(e) => setReference(e.currentTarget.value)}
            error={errors.reference}
          />
          <TextInput
            type="date"
            label="Paid on"
            required
            value={paidOn}
            onChange={(e) => setPaidOn(e.currentTarget.value)}
            error={errors.paidOn}
          />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={saving.busy}>
            Record payment
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function VoidBillForm({ bill, onDone }: { bill: Bill; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const saving = useSubmit(
    () =>
      api.POST('/api/bills/{id}/void', {
        params: { path: { id: bill.id } },
        body: { reason: reason.trim() },
        headers: { 'if-match': `"${bill.version}"` },
      }),
    {
      invalidate: [payablesKeys.all()],
      onSuccess: onDone,
      onProblem: (p) => {
        if (p.status === 412) return 'Someone changed this bill meanwhile: close and look at the list again.';
        setErrors(fieldErrors(p));
        return problemLine(p, { reason: 'Reason' }, (path) => path === 'reason');
      },
    },
  );
  return (
    <form
      aria-label="Void a bill"
      onSubmit={(e) => {
        e.preventDefault();
        void saving.submit();
      }}
    >
      <Stack gap="sm">
        <Text size="sm">Voiding reverses the bill's entry in the books today. Only a bill nothing was paid on can be voided.</Text>
        {saving.error && (
          <Alert color="red" role="alert">
            {saving.error}
          </Alert>
        )}
        <Textarea
          label="Reason"
          required
          maxLength={500}
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.reason}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" color="red" loading={saving.busy}>
            Void bill
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
