/**
 * Privacy: whether the record is restricted (a restricted record opens only to its care team,
 * or under break-glass) and who is on the care team. The flag goes through the demographics
 * PATCH with If-Match; the team is replaced as a whole (PUT), picking staff from the user
 * list when the viewer may read it.
 */
import { ActionIcon, Alert, Badge, Button, Group, Select, Stack, Switch, Table, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { activeStaffQuery } from '../admin/users/users-api.ts';
import { useCan, useCurrentUser } from '../auth/use-me.ts';
import { conflictOf, type Patient, patchPatient, readPatient } from './patients-api.ts';
import { patientKeys } from './query-keys.ts';

export function PrivacyTab({ patient }: { patient: Patient }) {
  const can = useCan();
  const me = useCurrentUser();
  const qc = useQueryClient();
  const [pick, setPick] = useState<string | null>(null);
  const writable = can('patient:write') && !patient.mergedIntoId;
  const team = useQuery({
    queryKey: patientKeys.careTeam(patient.id),
    queryFn: () => unwrap(api.GET('/api/patients/{id}/care-team', { params: { path: { id: patient.id } } })),
  });
  const staff = useQuery({ ...activeStaffQuery(), enabled: writable && can('user:read') });

  // Start from the version as it is now: a toggle has nothing of its own to merge.
  const restrict = useSubmit(
    async (restricted: boolean) => patchPatient(patient.id, (await readPatient(patient.id)).etag, { restricted }),
    {
      // Whoever restricts the record joins its care team; search results show the flag.
      invalidate: [patientKeys.careTeam(patient.id), patientKeys.searches()],
      onSuccess: (saved) => qc.setQueryData(patientKeys.detail(patient.id), saved),
      onProblem: (problem) => {
        const conflict = conflictOf(problem);
        if (!conflict) return undefined;
        qc.setQueryData(patientKeys.detail(patient.id), conflict.current);
        return 'Someone changed this record meanwhile; check the flag and try again.';
      },
    },
  );
  const listed = (team.data?.items ?? []).filter((m) => m.explicit).map((m) => m.userId);
  const teamSave = useSubmit(
    (userIds: string[]) => api.PUT('/api/patients/{id}/care-team', { params: { path: { id: patient.id } }, body: { userIds } }),
    {
      onSuccess: (saved) => {
        qc.setQueryData(patientKeys.careTeam(patient.id), saved);
        setPick(null);
      },
    },
  );
  // One message line and one busy state for both actions, as each replaces the other's outcome.
  const busy = restrict.busy || teamSave.busy;
  const error = restrict.error ?? teamSave.error;
  const setRestricted = (restricted: boolean) => {
    teamSave.reset();
    void restrict.submit(restricted);
  };
  const saveTeam = (userIds: string[]) => {
    restrict.reset();
    void teamSave.submit(userIds);
  };
  const removingSelf = (userId: string) =>
    userId === me.user.id && patient.restricted && !team.data?.items.find((m) => m.userId === userId)?.viaPrimaryProvider;
  const candidates = (staff.data?.items ?? [])
    .filter((u) => u.active && !listed.includes(u.id))
    .map((u) => ({ value: u.id, label: `${u.displayName} (${u.email})` }));

  return (
    <Stack mt="md" data-testid="privacy">
      {error && <Alert color="red">{error}</Alert>}
      <Switch
        label="Restricted record: only the care team may open it (others need break-glass)"
        checked={patient.restricted}
        disabled={!writable || busy}
        onChange={(e) => setRestricted(e.currentTarget.checked)}
      />
      <Text fw={500}>Care team</Text>
      {team.isError && <Alert color="red">{team.error.message}</Alert>}
      <Table withTableBorder data-testid="care-team">
        <Table.Tbody>
          {team.data?.items.map((m) => (
            <Table.Tr key={m.userId}>
              <Table.Td>
                {m.displayName} {!m.active && <Badge color="gray">inactive</Badge>}
              </Table.Td>
              <Table.Td>
                {m.viaPrimaryProvider && (
                  <Badge variant="light" title="Linked to the patient's primary provider">
                    primary provider
                  </Badge>
                )}
              </Table.Td>
              <Table.Td w={40}>
                {writable && m.explicit && (
                  <ActionIcon
                    variant="subtle"
                    aria-label={`Remove ${m.displayName}`}
                    disabled={busy || removingSelf(m.userId)}
                    title={removingSelf(m.userId) ? 'You would lose access to this restricted record' : undefined}
                    onClick={() => saveTeam(listed.filter((id) => id !== m.userId))}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
          {team.data?.items.length === 0 && (
            <Table.Tr>
              <Table.Td>No one listed yet.</Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
      {writable && can('user:read') && (
        <Group align="flex-end">
          <Select label="Add to the care team" searchable data={candidates} value={pick} onChange={setPick} w={360} />
          <Button disabled={!pick || busy} onClick={() => pick && saveTeam([...listed, pick])}>
            Add
          </Button>
        </Group>
      )}
    </Stack>
  );
}
