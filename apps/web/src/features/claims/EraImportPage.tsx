/**
 * ERA import: upload or paste an 835 (remittance), 999 or 277CA (acknowledgement) and read what it
 * did: for an 835 the claims posted, already posted and unmatched, the payment (BPR02) against what
 * was posted, and the PLB lines; for an acknowledgement the claims accepted, rejected and unmatched.
 */
import { Alert, Button, FileButton, Group, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { money } from './claims-api.ts';
import { claimKeys } from './query-keys.ts';

type Remittance = NonNullable<Awaited<ReturnType<typeof postRemittance>>['data']>;
type Acknowledgement = NonNullable<Awaited<ReturnType<typeof postAcknowledgement>>['data']>;

const x12 = (text: string) => ({
  body: text as never,
  bodySerializer: (b: unknown) => b as string,
  headers: { 'content-type': 'application/edi-x12' },
});
const postRemittance = (text: string) => api.POST('/api/remittances', x12(text));
const postAcknowledgement = (text: string) => api.POST('/api/acknowledgements', x12(text));
/** ST01 as written after the first ST and element separator (ISA04 tells the separator). */
const isRemittance = (text: string) => {
  const sep = text.trimStart().charAt(3) || '*';
  return text.includes(`ST${sep}835${sep}`);
};

export function EraImportPage() {
  const [text, setText] = useState('');
  const [remittance, setRemittance] = useState<Remittance | null>(null);
  const [ack, setAck] = useState<Acknowledgement | null>(null);
  const importing = useSubmit(
    async (body: string) =>
      (isRemittance(body) ? postRemittance(body) : postAcknowledgement(body)) as Promise<{
        data?: unknown;
        error?: unknown;
        response: Response;
      }>,
    {
      invalidate: [claimKeys.all],
      onSuccess: (data) => {
        const d = data as Remittance | Acknowledgement;
        if ('kind' in d) {
          setAck(d);
          setRemittance(null);
        } else {
          setRemittance(d);
          setAck(null);
        }
      },
    },
  );
  return (
    <Stack>
      <Title order={1}>ERA import</Title>
      <Text size="sm" c="dimmed">
        An 835 remittance posts payments and adjustments to claims; a 999 or 277CA acknowledgement moves claims to accepted or rejected.
        Importing the same file again posts nothing twice.
      </Text>
      <Textarea
        label="X12 file (835, 999 or 277CA)"
        description="Paste the file's text, or choose the file."
        autosize
        minRows={4}
        maxRows={12}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        styles={{ input: { fontFamily: 'monospace' } }}
      />
      <Group>
        <FileButton onChange={async (f) => f && setText(await f.text())} accept=".835,.999,.277,.x12,.edi,.txt">
          {(props) => (
            <Button variant="default" {...props}>
              Choose file…
            </Button>
          )}
        </FileButton>
        <Button loading={importing.busy} disabled={text.trim() === ''} onClick={() => void importing.submit(text)}>
          Import
        </Button>
      </Group>
      {importing.error && (
        <Alert color="red" title="Not imported">
          {importing.error}
        </Alert>
      )}
      {ack && (
        <Alert
          color={ack.claimsRejected ? 'orange' : 'green'}
          title={`${ack.kind} ${ack.alreadyImported ? 'already imported: nothing changed' : 'imported'}`}
        >
          {ack.claimsAccepted} accepted, {ack.claimsRejected} rejected, {ack.claimsUnmatched} unmatched.
          <Table mt="xs">
            <Table.Tbody>
              {ack.results.map((r) => (
                <Table.Tr key={`${r.outcome}-${r.patientControlNumber ?? r.controlNumber}-${r.claimId ?? r.reason}`}>
                  <Table.Td>{r.outcome}</Table.Td>
                  <Table.Td>{r.patientControlNumber ?? r.controlNumber}</Table.Td>
                  <Table.Td>{r.reason}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Alert>
      )}
      {remittance && (
        <Stack gap="xs">
          <Title order={2}>Posting summary</Title>
          <Text>
            {remittance.claimsPosted} claim(s) posted, {remittance.claimsAlreadyPosted} already posted, {remittance.claimsUnmatched}{' '}
            unmatched (see Reconciliation).
          </Text>
          <Text>
            Payment (BPR02) {money(remittance.paymentCents)}; posted to claims {money(remittance.postedCents)}.
          </Text>
          {remittance.payments.map((p) => (
            <Stack key={p.id} gap={2}>
              <Text fw={500}>
                {p.payerName} · trace {p.traceNumber} · {money(p.paymentCents)} {p.paymentDate ?? ''}
              </Text>
              {p.providerAdjustments.map((a) => (
                <Text key={`${a.reasonCode}-${a.reference}-${a.amountCents}`} size="sm">
                  PLB {a.reasonCode}
                  {a.reference ? ` ${a.reference}` : ''}: {money(-a.amountCents)}
                </Text>
              ))}
            </Stack>
          ))}
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Claim</Table.Th>
                <Table.Th>Outcome</Table.Th>
                <Table.Th>Paid</Table.Th>
                <Table.Th>Patient</Table.Th>
                <Table.Th>Note</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {remittance.claims.slice(0, 500).map((c) => (
                <Table.Tr key={`${c.outcome}-${c.patientControlNumber}-${c.claimId ?? c.statusCode}-${c.paidCents}`}>
                  <Table.Td>
                    {c.claimId ? <a href={`/billing/claims/${c.claimId}`}>{c.patientControlNumber}</a> : c.patientControlNumber}
                  </Table.Td>
                  <Table.Td>{c.outcome.replace('_', ' ')}</Table.Td>
                  <Table.Td>{c.paidCents === null ? '' : money(c.paidCents)}</Table.Td>
                  <Table.Td>{c.patientResponsibilityCents === null ? '' : money(c.patientResponsibilityCents)}</Table.Td>
                  <Table.Td>{c.reason ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Stack>
  );
}
