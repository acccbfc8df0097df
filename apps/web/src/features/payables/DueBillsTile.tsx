/** Home-page tile for the office manager: vendor bills overdue or due in the next 7 days. */
import { List, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { money } from '../../app/money.ts';
import { Tile } from '../../app/Tile.tsx';
import { payablesKeys } from './query-keys.ts';

export function DueBillsTile() {
  const due = useQuery({
    queryKey: payablesKeys.dueSoon(),
    queryFn: () => unwrap(api.GET('/api/bills', { params: { query: { filter: 'due_soon', days: 7, limit: 50 } } })),
  });
  const items = due.data?.items ?? [];
  const overdue = items.filter((b) => b.daysPastDue > 0).length;
  return (
    <Tile
      title="Bills due this week"
      testId="tile-due-bills"
      count={due.data ? items.length : undefined}
      more={due.data?.nextCursor !== null && due.data !== undefined}
      loading={due.isPending}
      error={due.isError ? due.error.message : null}
      empty="No vendor bill is overdue or due in the next 7 days."
      link={{ to: '/payables?filter=due_soon', label: 'Open payables' }}
    >
      {overdue > 0 && (
        <Text size="sm" fw={600} c="red">
          {overdue} overdue
        </Text>
      )}
      {items.length > 0 && (
        <List size="sm" spacing={4} aria-label="Bills overdue or due soon">
          {items.slice(0, 6).map((b) => (
            <List.Item key={b.id}>
              {b.vendorName} · {money(b.openCents)} ·{' '}
              {b.daysPastDue > 0
                ? `${b.daysPastDue} ${b.daysPastDue === 1 ? 'day' : 'days'} overdue`
                : b.daysPastDue === 0
                  ? 'due today'
                  : `due ${new Date(`${b.dueDate}T12:00:00`).toLocaleDateString('en-US', { weekday: 'short', month: 'short', day: 'numeric' })}`}
            </List.Item>
          ))}
          {items.length > 6 && <List.Item>and {items.length - 6} more</List.Item>}
        </List>
      )}
    </Tile>
  );
}
