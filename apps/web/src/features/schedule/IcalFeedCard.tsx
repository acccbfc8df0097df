/** A provider's private calendar feed: create (the URL is shown once) or revoke. */
import { Alert, Button, Code, Group, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { toProblem } from '../../api/problem.ts';

export function IcalFeedCard(props: { providerId: string }) {
  const [url, setUrl] = useState<string | null>(null);
  const [showsNames, setShowsNames] = useState<boolean | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const create = async () => {
    const { data, error, response } = await api.POST('/api/providers/{id}/ical-token', { params: { path: { id: props.providerId } } });
    setUrl(data?.url ?? null);
    setShowsNames(data?.showsPatientNames ?? null);
    setMessage(data ? null : toProblem(error, response.status).detail);
  };
  const revoke = async () => {
    const { error, response } = await api.DELETE('/api/providers/{id}/ical-token', { params: { path: { id: props.providerId } } });
    setUrl(null);
    setMessage(response.ok ? 'The feed is revoked: calendars using it stop updating.' : toProblem(error, response.status).detail);
  };
  return (
    <>
      <Title order={2} size="h4">
        Calendar feed
      </Title>
      <Text size="sm" c="dimmed">
        A private iCalendar URL for the provider's phone or desktop calendar: anyone holding it sees what it shows, so keep it private.
        Making a new one ends the old one.
      </Text>
      {url && (
        <Alert color="blue" title="Copy this URL now: it is shown only once">
          <Code data-testid="ical-url">{url}</Code>
          <Text size="sm" mt="xs" data-testid="ical-shows">
            {showsNames
              ? "It shows visit types, times and patients' names (the practice's setting); restricted records show as Busy."
              : 'It shows visit types and times, never patient names.'}
          </Text>
        </Alert>
      )}
      {message && <Alert color="gray">{message}</Alert>}
      <Group>
        <Button variant="light" onClick={() => void create()}>
          New feed URL
        </Button>
        <Button variant="subtle" color="red" onClick={() => void revoke()}>
          Revoke feed
        </Button>
      </Group>
    </>
  );
}
