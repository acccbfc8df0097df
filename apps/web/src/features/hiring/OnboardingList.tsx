/**
 * Onboardings at the selected location, newest hire first: each hire's checklist. The system's
 * steps (account, role, training set, staff profile) are done by "Create account"; the
 * practice's own items are ticked by hand (who and when shown) and more can be added. After the
 * account is made, the one-time link the hire chooses a password with is shown once.
 */
import { Alert, Badge, Card, Checkbox, Group, Loader, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { ProblemForm } from '../../app/ProblemForm.tsx';
import { ROLE_LABELS } from '../../app/role-labels.ts';
import { shortWhen } from '../../app/short-when.ts';
import { useSelectedLocation } from '../../app/use-selected-location.ts';
import { inviteLink } from '../admin/users/users-api.ts';
import { useCan } from '../auth/use-me.ts';
import type { Invite, Onboarding } from './hiring-api.ts';
import { hiringKeys } from './query-keys.ts';

type Status = 'open' | 'complete' | 'all';

export function OnboardingList() {
  const locationId = useSelectedLocation();
  const [status, setStatus] = useState<Status>('open');
  const query = { status, limit: 100, ...(locationId && { locationId }) };
  const list = useQuery({
    queryKey: hiringKeys.onboardings(query),
    queryFn: () => unwrap(api.GET('/api/onboardings', { params: { query } })),
  });
  return (
    <Stack>
      <Select
        label="Show"
        data={[
          { value: 'open', label: 'Still to do' },
          { value: 'complete', label: 'Complete' },
          { value: 'all', label: 'All' },
        ]}
        value={status}
        onChange={(v) => v && setStatus(v as Status)}
        allowDeselect={false}
        w={220}
      />
      {list.isPending && <Loader aria-label="Loading onboardings" />}
      {list.isError && <Alert color="red">{list.error.message}</Alert>}
      {list.data?.items.length === 0 && <Text>No onboardings here.</Text>}
      {list.data?.items.map((o) => (
        <OnboardingCard key={o.id} onboarding={o} />
      ))}
    </Stack>
  );
}

function OnboardingCard({ onboarding: o }: { onboarding: Onboarding }) {
  const can = useCan();
  const manager = can('hiring:manage');
  const [invite, setInvite] = useState<Invite | null>(null);
  const [label, setLabel] = useState('');
  const account = useSubmit(() => api.POST('/api/onboardings/{id}/account', { params: { path: { id: o.id } } }), {
    invalidate: [hiringKeys.lists()],
    onSuccess: (r) => {
      setInvite(r.invite);
      notifications.show({ color: 'green', message: `Account created for ${r.onboarding.applicantName}` });
    },
  });
  const tick = useSubmit(
    (itemId: string, done: boolean) =>
      api.PATCH('/api/onboardings/{id}/items/{itemId}', { params: { path: { id: o.id, itemId } }, body: { done } }),
    { invalidate: [hiringKeys.lists()] },
  );
  const add = useSubmit(() => api.POST('/api/onboardings/{id}/items', { params: { path: { id: o.id } }, body: { label } }), {
    invalidate: [hiringKeys.lists()],
    onSuccess: () => setLabel(''),
  });
  const titleId = `onboarding-${o.id}`;
  return (
    <Card withBorder component="section" aria-labelledby={titleId} data-testid="onboarding-card">
      <Stack gap="sm">
        <Group justify="space-between">
          <div>
            <Title order={2} size="h4" id={titleId}>
              {o.applicantName}
            </Title>
            <Text size="sm" c="dimmed">
              {o.positionTitle} ({ROLE_LABELS[o.role]}) · {o.locationName} · hired {shortWhen(o.hiredAt)} · {o.hiringManagerName}
            </Text>
          </div>
          <Badge variant="light" color={o.complete ? 'green' : 'blue'}>
            {o.done} of {o.total} done
          </Badge>
        </Group>
        <Stack gap={6} data-testid="checklist">
          {o.items.map((i) => (
            <Checkbox
              key={i.id}
              label={i.label}
              checked={i.done}
              disabled={i.kind === 'system' || !manager || tick.busy}
              onChange={(e) => void tick.submit(i.id, e.currentTarget.checked)}
              description={[i.detail, i.done && i.doneAt ? `${i.doneByName ?? 'Done'}, ${shortWhen(i.doneAt)}` : null]
                .filter(Boolean)
                .join(' · ')}
            />
          ))}
        </Stack>
        {tick.error && (
          <Alert color="red" role="alert">
            {tick.error}
          </Alert>
        )}
        {manager && !o.userId && (
          <ProblemForm saving={account} submitLabel="Create account" buttonAt="start">
            <Text size="sm" c="dimmed">
              Invites {o.email} as {ROLE_LABELS[o.role]} at {o.locationName} only.
            </Text>
          </ProblemForm>
        )}
        {invite && (
          <TextInput
            label="Invitation link (shown once; give it to the new colleague)"
            value={inviteLink(invite)}
            readOnly
            onFocus={(e) => e.currentTarget.select()}
            description={`Expires ${shortWhen(invite.expiresAt)}`}
          />
        )}
        {manager && (
          <ProblemForm
            saving={add}
            submitLabel="Add item"
            buttonAt="start"
            aria-label={`New checklist item for ${o.applicantName}`}
            maw={480}
          >
            <TextInput
              label="New checklist item"
              value={label}
              onChange={(e) => setLabel(e.currentTarget.value)}
              maxLength={200}
              error={add.errors.label}
              required
            />
          </ProblemForm>
        )}
      </Stack>
    </Card>
  );
}
