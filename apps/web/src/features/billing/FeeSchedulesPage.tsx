/**
 * Fee schedules: the practice's standard charges and each payer's contracted (allowed)
 * amounts, by code and modifier, each with the dates it is in force. Add a price, change one
 * (its amount, or end it on a date before adding the next), and import or export a schedule
 * as CSV (a file with any bad row changes nothing and the rows are listed).
 */
import { Alert, Button, Group, List, Modal, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconDownload, IconPlus, IconUpload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { fieldErrors, problemLine } from '../../api/problem.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { payerKeys } from '../admin/payers/query-keys.ts';
import { useCan } from '../auth/use-me.ts';
import { feeText, formatFee, parseFee } from '../codes/codes-api.ts';
import { type FeeEntry, shortDate } from './billing-api.ts';
import { billingKeys } from './query-keys.ts';

const STANDARD = 'standard';
const LABELS: Record<string, string> = {
  code: 'Code',
  modifier: 'Modifier',
  amountCents: 'Amount',
  effectiveFrom: 'From',
  effectiveTo: 'Through',
};

export function FeeSchedulesPage() {
  const can = useCan();
  const canManage = can('fee-schedule:manage');
  const [schedule, setSchedule] = useState<string>(STANDARD);
  const [code, setCode] = useState('');
  const [dialog, setDialog] = useState<{ kind: 'add' } | { kind: 'edit'; entry: FeeEntry } | null>(null);
  const [importNote, setImportNote] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const payerId = schedule === STANDARD ? null : schedule;
  const payers = useQuery({
    queryKey: payerKeys.withInactive(),
    queryFn: () => unwrap(api.GET('/api/payers', { params: { query: { includeInactive: 'true' } } })),
    select: (d) => d.items,
  });
  const codeFilter = /^[0-9A-Za-z]{5}$/.test(code.trim()) ? code.trim().toUpperCase() : undefined;
  const entries = useQuery({
    queryKey: [...billingKeys.schedule(payerId), codeFilter ?? ''],
    queryFn: () => {
      const query = { limit: 500, ...(codeFilter && { code: codeFilter }) };
      return unwrap(
        payerId
          ? api.GET('/api/payers/{id}/contract', { params: { path: { id: payerId }, query } })
          : api.GET('/api/fee-schedule', { params: { query } }),
      );
    },
  });
  const importing = useSubmit(
    (text: string) => {
      const init = { body: text as never, bodySerializer: (b: unknown) => b as string, headers: { 'content-type': 'text/csv' } };
      return payerId
        ? api.POST('/api/payers/{id}/contract/import', { params: { path: { id: payerId } }, ...init })
        : api.POST('/api/fee-schedule/import', init);
    },
    {
      invalidate: [billingKeys.schedule(payerId)],
      onSuccess: (r) => setImportNote(`Imported: ${r.created} added, ${r.updated} updated, ${r.unchanged} unchanged.`),
      onProblem: (p) => (p.errors?.length ? 'Nothing was imported: fix these rows and import the file again.' : undefined),
    },
  );
  const exportUrl = payerId ? `/api/payers/${payerId}/contract/export.csv` : '/api/fee-schedule/export.csv';
  const close = () => setDialog(null);
  const what = payerId ? 'Contracted amount' : 'Price';

  return (
    <Stack>
      <Title order={1}>Fee schedules</Title>
      <Text size="sm">
        The standard schedule prices each visit's charges on its date of service (the procedure list's fee when it has no entry for that
        day). A payer's contract holds the amounts it allows.
      </Text>
      <Group align="flex-end">
        <Select
          label="Schedule"
          data={[
            { value: STANDARD, label: 'Standard fee schedule' },
            ...(payers.data ?? []).map((p) => ({ value: p.id, label: `Contract: ${p.name}` })),
          ]}
          value={schedule}
          onChange={(v) => {
            setSchedule(v ?? STANDARD);
            setImportNote(null);
            importing.reset();
          }}
          allowDeselect={false}
          searchable
          w={340}
        />
        <TextInput label="Code" placeholder="99213" value={code} onChange={(e) => setCode(e.currentTarget.value)} w={120} />
        {canManage && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setDialog({ kind: 'add' })}>
            Add {what.toLowerCase()}
          </Button>
        )}
        <Button
          component="a"
          href={exportUrl}
          download="fee-schedule.csv"
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
        >
          Export CSV
        </Button>
        {canManage && (
          <>
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
          </>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        CSV columns: code, modifier, amount, effective_from, effective_to (modifier and effective_to may be empty; dates as 2026-01-31).
      </Text>
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
      {entries.isError && <Alert color="red">{entries.error.message}</Alert>}
      {entries.data?.items.length === 0 && <Text>No entries yet: add one, or import a CSV file.</Text>}
      {entries.data && entries.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped aria-label={payerId ? 'Contracted amounts' : 'Standard fee schedule'} data-testid="fee-entries">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Code</Table.Th>
                <Table.Th>Modifier</Table.Th>
                <Table.Th ta="right">{payerId ? 'Allowed' : 'Charge'}</Table.Th>
                <Table.Th>From</Table.Th>
                <Table.Th>Through</Table.Th>
                <Table.Th>
                  <span className="visually-hidden">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.data.items.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{e.code}</Table.Td>
                  <Table.Td>{e.modifier || '—'}</Table.Td>
                  <Table.Td ta="right">{formatFee(e.amountCents)}</Table.Td>
                  <Table.Td>{shortDate(e.effectiveFrom)}</Table.Td>
                  <Table.Td>{e.effectiveTo ? shortDate(e.effectiveTo) : 'Until further notice'}</Table.Td>
                  <Table.Td>
                    {canManage && (
                      <Button
                        size="compact-sm"
                        variant="default"
                        onClick={() => setDialog({ kind: 'edit', entry: e })}
                        aria-label={`Change ${e.code}${e.modifier ? `-${e.modifier}` : ''} from ${e.effectiveFrom}`}
                      >
                        Change
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal
        opened={dialog !== null}
        onClose={close}
        title={dialog?.kind === 'edit' ? `Change ${what.toLowerCase()}` : `Add ${what.toLowerCase()}`}
      >
        {dialog && <FeeEntryForm payerId={payerId} entry={dialog.kind === 'edit' ? dialog.entry : null} onDone={close} />}
      </Modal>
    </Stack>
  );
}

function FeeEntryForm(props: { payerId: string | null; entry: FeeEntry | null; onDone(): void }) {
  const e = props.entry;
  const [code, setCode] = useState(e?.code ?? '');
  const [modifier, setModifier] = useState(e?.modifier ?? '');
  const [amount, setAmount] = useState(e ? feeText(e.amountCents) : '');
  const [from, setFrom] = useState(e?.effectiveFrom ?? '');
  const [to, setTo] = useState(e?.effectiveTo ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const options = {
    invalidate: [billingKeys.schedule(props.payerId)],
    onSuccess: () => props.onDone(),
    onProblem: (p: Parameters<typeof fieldErrors>[0]) => {
      if (p.status === 412) return 'Someone changed this entry meanwhile: close this and open it again.';
      if (p.errors?.length) setErrors(fieldErrors(p));
      return problemLine(p, LABELS, (path) => path in LABELS);
    },
  };
  const saving = useSubmit((amountCents: number) => {
    const effectiveTo = to.trim() === '' ? null : to;
    if (e) {
      const body = { amountCents, effectiveFrom: from, effectiveTo };
      const headers = { 'if-match': `"${e.version}"` };
      return props.payerId
        ? api.PATCH('/api/payers/{id}/contract/{entryId}', { params: { path: { id: props.payerId, entryId: e.id } }, body, headers })
        : api.PATCH('/api/fee-schedule/{id}', { params: { path: { id: e.id } }, body, headers });
    }
    const body = { code: code.trim(), modifier: modifier.trim(), amountCents, effectiveFrom: from, effectiveTo };
    return props.payerId
      ? api.POST('/api/payers/{id}/contract', { params: { path: { id: props.payerId } }, body })
      : api.POST('/api/fee-schedule', { body });
  }, options);
  return (
    <form
      onSubmit={(ev) => {
        ev.preventDefault();
        setErrors({});
        const cents = parseFee(amount);
        if (cents === null) {
          setErrors({ amountCents: 'Enter an amount such as 125.00.' });
          return;
        }
        void saving.submit(cents);
      }}
    >
      <Stack>
        <Group grow align="flex-start">
          <TextInput
            label="Code"
            required
            disabled={e !== null}
            value={code}
            onChange={(v) => setCode(v.currentTarget.value)}
            error={errors.code}
            data-autofocus
          />
          <TextInput
            label="Modifier"
            description="Empty: the code alone"
            disabled={e !== null}
            value={modifier}
            onChange={(v) => setModifier(v.currentTarget.value.toUpperCase())}
            error={errors.modifier}
            maxLength={2}
          />
        </Group>
        <TextInput
          label="Amount"
          required
          placeholder="125.00"
          value={amount}
          onChange={(v) => setAmount(v.currentTarget.value)}
          error={errors.amountCents}
        />
        <Group grow align="flex-start">
          <TextInput
            label="From"
            type="date"
            required
            value={from}
            onChange={(v) => setFrom(v.currentTarget.value)}
            error={errors.effectiveFrom}
          />
          <TextInput
            label="Through"
            description="Empty: until further notice"
            type="date"
            value={to}
            onChange={(v) => setTo(v.currentTarget.value)}
            error={errors.effectiveTo}
          />
        </Group>
        {saving.error && (
          <Alert color="red" role="alert">
            {saving.error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={saving.busy}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
