/**
 * Batch letters: a batch template to everyone with an overdue recall, or to everyone owing at
 * least an amount (at most 200 letters), then the batch as one PDF to print; the batches sent.
 */
import { Alert, Anchor, Button, Group, NumberInput, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { fieldErrors } from '../../api/problem.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { AUDIENCE_LABELS, batchPdfUrl, type LetterBatch, when } from './letters-api.ts';
import { letterKeys } from './query-keys.ts';

type Audience = 'overdue_recalls' | 'balances_over';

export function BatchLettersPanel() {
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [audience, setAudience] = useState<Audience>('overdue_recalls');
  const [minDollars, setMinDollars] = useState<number | string>(50);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [made, setMade] = useState<LetterBatch | null>(null);
  const templates = useQuery({
    queryKey: [...letterKeys.templates(), 'batch'],
    queryFn: () => unwrap(api.GET('/api/letter-templates', { params: { query: { kind: 'batch' } } })),
  });
  const batches = useQuery({
    queryKey: letterKeys.batches(),
    queryFn: () => unwrap(api.GET('/api/letter-batches', { params: { query: { limit: 50 } } })),
  });
  const create = useSubmit(
    () =>
      api.POST('/api/letter-batches', {
        body: {
          templateId: templateId ?? '',
          audience,
          ...(audience === 'balances_over' && { minBalanceCents: Math.round(Number(minDollars) * 100) }),
        },
      }),
    {
      invalidate: [letterKeys.batches(), letterKeys.logs()],
      onSuccess: (b) => setMade(b),
      onProblem: (problem) => {
        setErrors(fieldErrors(problem));
        return problem.detail;
      },
    },
  );
  return (
    <Stack pt="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setErrors({});
          setMade(null);
          void create.submit();
        }}
      >
        <Stack gap="sm" maw={560}>
          <Title order={2} size="h3">
            Send a batch
          </Title>
          <Select
            label="Template"
            placeholder="Choose a batch template"
            data={templates.data?.items.map((t) => ({ value: t.id, label: t.name })) ?? []}
            value={templateId}
            onChange={setTemplateId}
            error={errors.templateId}
            required
          />
          <Select
            label="To"
            data={(['overdue_recalls', 'balances_over'] as const).map((a) => ({ value: a, label: AUDIENCE_LABELS[a] }))}
            value={audience}
            onChange={(v) => v && setAudience(v as Audience)}
            allowDeselect={false}
          />
          {audience === 'balances_over' && (
            <NumberInput
              label="Smallest balance ($)"
              value={minDollars}
              onChange={setMinDollars}
              min={0}
              decimalScale={2}
              error={errors.minBalanceCents}
            />
          )}
          {create.error && (
            <Alert color="red" role="alert">
              {create.error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={create.busy} disabled={!templateId}>
              Write the letters
            </Button>
          </Group>
          {made && (
            <Alert color="green" role="status">
              {made.letterCount === 0 ? (
                'Nobody matched: no letters were written.'
              ) : (
                <>
                  {made.letterCount} letters written.{' '}
                  <Anchor href={batchPdfUrl(made.id)} target="_blank" rel="noopener">
                    Open the batch to print
                  </Anchor>
                </>
              )}
            </Alert>
          )}
        </Stack>
      </form>
      <Title order={2} size="h3">
        Batches sent
      </Title>
      {batches.data?.items.length === 0 && <Text>No batches yet.</Text>}
      {batches.data && batches.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table striped aria-label="Batches sent">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Sent</Table.Th>
                <Table.Th>Template</Table.Th>
                <Table.Th>To</Table.Th>
                <Table.Th>Letters</Table.Th>
                <Table.Th>By</Table.Th>
                <Table.Th>
                  <span className="visually-hidden">PDF</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {batches.data.items.map((b) => (
                <Table.Tr key={b.id}>
                  <Table.Td>{when(b.createdAt)}</Table.Td>
                  <Table.Td>{b.templateName}</Table.Td>
                  <Table.Td>{AUDIENCE_LABELS[b.audience]}</Table.Td>
                  <Table.Td>{b.letterCount}</Table.Td>
                  <Table.Td>{b.createdBy ?? 'ClinicDesk'}</Table.Td>
                  <Table.Td>
                    <Anchor
                      href={batchPdfUrl(b.id)}
                      target="_blank"
                      rel="noopener"
                      aria-label={`Open the ${b.templateName} batch as a PDF`}
                    >
                      PDF
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
