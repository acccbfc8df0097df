/**
 * Statements: run them (one statement per guarantor whose family owes at least the threshold;
 * emailed notices where agreed), the runs so far, and a run's statements with a PDF preview of
 * each and the combined PDF for printing.
 */
import { Alert, Anchor, Badge, Button, Group, Loader, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { fieldErrors } from '../../api/problem.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { dollarsToCents, money } from '../../app/money.ts';
import { useCan } from '../auth/use-me.ts';
import { FormError, SubmitRow } from '../followups/fields.tsx';
import { statementKeys } from './query-keys.ts';
import { StatementPreview } from './StatementPreview.tsx';
import { DUNNING_LABELS, runPdfUrl, runQuery, runsQuery, type Statement } from './statements-api.ts';

export function StatementsPage() {
  const can = useCan();
  const runs = useQuery(runsQuery());
  const [openRun, setOpenRun] = useState<string | null>(null);
  const shown = openRun ?? runs.data?.items[0]?.id ?? null;
  return (
    <Stack gap="md" p="md">
      <Title order={1} size="h2">
        Statements
      </Title>
      {can('statement:run') && <RunForm onRun={(id) => setOpenRun(id)} />}
      <Title order={2} size="h4">
        Runs
      </Title>
      {runs.isPending && <Loader aria-label="Loading the statement runs" />}
      {runs.isError && <Alert color="red">{runs.error.message}</Alert>}
      {runs.data?.items.length === 0 && <Text size="sm">No statement runs yet.</Text>}
      {runs.data && runs.data.items.length > 0 && (
        <Table aria-label="Statement runs" withTableBorder highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Date</Table.Th>
              <Table.Th>Threshold</Table.Th>
              <Table.Th>Statements</Table.Th>
              <Table.Th>Emailed</Table.Th>
              <Table.Th>Total due</Table.Th>
              <Table.Th>
                <span className="visually-hidden">Actions</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {runs.data.items.map((r) => (
              <Table.Tr key={r.id} aria-selected={r.id === shown}>
                <Table.Td>{r.asOf}</Table.Td>
                <Table.Td>{money(r.minBalanceCents)}</Table.Td>
                <Table.Td>{r.statementCount}</Table.Td>
                <Table.Td>{r.emailedCount}</Table.Td>
                <Table.Td>{money(r.totalDueCents)}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => setOpenRun(r.id)}
                      aria-label={`Open the run of ${r.asOf} (${r.statementCount} statements)`}
                    >
                      Open
                    </Button>
                    {r.statementCount > 0 && (
                      <Anchor href={runPdfUrl(r.id)} download={`statements-${r.asOf}.pdf`} size="sm">
                        Combined PDF
                      </Anchor>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {shown && <RunStatements runId={shown} />}
    </Stack>
  );
}

function RunForm(props: { onRun(id: string): void }) {
  const [threshold, setThreshold] = useState('10.00');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const running = useSubmit((body: { minBalanceCents: number }) => api.POST('/api/statement-runs', { body }), {
    invalidate: [statementKeys.runs()],
    onSuccess: (run) => props.onRun(run.id),
    onProblem: (problem) => {
      setErrors(fieldErrors(problem));
      return problem.detail;
    },
  });
  return (
    <form
      aria-label="Run statements"
      onSubmit={(e) => {
        e.preventDefault();
        const cents = dollarsToCents(threshold);
        if (cents === null || cents < 0) return setErrors({ minBalanceCents: 'Enter an amount such as 10.00.' });
        setErrors({});
        void running.submit({ minBalanceCents: cents });
      }}
    >
      <Stack gap="xs" maw={420}>
        <FormError error={running.error} />
        <TextInput
          label="Minimum patient balance"
          description="Guarantors whose family owes at least this much get a statement (not before their next statement date)."
          leftSection="$"
          required
          value={threshold}
          onChange={(e) => setThreshold(e.currentTarget.value)}
          error={errors.minBalanceCents}
        />
        <SubmitRow label="Run statements" busy={running.busy} />
      </Stack>
    </form>
  );
}

function RunStatements(props: { runId: string }) {
  const run = useQuery(runQuery(props.runId));
  const [preview, setPreview] = useState<Statement | null>(null);
  if (run.isPending) return <Loader aria-label="Loading the run" />;
  if (run.isError) return <Alert color="red">{run.error.message}</Alert>;
  const items = run.data.statements.items;
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        Statements of {run.data.asOf}
      </Title>
      {items.length === 0 ? (
        <Text size="sm">This run issued no statements.</Text>
      ) : (
        <Table aria-label={`Statements of ${run.data.asOf}`} withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Guarantor</Table.Th>
              <Table.Th>Account</Table.Th>
              <Table.Th>Notice</Table.Th>
              <Table.Th>Delivery</Table.Th>
              <Table.Th>Amount due</Table.Th>
              <Table.Th>Next statement</Table.Th>
              <Table.Th>
                <span className="visually-hidden">Actions</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>{s.guarantorName}</Table.Td>
                <Table.Td>{s.accountNumber}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={s.dunningLevel === 'first' ? 'blue' : s.dunningLevel === 'second' ? 'orange' : 'red'}>
                    {DUNNING_LABELS[s.dunningLevel]}
                  </Badge>
                </Table.Td>
                <Table.Td>{s.delivery === 'email' ? 'Email notice' : 'Print'}</Table.Td>
                <Table.Td>{money(s.amountDueCents)}</Table.Td>
                <Table.Td>{s.nextStatementOn}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="default" onClick={() => setPreview(s)} aria-label={`Show the statement of ${s.guarantorName}`}>
                    Show
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal
        opened={preview !== null}
        onClose={() => setPreview(null)}
        title={preview ? `Statement: ${preview.guarantorName}, ${money(preview.amountDueCents)}` : ''}
        size="xl"
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        {preview && <StatementPreview statementId={preview.id} title={`Statement of ${preview.guarantorName}`} />}
      </Modal>
    </Stack>
  );
}
