import { Badge, Button, Table, Text } from '@mantine/core';
import type { Location } from '../../../api/types.ts';

const address = (l: Location) => [l.addressLine1, l.city, [l.state, l.postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', ');

export function LocationsTable({ locations, onEdit }: { locations: Location[]; onEdit: (l: Location) => void }) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-label="Locations">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Address</Table.Th>
            <Table.Th>Time zone</Table.Th>
            <Table.Th>POS</Table.Th>
            <Table.Th>Billing NPI</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>
              <span className="visually-hidden">Actions</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {locations.map((l) => (
            <Table.Tr key={l.id}>
              <Table.Td>
                <Text fw={500}>{l.name}</Text>
              </Table.Td>
              <Table.Td>{address(l)}</Table.Td>
              <Table.Td>{l.timeZone}</Table.Td>
              <Table.Td>{l.placeOfService}</Table.Td>
              <Table.Td>{l.billingNpi ?? '—'}</Table.Td>
              <Table.Td>{l.active ? <Badge color="green">Active</Badge> : <Badge color="gray">Inactive</Badge>}</Table.Td>
              <Table.Td>
                <Button size="xs" variant="light" onClick={() => onEdit(l)} aria-label={`Edit ${l.name}`}>
                  Edit
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
