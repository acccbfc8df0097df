/**
 * The parts every chart list shares (problems, allergies, medications, prescriptions): a table
 * with a hidden "Actions" header, the add/edit dialog, the error line, and the words for a
 * stale edit. Each tab keeps only what is its own: columns, actions and form.
 */
import { Alert, Group, Modal, Table } from '@mantine/core';
import type { ReactNode } from 'react';

export interface ChartColumn<T> {
  header: string;
  cell: (item: T) => ReactNode;
}

export function ChartTable<T extends { id: string }>(props: {
  label: string;
  items: readonly T[];
  columns: readonly ChartColumn<T>[];
  /** The row's buttons; leave out when the user may not change anything. */
  actions?: ((item: T) => ReactNode) | undefined;
}) {
  return (
    <Table striped aria-label={props.label}>
      <Table.Thead>
        <Table.Tr>
          {props.columns.map((c) => (
            <Table.Th key={c.header}>{c.header}</Table.Th>
          ))}
          {props.actions && (
            <Table.Th>
              <span className="visually-hidden">Actions</span>
            </Table.Th>
          )}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.items.map((item) => (
          <Table.Tr key={item.id}>
            {props.columns.map((c) => (
              <Table.Td key={c.header}>{c.cell(item)}</Table.Td>
            ))}
            {props.actions && (
              <Table.Td>
                <Group gap="xs" justify="flex-end" wrap="nowrap">
                  {props.actions(item)}
                </Group>
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The add/edit dialog: open while `editing` is an item or 'new'; the form gets the item (null: a new one). */
export function ChartEditModal<T>(props: {
  editing: T | 'new' | null;
  onClose: () => void;
  addTitle: string;
  editTitle: string | ((item: T) => string);
  size?: string;
  children: (item: T | null) => ReactNode;
}) {
  const { editing } = props;
  return (
    <Modal
      opened={editing !== null}
      onClose={props.onClose}
      title={
        editing === null || editing === 'new'
          ? props.addTitle
          : typeof props.editTitle === 'function'
            ? props.editTitle(editing)
            : props.editTitle
      }
      closeButtonProps={{ 'aria-label': 'Close' }}
      size={props.size}
    >
      {editing !== null && props.children(editing === 'new' ? null : editing)}
    </Modal>
  );
}

export function ErrorLine(props: { error: string | null | undefined }) {
  if (!props.error) return null;
  return (
    <Alert color="red" role="alert">
      {props.error}
    </Alert>
  );
}

/** What a 412 says: in a list (the refreshed list shows the other version) and in an open form. */
export const stale = {
  row: (noun: string) => `Someone changed this ${noun} meanwhile: the list now shows their version.`,
  form: (noun: string) => `Someone changed this ${noun} meanwhile: close and open it again.`,
};
