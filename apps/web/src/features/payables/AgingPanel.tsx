/**
 * Payables: the bills vendors sent (filters: open, due in 7 days, overdue, paid, void, all; one
 * vendor), entering a bill with its invoice file, paying one (check number or transfer
 * reference), voiding one nothing was paid on; the vendor list (add, edit, take off the list);
 * the aging by days past due with its CSV. Needs payables:read; changes payables:manage.
 */
import { Alert, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { money } from '../../app/money.ts';
import { payablesKeys } from './query-keys.ts';
import { dateText } from './payables-common.ts';

const BUCKETS = ['current', '1-30', '31-60', '61-90', '90+'] as const;
const BUCKET_LABELS: Record<(typeof BUCKETS)[number], string> = {
  current: 'Not yet due',
  '1-30': '1-30 days',
  '31-60': '31-60 days',
  '61-90': '61-90 days',
  '90+': 'Over 90 days',
};

export function AgingPanel() {
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
