/** Small-balance write-off: preview which balances at most the amount would go, then write them off in one batch. */
import { Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { fieldErrors } from '../../api/problem.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { dollarsToCents, money } from '../../app/money.ts';
import { FormError } from '../followups/fields.tsx';
import type { WriteOffResult } from './collections-api.ts';
import { collectionKeys } from './query-keys.ts';

export function WriteOffDialog(props: { onDone(): void }) {
  const [max, setMax] = useState('5.00');
  const [reason, setReason] = useState('Small balance: costs more to collect than it is worth');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<WriteOffResult | null>(null);
  const [done, setDone] = useState<WriteOffResult | null>(null);
  const run = useSubmit(
    (body: { maxBalanceCents: number; reason: string; preview: boolean }) =>
      api.POST('/api/collections/small-balance-write-offs', { body }),
    {
      invalidate: (data) => (data.preview ? [] : [collectionKeys.worklists()]),
      onSuccess: (data) => (data.preview ? setPreview(data) : setDone(data)),
      onProblem: (problem) => {
        setErrors(fieldErrors(problem));
        return problem.detail;
      },
    },
  );
  const body = (isPreview: boolean) => {
    setErrors({});
    const cents = dollarsToCents(max);
    if (cents === null) {
      setErrors({ maxBalanceCents: 'Type an amount such as 5.00' });
      return null;
    }
    return { maxBalanceCents: cents, reason: reason.trim(), preview: isPreview };
  };
  if (done)
    return (
      <Stack gap="sm">
        <Text role="status">
          Wrote off {done.patientCount} balance{done.patientCount === 1 ? '' : 's'}, {money(done.totalCents)} in all.
          {done.more ? ' More may match: run another batch.' : ''}
        </Text>
        <Group justify="flex-end">
          <Button onClick={props.onDone}>Close</Button>
        </Group>
      </Stack>
    );
  return (
    <form
      aria-label="Small-balance write-off"
      onSubmit={(e) => {
        e.preventDefault();
        const b = body(true);
        if (b) void run.submit(b);
      }}
    >
      <Stack gap="sm">
        <TextInput
          label="Balances up to ($)"
          inputMode="decimal"
          value={max}
          onChange={(e) => {
            setMax(e.currentTarget.value);
            setPreview(null);
          }}
          error={errors.maxBalanceCents}
          data-autofocus
        />
        <TextInput
          label="Reason"
          value={reason}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setPreview(null);
          }}
          error={errors.reason}
          maxLength={500}
        />
        <FormError error={run.error} />
        <Group justify="flex-end">
          <Button type="submit" variant={preview ? 'default' : 'filled'} loading={run.busy && !preview}>
            Preview
          </Button>
        </Group>
        {preview && (
          <Stack gap="xs" data-testid="write-off-preview">
            <Text size="sm" role="status">
              {preview.patientCount === 0
                ? 'No patient balance is that small.'
                : `${preview.patientCount} balance${preview.patientCount === 1 ? '' : 's'}, ${money(preview.totalCents)} in all${preview.more ? ' (more may match: run again after this batch)' : ''}.`}
            </Text>
            {preview.items.length > 0 && (
              <Table aria-label="Balances to write off" withTableBorder>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Patient</Table.Th>
                    <Table.Th>Balance</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.items.map((i) => (
                    <Table.Tr key={i.patientId}>
                      <Table.Td>{i.patientName}</Table.Td>
                      <Table.Td>{money(i.amountCents)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {preview.patientCount > 0 && (
              <Group justify="flex-end">
                <Button
                  color="red"
                  loading={run.busy}
                  onClick={() => {
                    const b = body(false);
                    if (b) void run.submit(b);
                  }}
                >
                  Write off {preview.patientCount} balance{preview.patientCount === 1 ? '' : 's'}
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </Stack>
    </form>
  );
}
