/**
 * The biller's queues. Charges, claims, denials and payments come with the billing modules
 * (visits, claims, the ledger); until then the tile says so rather than showing zeros that
 * would read as "nothing to do".
 */
import { List, Text } from '@mantine/core';
import { Tile } from '../../app/Tile.tsx';

const QUEUES = [
  'Charges to review (signed visits without a claim)',
  'Claims to submit and clearinghouse rejections',
  'Denials to work',
  'Payments and remittances to post',
];

export function BillingQueuesTile() {
  return (
    <Tile title="Billing queues" testId="tile-billing">
      <Text size="sm">
        These queues fill once visits are coded and claims are sent from ClinicDesk; billing is the next module to arrive.
      </Text>
      <List size="sm" spacing={4} aria-label="Billing queues to come">
        {QUEUES.map((q) => (
          <List.Item key={q}>{q}</List.Item>
        ))}
      </List>
    </Tile>
  );
}
