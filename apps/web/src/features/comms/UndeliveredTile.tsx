/** Home-page tile: reminders and offers that did not reach their patient in the last week (call them instead). */
import { List, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { Tile } from '../../app/Tile.tsx';
import { commsKeys } from './query-keys.ts';

const KIND_LABELS = {
  reminder: 'Reminder',
  waitlist_offer: 'Waiting-list offer',
  payment_receipt: 'Payment receipt',
  statement: 'Statement notice',
  text: 'Text from the desk',
  recall: 'Recall campaign',
} as const;

export function UndeliveredTile() {
  const undelivered = useQuery({
    queryKey: commsKeys.undelivered(),
    queryFn: () => unwrap(api.GET('/api/messages/undelivered', { params: { query: { limit: 20 } } })),
  });
  const items = undelivered.data?.items ?? [];
  return (
    <Tile
      title="Reminders that did not go out"
      testId="tile-undelivered"
      count={undelivered.data ? items.length : undefined}
      loading={undelivered.isPending}
      error={undelivered.isError ? undelivered.error.message : null}
      empty="Every reminder of the last 7 days reached its patient."
    >
      {items.length > 0 && (
        <List size="sm" spacing={4} aria-label="Messages that did not reach their patient">
          {items.slice(0, 8).map((m) => (
            <List.Item key={m.id}>
              <Link to={`/patients?id=${m.patientId}`}>{m.patientName}</Link>
              <Text span size="sm">
                {' '}
                · {KIND_LABELS[m.kind]} {m.status === 'bounced' ? 'bounced' : 'could not be sent'} (
                {new Date(m.createdAt).toLocaleDateString('en-US', { month: 'short', day: 'numeric' })}); call the patient.
              </Text>
            </List.Item>
          ))}
          {items.length > 8 && <List.Item>and {items.length - 8} more</List.Item>}
        </List>
      )}
    </Tile>
  );
}
