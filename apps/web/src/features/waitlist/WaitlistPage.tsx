/**
 * The waiting list: entries in offer order with add, edit, remove and "fill by hand";
 * the fill-rate report (report:read) and the offer hold time (settings:manage) below.
 */
import { Alert, Button, Group, Loader, Modal, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { useCan } from '../auth/use-me.ts';
import { FillByHand } from './FillByHand.tsx';
import { FillRateReport } from './FillRateReport.tsx';
import { HoldTimeSetting } from './HoldTimeSetting.tsx';
import { waitlistKeys } from './query-keys.ts';
import type { WaitlistEntry, WaitlistStatus } from './waitlist-api.ts';
import { WaitlistEntryForm } from './WaitlistEntryForm.tsx';
import { WaitlistTable } from './WaitlistTable.tsx';

type Dialog = { kind: 'add' } | { kind: 'edit' | 'fill' | 'remove'; entry: WaitlistEntry } | null;

const STATUSES = [
  { value: 'waiting', label: 'Waiting' },
  { value: 'booked', label: 'Booked' },
  { value: 'removed', label: 'Removed' },
];

export function WaitlistPage() {
  const can = useCan();
  const [status, setStatus] = useState<WaitlistStatus>('waiting');
  const [dialog, setDialog] = useState<Dialog>(null);
  const list = useQuery({
    queryKey: waitlistKeys.entryList(status),
    queryFn: () => unwrap(api.GET('/api/waitlist', { params: { query: { status, limit: 200 } } })),
  });
  const canWrite = can('appointment:write');
  const close = () => setDialog(null);
  const removing = useSubmit((entry: WaitlistEntry) => api.DELETE('/api/waitlist/{id}', { params: { path: { id: entry.id } } }), {
    // An offer out for the entry is withdrawn: the report counts it.
    invalidate: [waitlistKeys.entryLists(), waitlistKeys.reports()],
    onSuccess: (_data, entry) => {
      close();
      notifications.show({ message: `${entry.patientName} was taken off the waiting list` });
    },
    onProblem: (problem) => {
      close();
      notifications.show({ color: 'red', message: problem.detail });
      return null;
    },
  });

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Waiting list</Title>
        {canWrite && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog({ kind: 'add' })}>
            Add to waiting list
          </Button>
        )}
      </Group>
      <SegmentedControl data={STATUSES} value={status} onChange={(v) => setStatus(v as WaitlistStatus)} w={320} />
      {list.isPending && <Loader aria-label="Loading the waiting list" />}
      {list.isError && <Alert color="red">{list.error.message}</Alert>}
      {list.data && (
        <WaitlistTable
          entries={list.data.items}
          canWrite={canWrite}
          onFill={(entry) => setDialog({ kind: 'fill', entry })}
          onEdit={(entry) => setDialog({ kind: 'edit', entry })}
          onRemove={(entry) => setDialog({ kind: 'remove', entry })}
        />
      )}
      {can('report:read') && <FillRateReport />}
      {can('settings:manage') && <HoldTimeSetting />}

      <Modal
        opened={dialog?.kind === 'add' || dialog?.kind === 'edit'}
        onClose={close}
        title={dialog?.kind === 'edit' ? 'Edit waiting-list entry' : 'Add to waiting list'}
        size="lg"
      >
        {(dialog?.kind === 'add' || dialog?.kind === 'edit') && (
          <WaitlistEntryForm
            entry={dialog.kind === 'edit' ? dialog.entry : undefined}
            onCancel={close}
            onSaved={(entry) => {
              const message = dialog.kind === 'edit' ? 'Entry saved' : `${entry.patientName} is on the waiting list`;
              close();
              notifications.show({ color: 'green', message });
            }}
          />
        )}
      </Modal>
      <Modal opened={dialog?.kind === 'fill'} onClose={close} title="Fill by hand" size="xl">
        {dialog?.kind === 'fill' && (
          <FillByHand
            entry={dialog.entry}
            onBooked={(entry) => {
              close();
              notifications.show({ color: 'green', message: `${entry.patientName} is booked` });
            }}
          />
        )}
      </Modal>
      <Modal opened={dialog?.kind === 'remove'} onClose={close} title="Take off the waiting list">
        {dialog?.kind === 'remove' && (
          <Stack>
            <Text>Take {dialog.entry.patientName} off the waiting list? An offer out now is withdrawn.</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Keep
              </Button>
              <Button color="red" onClick={() => void removing.submit(dialog.entry)}>
                Remove
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
