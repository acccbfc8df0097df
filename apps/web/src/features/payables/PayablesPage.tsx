/**
 * Payables: the bills vendors sent (filters: open, due in 7 days, overdue, paid, void, all; one
 * vendor), entering a bill with its invoice file, paying one (check number or transfer
 * reference), voiding one nothing was paid on; the vendor list (add, edit, take off the list);
 * the aging by days past due with its CSV. Needs payables:read; changes payables:manage.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  Modal,
  Select,
  Stack,
  Switch,
  Table,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { fieldErrors, type Problem, problemLine } from '../../api/problem.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { displayPhone } from '../../app/format-phone.ts';
import { dollarsToCents, money } from '../../app/money.ts';
import { useCan } from '../auth/use-me.ts';
import {
  type Bill,
  type BillFilter,
  type BillPaymentInput,
  CATEGORY_LABELS,
  CATEGORY_OPTIONS,
  type Category,
  FILTER_LABELS,
  localToday,
  METHOD_LABELS,
  STATUS_LABELS,
  uploadInvoice,
  type Vendor,
} from './payables-api.ts';
import { payablesKeys } from './query-keys.ts';

const BILL_LABELS: Record<string, string> = {
  vendorId: 'Vendor',
  invoiceNumber: 'Invoice number',
  invoiceDate: 'Invoice date',
  dueDate: 'Due date',
  amountCents: 'Amount',
  category: 'Expense category',
  memo: 'Memo',
  body: 'Invoice file',
};
const PAY_LABELS: Record<string, string> = { amountCents: 'Amount', method: 'Method', reference: 'Reference', paidOn: 'Paid on' };
const VENDOR_LABELS: Record<string, string> = {
  name: 'Name',
  contactName: 'Contact',
  phone: 'Phone',
  email: 'Email',
  defaultCategory: 'Usual expense category',
  taxId: 'Tax id',
};

const dateText = (d: string) => new Date(`${d}T12:00:00`).toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric' });

function useVendors(includeInactive: boolean) {
  return useQuery({
    queryKey: payablesKeys.vendors(includeInactive),
    queryFn: () =>
      unwrap(api.GET('/api/vendors', { params: { query: { limit: 200, ...(includeInactive && { includeInactive: 'true' }) } } })),
    select: (d) => d.items,
  });
}

export function PayablesPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'bills';
  return (
    <Stack gap="md" p="md">
      <Title order={1} size="h2">
        Payables
      </Title>
      <Tabs value={tab} onChange={(v) => setParams(v && v !== 'bills' ? { tab: v } : {})} keepMounted={false}>
        <Tabs.List aria-label="Payables">
          <Tabs.Tab value="bills">Bills</Tabs.Tab>
          <Tabs.Tab value="vendors">Vendors</Tabs.Tab>
          <Tabs.Tab value="aging">Aging</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="bills" pt="md">
          <BillsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="vendors" pt="md">
          <VendorsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="aging" pt="md">
          <AgingPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function BillsPanel() {
  const can = useCan();
  const manage = can('payables:manage');
  const [params, setParams] = useSearchParams();
  const filter = (params.get('filter') ?? 'open') as BillFilter;
  const vendorId = params.get('vendor');
  const vendors = useVendors(true);
  const [entering, setEntering] = useState(false);
  const [paying, setPaying] = useState<Bill | null>(null);
  const [voiding, setVoiding] = useState<Bill | null>(null);
  const bills = useQuery({
    queryKey: payablesKeys.bills(filter, vendorId),
    queryFn: () => unwrap(api.GET('/api/bills', { params: { query: { filter, limit: 200, ...(vendorId && { vendorId }) } } })),
  });
  const setQuery = (next: { filter?: string; vendor?: string | null }) => {
    const p = new URLSearchParams(params);
    if (next.filter !== undefined) p.set('filter', next.filter);
    if (next.vendor !== undefined) {
      if (next.vendor) p.set('vendor', next.vendor);
      else p.delete('vendor');
    }
    setParams(p);
  };
  const items = bills.data?.items ?? [];
  return (
    <Stack gap="sm">
      <Group align="flex-end" justify="space-between">
        <Group align="flex-end">
          <Select
            label="Show"
            data={Object.entries(FILTER_LABELS).map(([value, label]) => ({ value, label }))}
            value={filter}
            allowDeselect={false}
            onChange={(v) => v && setQuery({ filter: v })}
          />
          <Select
            label="Vendor"
            placeholder="All vendors"
            clearable
            searchable
            data={(vendors.data ?? []).map((v) => ({ value: v.id, label: v.name }))}
            value={vendorId}
            onChange={(v) => setQuery({ vendor: v })}
          />
        </Group>
        {manage && <Button onClick={() => setEntering(true)}>Enter a bill</Button>}
      </Group>
      {bills.isError && <Alert color="red">{bills.error.message}</Alert>}
      <Table.ScrollContainer minWidth={760}>
        <Table striped aria-label="Bills" data-testid="bills">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Vendor</Table.Th>
              <Table.Th>Invoice</Table.Th>
              <Table.Th>Due</Table.Th>
              <Table.Th>Category</Table.Th>
              <Table.Th ta="right">Amount</Table.Th>
              <Table.Th ta="right">Left to pay</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>
                <span className="visually-hidden">Actions</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((b) => (
              <Table.Tr key={b.id} data-testid={`bill-${b.invoiceNumber}`}>
                <Table.Td>{b.vendorName}</Table.Td>
                <Table.Td>
                  {b.invoice ? (
                    <Anchor href={`/api/bills/${b.id}/invoice?disposition=inline`} target="_blank" rel="noopener">
                      {b.invoiceNumber}
                    </Anchor>
                  ) : (
                    b.invoiceNumber
                  )}
                  <Text size="xs">{dateText(b.invoiceDate)}</Text>
                </Table.Td>
                <Table.Td>
                  {dateText(b.dueDate)}
                  {b.openCents > 0 && b.daysPastDue > 0 && (
                    <Text size="xs" c="red">
                      {b.daysPastDue} {b.daysPastDue === 1 ? 'day' : 'days'} overdue
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{CATEGORY_LABELS[b.category]}</Table.Td>
                <Table.Td ta="right">{money(b.amountCents)}</Table.Td>
                <Table.Td ta="right">{money(b.openCents)}</Table.Td>
                <Table.Td>
                  <Badge color={b.status === 'paid' ? 'green' : b.status === 'void' ? 'gray' : b.daysPastDue > 0 ? 'red' : 'blue'}>
                    {STATUS_LABELS[b.status]}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {manage && (
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      {b.openCents > 0 && (
                        <Button size="xs" onClick={() => setPaying(b)} aria-label={`Pay ${b.vendorName} ${b.invoiceNumber}`}>
                          Pay
                        </Button>
                      )}
                      {b.status === 'open' && (
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => setVoiding(b)}
                          aria-label={`Void ${b.vendorName} ${b.invoiceNumber}`}
                        >
                          Void
                        </Button>
                      )}
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
            {bills.data && items.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={8}>No bills here.</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {bills.data?.nextCursor && <Text size="sm">Showing the first 200 bills: choose a vendor to see the rest.</Text>}
      <Modal
        opened={entering}
        onClose={() => setEntering(false)}
        title="Enter a bill"
        closeButtonProps={{ 'aria-label': 'Close' }}
        size="lg"
      >
        {entering && <EnterBillForm vendors={(vendors.data ?? []).filter((v) => v.active)} onDone={() => setEntering(false)} />}
      </Modal>
      <Modal
        opened={paying !== null}
        onClose={() => setPaying(null)}
        title={paying ? `Pay ${paying.vendorName} ${paying.invoiceNumber}` : ''}
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        {paying && <PayBillForm bill={paying} onDone={() => setPaying(null)} />}
      </Modal>
      <Modal
        opened={voiding !== null}
        onClose={() => setVoiding(null)}
        title={voiding ? `Void ${voiding.vendorName} ${voiding.invoiceNumber}` : ''}
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        {voiding && <VoidBillForm bill={voiding} onDone={() => setVoiding(null)} />}
      </Modal>
    </Stack>
  );
}

function EnterBillForm({ vendors, onDone }: { vendors: Vendor[]; onDone: () => void }) {
  const [vendorId, setVendorId] = useState<string | null>(null);
  const [invoiceNumber, setInvoiceNumber] = useState('');
  const [invoiceDate, setInvoiceDate] = useState(localToday());
  const [dueDate, setDueDate] = useState('');
  const [amount, setAmount] = useState('');
  const [category, setCategory] = useState<Category | null>(null);
  const [memo, setMemo] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const vendor = vendors.find((v) => v.id === vendorId);
  const failed = (p: Problem) => {
    setErrors(fieldErrors(p));
    return problemLine(p, BILL_LABELS, (path) => path in BILL_LABELS);
  };
  const saving = useSubmit(
    async (amountCents: number) => {
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
      aria-label="Enter a bill"
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
          description={vendor ? `Left empty: ${CATEGORY_LABELS[vendor.defaultCategory]} (the vendor's usual)` : undefined}
          data={CATEGORY_OPTIONS}
          clearable
          value={category}
          onChange={(v) => setCategory(v as Category | null)}
          error={errors.category}
        />
        <Textarea label="Memo" maxLength={500} rows={2} value={memo} onChange={(e) => setMemo(e.currentTarget.value)} error={errors.memo} />
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
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={saving.busy}>
            Enter bill
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function PayBillForm({ bill, onDone }: { bill: Bill; onDone: () => void }) {
  const [amount, setAmount] = useState((bill.openCents / 100).toFixed(2));
  const [method, setMethod] = useState<BillPaymentInput['method']>('check');
  const [reference, setReference] = useState('');
  const [paidOn, setPaidOn] = useState(localToday());
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

function VoidBillForm({ bill, onDone }: { bill: Bill; onDone: () => void }) {
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

function VendorsPanel() {
  const can = useCan();
  const manage = can('payables:manage');
  const vendors = useVendors(true);
  const [editing, setEditing] = useState<Vendor | 'new' | null>(null);
  return (
    <Stack gap="sm">
      <Group justify="flex-end">{manage && <Button onClick={() => setEditing('new')}>Add a vendor</Button>}</Group>
      {vendors.isError && <Alert color="red">{vendors.error.message}</Alert>}
      <Table.ScrollContainer minWidth={720}>
        <Table striped aria-label="Vendors" data-testid="vendors">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Contact</Table.Th>
              <Table.Th>Phone</Table.Th>
              <Table.Th>Email</Table.Th>
              <Table.Th>Usual category</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>
                <span className="visually-hidden">Actions</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(vendors.data ?? []).map((v) => (
              <Table.Tr key={v.id}>
                <Table.Td>{v.name}</Table.Td>
                <Table.Td>{v.contactName ?? '—'}</Table.Td>
                <Table.Td>{v.phone ? displayPhone(v.phone) : '—'}</Table.Td>
                <Table.Td>{v.email ?? '—'}</Table.Td>
                <Table.Td>{CATEGORY_LABELS[v.defaultCategory]}</Table.Td>
                <Table.Td>{v.active ? <Badge color="green">Active</Badge> : <Badge color="gray">Inactive</Badge>}</Table.Td>
                <Table.Td>
                  {manage && (
                    <Button size="xs" variant="light" onClick={() => setEditing(v)} aria-label={`Edit ${v.name}`}>
                      Edit
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
            {vendors.data?.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={7}>No vendors yet.</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? 'Add a vendor' : `Edit ${editing?.name ?? ''}`}
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        {editing && <VendorForm vendor={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      </Modal>
    </Stack>
  );
}

function VendorForm({ vendor, onDone }: { vendor: Vendor | null; onDone: () => void }) {
  const [name, setName] = useState(vendor?.name ?? '');
  const [contactName, setContactName] = useState(vendor?.contactName ?? '');
  const [phone, setPhone] = useState(vendor?.phone ? displayPhone(vendor.phone) : '');
  const [email, setEmail] = useState(vendor?.email ?? '');
  const [defaultCategory, setDefaultCategory] = useState<Category>(vendor?.defaultCategory ?? 'other_expense');
  const [taxId, setTaxId] = useState(vendor?.taxId ?? '');
  const [active, setActive] = useState(vendor?.active ?? true);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const saving = useSubmit(
    () => {
      const body = {
        name: name.trim(),
        contactName: contactName.trim() || null,
        // The phone as shown, (303) 555-0142, is the stored one unless edited.
        ...(phone !== (vendor?.phone ? displayPhone(vendor.phone) : '') && { phone: phone.trim() || null }),
        email: email.trim() || null,
        defaultCategory,
        taxId: taxId.trim() || null,
      };
      return vendor
        ? api.PATCH('/api/vendors/{id}', {
            params: { path: { id: vendor.id } },
            body: { ...body, active },
            headers: { 'if-match': `"${vendor.version}"` },
          })
        : api.POST('/api/vendors', { body });
    },
    {
      invalidate: [payablesKeys.all()],
      onSuccess: onDone,
      onProblem: (p) => {
        if (p.status === 412) return 'Someone changed this vendor meanwhile: close and open it again.';
        setErrors(fieldErrors(p));
        return problemLine(p, VENDOR_LABELS, (path) => path in VENDOR_LABELS);
      },
    },
  );
  return (
    <form
      aria-label={vendor ? 'Edit a vendor' : 'Add a vendor'}
      onSubmit={(e) => {
        e.preventDefault();
        void saving.submit();
      }}
    >
      <Stack gap="sm">
        {saving.error && (
          <Alert color="red" role="alert">
            {saving.error}
          </Alert>
        )}
        <TextInput
          label="Name"
          required
          maxLength={200}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
          data-autofocus
        />
        <TextInput
          label="Contact"
          maxLength={200}
          value={contactName}
          onChange={(e) => setContactName(e.currentTarget.value)}
          error={errors.contactName}
        />
        <Group grow align="flex-start">
          <TextInput
            label="Phone"
            placeholder="(303) 555-0142"
            value={phone}
            onChange={(e) => setPhone(e.currentTarget.value)}
            error={errors.phone}
          />
          <TextInput label="Email" type="email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={errors.email} />
        </Group>
        <Group grow align="flex-start">
          <Select
            label="Usual expense category"
            data={CATEGORY_OPTIONS}
            allowDeselect={false}
            value={defaultCategory}
            onChange={(v) => v && setDefaultCategory(v as Category)}
            error={errors.defaultCategory}
          />
          <TextInput
            label="Tax id"
            placeholder="12-3456789"
            value={taxId}
            onChange={(e) => setTaxId(e.currentTarget.value)}
            error={errors.taxId}
          />
        </Group>
        {vendor && <Switch label="Active (offered for new bills)" checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={saving.busy}>
            {vendor ? 'Save' : 'Add vendor'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const BUCKETS = ['current', '1-30', '31-60', '61-90', '90+'] as const;
const BUCKET_LABELS: Record<(typeof BUCKETS)[number], string> = {
  current: 'Not yet due',
  '1-30': '1-30 days',
  '31-60': '31-60 days',
  '61-90': '61-90 days',
  '90+': 'Over 90 days',
};

function AgingPanel() {
  const aging = useQuery({
    queryKey: payablesKeys.aging(),
    queryFn: () => unwrap(api.GET('/api/payables/aging', { params: { query: { limit: 500 } } })),
  });
  const a = aging.data;
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm">{a ? `What the practice owes its vendors by days past due, on ${dateText(a.asOf)}.` : ' '}</Text>
        <Button component="a" href="/api/payables/aging?format=csv" variant="default" download>
          Download CSV
        </Button>
      </Group>
      {aging.isError && <Alert color="red">{aging.error.message}</Alert>}
      <Table.ScrollContainer minWidth={720}>
        <Table striped aria-label="Payables aging" data-testid="aging">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Vendor</Table.Th>
              {BUCKETS.map((b) => (
                <Table.Th key={b} ta="right">
                  {BUCKET_LABELS[b]}
                </Table.Th>
              ))}
              <Table.Th ta="right">Total</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(a?.items ?? []).map((i) => (
              <Table.Tr key={i.vendorId}>
                <Table.Td>{i.vendorName}</Table.Td>
                {BUCKETS.map((b) => (
                  <Table.Td key={b} ta="right">
                    {i.buckets[b] ? money(i.buckets[b]) : '—'}
                  </Table.Td>
                ))}
                <Table.Td ta="right">{money(i.totalCents)}</Table.Td>
              </Table.Tr>
            ))}
            {a && a.items.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={7}>Nothing is owed to vendors.</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
          {a && (
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th scope="row">Total</Table.Th>
                {BUCKETS.map((b) => (
                  <Table.Td key={b} ta="right" fw={700}>
                    {money(a.totals[b])}
                  </Table.Td>
                ))}
                <Table.Td ta="right" fw={700}>
                  {money(a.totalCents)}
                </Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          )}
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
