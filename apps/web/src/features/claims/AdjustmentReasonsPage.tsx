/**
 * Admin → Adjustment reason codes: the texts shown for CARC, RARC and group codes. The office
 * imports its licensed list as CSV (its texts are shown first); codes it has no text for show the
 * built-in short texts, else the bare code. Search, filter by code set, clear the office's list.
 */
import { Alert, Badge, Button, FileInput, Group, List, Modal, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconTrash, IconUpload } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { paths } from '../../api/schema';
import { useSubmit } from '../../api/use-submit.ts';
import { useCan } from '../auth/use-me.ts';
import { claimKeys } from './query-keys.ts';

type CodeSet = NonNullable<NonNullable<paths['/api/adjustment-reasons']['get']['parameters']['query']>['codeSet']>;
const SETS: { value: CodeSet; label: string }[] = [
  { value: 'CARC', label: 'CARC (claim adjustment reasons)' },
  { value: 'RARC', label: 'RARC (remittance remarks)' },
  { value: 'GROUP', label: 'Group codes' },
];
const ALL = 'all';

export function AdjustmentReasonsPage() {
  const can = useCan();
  const canManage = can('claim:settings');
  const [codeSet, setCodeSet] = useState<string>(ALL);
  const [search, setSearch] = useState('');
  const [importSet, setImportSet] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [confirmClear, setConfirmClear] = useState(false);
  const q = search.trim();
  const filter = { ...(codeSet !== ALL && { codeSet: codeSet as CodeSet }), ...(q && { q }) };
  const list = useInfiniteQuery({
    queryKey: claimKeys.reasonList(filter),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/adjustment-reasons', { params: { query: { ...filter, limit: 100, ...(pageParam ? { cursor: pageParam } : {}) } } }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const importing = useSubmit(
    (text: string) =>
      api.POST('/api/adjustment-reasons/import', {
        params: { query: importSet ? { codeSet: importSet as CodeSet } : {} },
        body: text as never,
        bodySerializer: (b: unknown) => b as string,
        headers: { 'content-type': 'text/csv' },
      }),
    {
      invalidate: [claimKeys.reasons(), claimKeys.denials(), claimKeys.all],
      onSuccess: (r) => {
        setNote(`Imported: ${r.imported} added, ${r.updated} updated.`);
        setFile(null);
      },
      onProblem: (p) => (p.errors?.length ? 'Nothing was imported: fix these rows and import the file again.' : undefined),
    },
  );
  const clearing = useSubmit(
    () => api.DELETE('/api/adjustment-reasons', { params: { query: codeSet !== ALL ? { codeSet: codeSet as CodeSet } : {} } }),
    {
      invalidate: [claimKeys.all],
      onSuccess: (r) => {
        setNote(`Cleared ${r.deleted} imported text(s): the built-in texts show again.`);
        setConfirmClear(false);
      },
    },
  );
  const clearWhat = codeSet === ALL ? 'every imported text' : `the imported ${codeSet} texts`;

  return (
    <Stack>
      <Title order={1}>Adjustment reason codes</Title>
      <Text size="sm">
        Remittances name why money was not paid with codes (CARC, remark codes RARC, group codes). The official code lists are licensed:
        import the list your office holds and its texts are shown in the denial queue, on claims and in appeal letters. Codes without an
        imported text show ClinicDesk's own short text, else the bare code.
      </Text>
      {canManage && (
        <Stack gap="xs">
          <Title order={2}>Import a list</Title>
          <Group align="flex-end">
            <FileInput
              label="CSV file to import"
              description="Columns codeSet,code,description, or code,description with a code set chosen here"
              accept=".csv,text/csv"
              value={file}
              onChange={(f) => {
                setFile(f);
                setNote(null);
                importing.reset();
              }}
              clearable
              w={380}
            />
            <Select
              label="Code set of a two-column file"
              placeholder="From the file's codeSet column"
              data={SETS}
              value={importSet}
              onChange={setImportSet}
              clearable
              w={300}
            />
            <Button
              leftSection={<IconUpload size={16} aria-hidden />}
              loading={importing.busy}
              disabled={!file}
              onClick={async () => file && (await importing.submit(await file.text()))}
            >
              Import
            </Button>
          </Group>
        </Stack>
      )}
      {note && (
        <Alert color="green" role="status">
          {note}
        </Alert>
      )}
      {importing.error && (
        <Alert color="red" role="alert" title={importing.error}>
          <List size="sm">
            {(importing.problem?.errors ?? []).map((e) => (
              <List.Item key={e.path}>{e.message}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {clearing.error && (
        <Alert color="red" role="alert">
          {clearing.error}
        </Alert>
      )}
      <Group align="flex-end">
        <Select
          label="Code set"
          data={[{ value: ALL, label: 'All code sets' }, ...SETS]}
          value={codeSet}
          onChange={(v) => setCodeSet(v ?? ALL)}
          allowDeselect={false}
          w={300}
        />
        <TextInput label="Search codes and texts" value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={280} />
        {canManage && (
          <Button color="red" variant="light" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => setConfirmClear(true)}>
            Clear imported texts
          </Button>
        )}
      </Group>
      {list.isError && <Alert color="red">{list.error.message}</Alert>}
      {list.data && rows.length === 0 && <Text>No codes match.</Text>}
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped aria-label="Adjustment reason codes" data-testid="adjustment-reasons">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Code set</Table.Th>
                <Table.Th scope="col">Code</Table.Th>
                <Table.Th scope="col">Text shown</Table.Th>
                <Table.Th scope="col">Source</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={`${r.codeSet}-${r.code}`}>
                  <Table.Td>{r.codeSet}</Table.Td>
                  <Table.Td>{r.code}</Table.Td>
                  <Table.Td>{r.description}</Table.Td>
                  <Table.Td>
                    <Badge color={r.source === 'office' ? 'blue' : 'gray'} variant="light">
                      {r.source === 'office' ? 'Office list' : 'Built-in'}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {list.hasNextPage && (
        <Button variant="default" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          Show more codes
        </Button>
      )}
      <Modal opened={confirmClear} onClose={() => setConfirmClear(false)} title="Clear imported texts">
        <Stack>
          <Text>Clear {clearWhat}? Codes then show the built-in short texts, else the bare code.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmClear(false)}>
              Keep them
            </Button>
            <Button color="red" loading={clearing.busy} onClick={() => void clearing.submit()}>
              Clear {clearWhat}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
