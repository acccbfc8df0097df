/**
 * Payables: the bills vendors sent (filters: open, due in 7 days, overdue, paid, void, all; one
 * vendor), entering a bill with its invoice file, editing one nothing was paid on, paying one (check number or transfer
 * reference), voiding one nothing was paid on; the vendor list (add, edit, take off the list);
 * the aging by days past due with its CSV. Needs payables:read; changes payables:manage.
 */
import { Alert, Anchor, Badge, Button, Group, Modal, Select, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { money } from '../../app/money.ts';
import { useCan } from '../auth/use-me.ts';
import { type Bill, type BillFilter, CATEGORY_LABELS, FILTER_LABELS, STATUS_LABELS } from './payables-api.ts';
import { payablesKeys } from './query-keys.ts';
import { dateText, useVendors } from './payables-common.ts';
import { AgingPanel } from './AgingPanel.tsx';
import { EnterBillForm, PayBillForm, VoidBillForm } from './BillForms.tsx';
import { VendorsPanel } from './VendorsPanel.tsx';

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
  const [editing, setEditing] = useState<Bill | null>(null);
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
                          onClick={() => setEditing(b)}
                          aria-label={`Edit ${b.vendorName} ${b.invoiceNumber}`}
                        >
                          Edit
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
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing ? `Edit ${editing.vendorName} ${editing.invoiceNumber}` : ''}
        closeButtonProps={{ 'aria-label': 'Close' }}
        size="lg"
      >
        {editing && <EnterBillForm vendors={vendors.data ?? []} bill={editing} onDone={() => setEditing(null)} />}
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
