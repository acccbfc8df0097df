/**
 * The chart's Letters tab: write a letter from a single-letter template (a referral, a work or
 * school note, a results letter for a doctor to sign), preview it merged for this patient, save
 * it and open its PDF; the patient's letters so far.
 */
import { Alert, Anchor, Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { useProviders } from '../schedule/schedule-api.ts';
import { type LetterPreview, letterPdfUrl } from './letters-api.ts';
import { MailLogPanel } from './MailLogPanel.tsx';
import { letterKeys } from './query-keys.ts';

export function PatientLettersTab(props: { patientId: string }) {
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [providerId, setProviderId] = useState<string | null>(null);
  const [preview, setPreview] = useState<LetterPreview | null>(null);
  const [written, setWritten] = useState<string | null>(null);
  const templates = useQuery({
    queryKey: [...letterKeys.templates(), 'single'],
    queryFn: () => unwrap(api.GET('/api/letter-templates', { params: { query: { kind: 'single' } } })),
  });
  const providers = useProviders();
  const body = () => ({ templateId: templateId ?? '', patientId: props.patientId, ...(providerId && { providerId }) });
  const previewing = useSubmit(() => api.POST('/api/letters/preview', { body: body() }), { onSuccess: (p) => setPreview(p) });
  const writing = useSubmit(() => api.POST('/api/letters', { body: body() }), {
    invalidate: [letterKeys.logs()],
    onSuccess: (r) => {
      setWritten(r.id);
      setPreview(null);
    },
  });
  const reset = () => {
    setPreview(null);
    setWritten(null);
  };
  return (
    <Stack pt="md" gap="sm">
      <Title order={2} size="h4">
        Write a letter
      </Title>
      <Group align="flex-end" wrap="wrap">
        <Select
          label="Template"
          placeholder="Choose a letter"
          data={templates.data?.items.map((t) => ({ value: t.id, label: t.name })) ?? []}
          value={templateId}
          onChange={(v) => {
            setTemplateId(v);
            reset();
          }}
          w={260}
        />
        <Select
          label="Signed by (optional)"
          placeholder="No signature line"
          clearable
          data={
            providers.data?.map((p) => ({
              value: p.id,
              label: `${p.givenName} ${p.familyName}${p.credentials ? `, ${p.credentials}` : ''}`,
            })) ?? []
          }
          value={providerId}
          onChange={(v) => {
            setProviderId(v);
            reset();
          }}
          w={260}
        />
        <Button variant="default" disabled={!templateId} loading={previewing.busy} onClick={() => void previewing.submit()}>
          Preview
        </Button>
        <Button disabled={!templateId} loading={writing.busy} onClick={() => void writing.submit()}>
          Write letter
        </Button>
      </Group>
      {(previewing.error || writing.error) && (
        <Alert color="red" role="alert">
          {previewing.error ?? writing.error}
        </Alert>
      )}
      {written && (
        <Alert color="green" role="status">
          Letter saved to the mail log.{' '}
          <Anchor href={letterPdfUrl(written)} target="_blank" rel="noopener">
            Open it to print
          </Anchor>
        </Alert>
      )}
      {preview && (
        <Paper withBorder p="sm" role="region" aria-label="Letter preview">
          <Text size="sm" fw={600} style={{ whiteSpace: 'pre-wrap' }}>
            {preview.recipient}
          </Text>
          <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="letter-preview">
            {preview.body}
          </Text>
        </Paper>
      )}
      <Title order={2} size="h4">
        Letters sent
      </Title>
      <MailLogPanel patientId={props.patientId} />
    </Stack>
  );
}
