/**
 * A list as a table, the same way on every page: a striped table (scrolling sideways on a narrow
 * screen) named by its `aria-label`, a header row ending in a visually hidden "Actions" cell when
 * rows have actions, a loader while the list loads, the error, and the empty text when nothing
 * is there. Columns give their header and how a row fills the cell; `rowTestId` names every row
 * for the browser tests, `rowProps` adds a row's own data attributes.
 */
import { Alert, Loader, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface Column<T> {
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** The cell names its row (`th scope="row"`). */
  rowHeader?: boolean;
}

export interface ListTableProps<T> {
  'aria-label': string;
  'data-testid'?: string;
  /** Conditional columns may be `false`: they are left out. */
  columns: readonly (Column<T> | false)[];
  /** The rows; undefined while they load. */
  rows: readonly T[] | undefined;
  rowKey: (row: T) => string;
  /** Every row's `data-testid` (`position-row`): what the browser tests find rows by. */
  rowTestId?: string;
  /** Attributes of a row's `tr` that depend on the row (data attributes, a background). */
  rowProps?: (row: T) => Record<string, unknown>;
  actions?: (row: T) => ReactNode;
  /** The query behind the rows: its loader (named `loadingLabel`) and its error. */
  query?: { isPending: boolean; error: Error | null };
  loadingLabel?: string;
  /** Shown instead of the table when there are no rows. */
  empty?: ReactNode;
  minWidth?: number;
  striped?: boolean;
}

export function ListTable<T>(props: ListTableProps<T>) {
  const { rows, actions, query } = props;
  const columns = props.columns.filter((c): c is Column<T> => c !== false);
  return (
    <>
      {query?.isPending && <Loader aria-label={props.loadingLabel} />}
      {query?.error && <Alert color="red">{query.error.message}</Alert>}
      {rows?.length === 0 && props.empty && <Text>{props.empty}</Text>}
      {rows && rows.length > 0 && (
        <Table.ScrollContainer minWidth={props.minWidth ?? 640}>
          <Table striped={props.striped ?? true} aria-label={props['aria-label']} data-testid={props['data-testid']}>
            <Table.Thead>
              <Table.Tr>
                {columns.map((c, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed for the table's life
                  <Table.Th key={i}>{c.header}</Table.Th>
                ))}
                {actions && (
                  <Table.Th>
                    <span className="visually-hidden">Actions</span>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={props.rowKey(row)} data-testid={props.rowTestId} {...props.rowProps?.(row)}>
                  {columns.map((c, i) =>
                    c.rowHeader ? (
                      // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed for the table's life
                      <Table.Th key={i} scope="row">
                        {c.cell(row)}
                      </Table.Th>
                    ) : (
                      // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed for the table's life
                      <Table.Td key={i}>{c.cell(row)}</Table.Td>
                    ),
                  )}
                  {actions && <Table.Td>{actions(row)}</Table.Td>}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
