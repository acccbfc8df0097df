/**
 * Admin → Procedures: the practice's procedure list (what the encounter's procedure picker
 * offers): codes with the practice's own descriptions (CPT descriptions are the AMA's: none
 * ship), default fees and whether a code is billed in units. Search, add, edit (If-Match), take
 * off the list and back, CSV export and import (a file with any bad row changes nothing and
 * lists each row and column). Needs procedure:manage.
 */
import { Alert, Badge, Button, Checkbox, Group, List, Modal, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDownload, IconUpload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { api } from '../../api/client.ts';
import { fieldErrors, type Problem, problemLine } from '../../api/problem.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { feeText, formatFee, parseFee, type Procedure, proceduresQuery } from './codes-api.ts';
import { codesKeys } from './query-keys.ts';

const LABELS: Record<string, string> = {
  code: 'Code',
  description: 'Description',
  defaultFeeCents: 'Fee',
  takesUnits: 'Billed in units',
  active: 'Status',
};

interface Draft {
  code: string;
  description: string;
  fee: string;
  takesUnits: boolean;
}

const emptyDraft: Draft = { code: '', description: '', fee: '', takesUnits: false };

/** The fee as cents, or the field's error. */
function feeOf(d: Draft): { cents: number } | { error: string } {
  const cents = parseFee(d.fee);
  return cents === null ? { error: 'Enter the fee in dollars, such as 125.00.' } : { cents };
}

function ProcedureFields(props: {
  draft: Draft;
  onChange(d: Draft): void;
  errors: Record<string, string>;
  withCode: boolean;
  autoFocus?: boolean;
}) {
  const { draft, onChange, errors } = props;
  return (
    <>
      {props.withCode && (
        <TextInput
          label="Code"
          description="CPT (5 digits, such as 99213) or HCPCS (a letter and 4 digits, such as G0438)"
          required
          maxLength={5}
          value={draft.code}
          onChange={(e) => onChange({ ...draft, code: e.currentTarget.value })}
          error={errors.code}
        />
      )}
      <TextInput
        label="Description"
        description="The practice's own words, as printed on the superbill"
        required
        maxLength={200}
        value={draft.description}
        onChange={(e) => onChange({ ...draft, description: e.currentTarget.value })}
        error={errors.description}
        data-autofocus={props.autoFocus || undefined}
      />
      <TextInput
        label="Fee"
        description="Default fee in dollars, such as 125.00"
        required
        leftSection="$"
        inputMode="decimal"
        value={draft.fee}
        onChange={(e) => onChange({ ...draft, fee: e.currentTarget.value })}
        error={errors.defaultFeeCents}
      />
      <Checkbox
        label="Billed in units (e.g. each additional vaccine, per 15 minutes)"
        checked={draft.takesUnits}
        onChange={(e) => onChange({ ...draft, takesUnits: e.currentTarget.checked })}
      />
    </>
  );
}

export function ProceduresPage() {
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 200);
  const [includeInactive, setIncludeInactive] = useState(true);
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [editing, setEditing] = useState<Procedure | null>(null);
  const [importNote, setImportNote] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const list = useQuery(proceduresQuery(debounced, includeInactive));

  const adding = useSubmit(
    (cents: number) =>
      api.POST('/api/procedures', {
        body: { code: draft.code.trim(), description: draft.description.trim(), defaultFeeCents: cents, takesUnits: draft.takesUnits },
      }),
    {
      invalidate: [codesKeys.procedures()],
      onSuccess: () => {
        setDraft(emptyDraft);
        setErrors({});
      },
      onProblem: (p: Problem) => {
        if (p.errors?.length) setErrors(fieldErrors(p));
        return problemLine(p, LABELS, (path) => path in LABELS && path !== 'active');
      },
    },
  );
  const switching = useSubmit(
    (entry: Procedure) =>
      api.PATCH('/api/procedures/{id}', {
        params: { path: { id: entry.id } },
        body: { active: !entry.active },
        headers: { 'if-match': `"${entry.version}"` },
      }),
    {
      invalidate: [codesKeys.procedures()],
      onProblem: (p) =>
        p.status === 412 ? 'Someone changed this entry meanwhile: the list now shows their version.' : problemLine(p, LABELS),
    },
  );
  const importing = useSubmit(
    (text: string) =>
      api.POST('/api/procedures/import', {
        body: text as never,
        bodySerializer: (b: unknown) => b as string,
        headers: { 'content-type': 'text/csv' },
      }),
    {
      invalidate: [codesKeys.procedures()],
      onSuccess: (r) => setImportNote(`Imported: ${r.created} added, ${r.updated} updated, ${r.unchanged} unchanged.`),
      onProblem: (p) => (p.errors?.length ? 'Nothing was imported: fix these rows and import the file again.' : undefined),
    },
  );
  const error = adding.error ?? switching.error;
  return (
    <Stack gap="md" p="md">
      <Title order={1} size="h2">
        Procedures
      </Title>
      <Text size="sm">
        The codes the practice bills, in its own words (CPT descriptions are licensed by the AMA and are not included), with default fees.
        The encounter screen offers active entries.
      </Text>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Group align="flex-end">
        <TextInput label="Search the list" placeholder="Code or words" value={q} onChange={(e) => setQ(e.currentTarget.value)} />
        <Switch label="Show entries off the list" checked={includeInactive} onChange={(e) => setIncludeInactive(e.currentTarget.checked)} />
        <Button
          component="a"
          href="/api/procedures/export.csv"
          download="procedures.csv"
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
        >
          Export CSV
        </Button>
        <Button
          variant="default"
          leftSection={<IconUpload size={16} aria-hidden />}
          loading={importing.busy}
          onClick={() => fileInput.current?.click()}
        >
          Import CSV
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".csv,text/csv"
          aria-label="CSV file to import"
          className="visually-hidden"
          tabIndex={-1}
          onChange={async (e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (!file) return;
            setImportNote(null);
            await importing.submit(await file.text());
          }}
        />
      </Group>
      {importNote && (
        <Alert color="green" role="status">
          {importNote}
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
      {list.isError && <Alert color="red">{list.error.message}</Alert>}
      <Table.ScrollContainer minWidth={640}>
        <Table striped aria-label="Procedures" data-testid="procedures">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Code</Table.Th>
              <Table.Th>Description</Table.Th>
              <Table.Th ta="right">Fee</Table.Th>
              <Table.Th>Units</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>
                <span className="visually-hidden">Actions</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(list.data ?? []).map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td ff="monospace">{p.code}</Table.Td>
                <Table.Td>{p.description}</Table.Td>
                <Table.Td ta="right">{formatFee(p.defaultFeeCents)}</Table.Td>
                <Table.Td>{p.takesUnits ? 'Yes' : 'No'}</Table.Td>
                <Table.Td>{p.active ? <Badge color="green">On the list</Badge> : <Badge color="gray">Off the list</Badge>}</Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <Button size="xs" variant="light" onClick={() => setEditing(p)} aria-label={`Edit ${p.code}`}>
                      Edit
                    </Button>
                    <Button
                      size="xs"
                      variant="default"
                      loading={switching.busy}
                      onClick={() => {
                        adding.reset();
                        void switching.submit(p);
                      }}
                    >
                      {p.active ? `Take ${p.code} off the list` : `Return ${p.code} to the list`}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
            {list.data?.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={6}>
                  {debounced ? 'No entry matches.' : 'No procedures yet: add the first one below, or import a CSV file.'}
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <form
        aria-label="Add a procedure"
        onSubmit={(e) => {
          e.preventDefault();
          switching.reset();
          const fee = feeOf(draft);
          if ('error' in fee) setErrors({ ...errors, defaultFeeCents: fee.error });
          else void adding.submit(fee.cents);
        }}
      >
        <Stack gap="xs" maw={520}>
          <Title order={2} size="h3">
            Add a procedure
          </Title>
          <ProcedureFields draft={draft} onChange={setDraft} errors={errors} withCode />
          <Group>
            <Button type="submit" loading={adding.busy}>
              Add procedure
            </Button>
          </Group>
        </Stack>
      </form>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={`Edit ${editing?.code ?? ''}`}
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        {editing && <ProcedureForm entry={editing} onDone={() => setEditing(null)} />}
      </Modal>
    </Stack>
  );
}

function ProcedureForm({ entry, onDone }: { entry: Procedure; onDone: () => void }) {
  const [draft, setDraft] = useState<Draft>({
    code: entry.code,
    description: entry.description,
    fee: feeText(entry.defaultFeeCents),
    takesUnits: entry.takesUnits,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const saving = useSubmit(
    (cents: number) =>
      api.PATCH('/api/procedures/{id}', {
        params: { path: { id: entry.id } },
        body: { description: draft.description.trim(), defaultFeeCents: cents, takesUnits: draft.takesUnits },
        headers: { 'if-match': `"${entry.version}"` },
      }),
    {
      invalidate: [codesKeys.procedures()],
      onSuccess: onDone,
      onProblem: (p) => {
        if (p.status === 412) return 'Someone changed this entry meanwhile: close and open it again.';
        if (p.errors?.length) setErrors(fieldErrors(p));
        return problemLine(p, LABELS, (path) => path in LABELS && path !== 'active');
      },
    },
  );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const fee = feeOf(draft);
        if ('error' in fee) setErrors({ ...errors, defaultFeeCents: fee.error });
        else void saving.submit(fee.cents);
      }}
    >
      <Stack>
        {saving.error && <Alert color="red">{saving.error}</Alert>}
        <ProcedureFields draft={draft} onChange={setDraft} errors={errors} withCode={false} autoFocus />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={saving.busy}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
