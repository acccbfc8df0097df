/**
 * What a biller does with a claim once the payer decided it: replace it (frequency 7, a new draft
 * to correct), print an appeal letter for its denied lines, write it off (with a reason), or bill
 * the patient's secondary coverage with what the primary paid. Also the links between a claim and
 * its corrections, and the earlier payers a secondary claim carries.
 */
import { Alert, Anchor, Button, Group, Modal, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { useCan } from '../auth/use-me.ts';
import { coveragesQuery } from '../patients/patients-api.ts';
import { CLAIM_STATUS_LABELS, type Claim, type ClaimStatus, money, shortDate } from './claims-api.ts';
import { claimKeys } from './query-keys.ts';
import { dollarsToCents } from '../../app/money.ts';

/** States a replacement starts from (the server's REPLACEABLE). */
const REPLACEABLE: ClaimStatus[] = ['denied', 'rejected', 'payer_rejected', 'paid', 'partially_paid'];
/** States the payer decided: a secondary claim and an appeal need its remittance. */
const ADJUDICATED: ClaimStatus[] = ['paid', 'partially_paid', 'denied'];
/** States a write-off closes. */
const WRITABLE_OFF: ClaimStatus[] = ['rejected', 'payer_rejected', 'paid', 'partially_paid', 'denied'];

export const appealLetterUrl = (id: string, paragraph: string) =>
  `/api/claims/${encodeURIComponent(id)}/appeal-letter.pdf${paragraph.trim() ? `?paragraph=${encodeURIComponent(paragraph.trim())}` : ''}`;

type Dialog = 'replace' | 'appeal' | 'write-off' | null;

export function AfterPayerActions({ claim }: { claim: Claim }) {
  const can = useCan();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const mayReplace = can('claim:submit') && claim.frequencyCode !== '8' && REPLACEABLE.includes(claim.status);
  const mayAppeal = can('claim:submit') && (claim.status === 'denied' || claim.status === 'partially_paid');
  const mayWriteOff = can('claim:write-off') && WRITABLE_OFF.includes(claim.status);
  return (
    <Stack gap="xs">
      <Group>
        {mayReplace && (
          <Button variant="default" onClick={() => setDialog('replace')}>
            Replace…
          </Button>
        )}
        {mayAppeal && (
          <Button variant="default" onClick={() => setDialog('appeal')}>
            Appeal letter…
          </Button>
        )}
        {mayWriteOff && (
          <Button variant="default" color="red" onClick={() => setDialog('write-off')}>
            Write off…
          </Button>
        )}
        <SecondaryClaimButton claim={claim} />
      </Group>
      <Corrections claim={claim} />
      {claim.writeOff && (
        <Text size="sm">
          Written off: {money(claim.writeOff.amountCents)} on {new Date(claim.writeOff.at).toLocaleDateString()}, {claim.writeOff.reason}
        </Text>
      )}
      <EarlierPayers claim={claim} />
      <Modal opened={dialog === 'replace'} onClose={close} title="Replace the claim (frequency 7)">
        {dialog === 'replace' && <ReplaceForm claim={claim} onDone={close} />}
      </Modal>
      <Modal opened={dialog === 'appeal'} onClose={close} title="Appeal letter" size="lg">
        {dialog === 'appeal' && <AppealForm claim={claim} />}
      </Modal>
      <Modal opened={dialog === 'write-off'} onClose={close} title="Write off the claim">
        {dialog === 'write-off' && (
          <WriteOffForm
            claim={{
              id: claim.id,
              patientControlNumber: claim.patientControlNumber,
              left: Math.max(0, claim.totalChargeCents - claim.paidCents - claim.patientResponsibilityCents),
            }}
            onDone={close}
          />
        )}
      </Modal>
    </Stack>
  );
}

function Corrections({ claim }: { claim: Claim }) {
  if (!claim.replacesClaimId && claim.corrections.length === 0) return null;
  return (
    <Stack gap={2}>
      {claim.replacesClaimId && (
        <Text size="sm">
          {claim.frequencyCode === '8' ? 'Voids' : 'Replaces'}{' '}
          <Anchor component={Link} to={`/billing/claims/${claim.replacesClaimId}`}>
            the original claim
          </Anchor>{' '}
          (payer claim number {claim.payerClaimControlNumber})
        </Text>
      )}
      {claim.corrections.map((c) => (
        <Text size="sm" key={c.id}>
          {c.frequencyCode === '8' ? 'Voided by' : 'Replaced by'}{' '}
          <Anchor component={Link} to={`/billing/claims/${c.id}`}>
            claim {c.patientControlNumber}
          </Anchor>{' '}
          ({CLAIM_STATUS_LABELS[c.status]})
        </Text>
      ))}
    </Stack>
  );
}

function EarlierPayers({ claim }: { claim: Claim }) {
  if (claim.otherPayers.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={2}>Earlier payers</Title>
      <Table aria-label="Earlier payers">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Payer</Table.Th>
            <Table.Th>Claim</Table.Th>
            <Table.Th>Decided</Table.Th>
            <Table.Th ta="right">Paid</Table.Th>
            <Table.Th ta="right">Patient owes</Table.Th>
            <Table.Th>Adjustments</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {claim.otherPayers.map((op) => (
            <Table.Tr key={op.claimId}>
              <Table.Td>{op.payer.name}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/billing/claims/${op.claimId}`}>
                  {op.patientControlNumber}
                </Anchor>
              </Table.Td>
              <Table.Td>{shortDate(op.adjudicationDate)}</Table.Td>
              <Table.Td ta="right">{money(op.paidCents)}</Table.Td>
              <Table.Td ta="right">{money(op.patientResponsibilityCents)}</Table.Td>
              <Table.Td>
                {[...op.adjustments, ...op.lines.flatMap((l) => l.adjustments)]
                  .map((a) => `${a.group}-${a.reasonCode} ${money(a.amountCents)}`)
                  .join(', ')}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/** Offered on a decided primary claim when the patient has an active secondary coverage not billed yet for the visit. */
function SecondaryClaimButton({ claim }: { claim: Claim }) {
  const can = useCan();
  const navigate = useNavigate();
  const eligible = can('claim:submit') && claim.coveragePriority === 'primary' && ADJUDICATED.includes(claim.status);
  const coverages = useQuery({ ...coveragesQuery(claim.patientId), enabled: eligible });
  const siblings = useQuery({
    queryKey: [...claimKeys.lists(), 'patient', claim.patientId],
    queryFn: () => unwrap(api.GET('/api/claims', { params: { query: { patientId: claim.patientId, limit: 200 } } })),
    enabled: eligible,
  });
  const secondary = (coverages.data?.items ?? []).find(
    (c) =>
      c.priority === 'secondary' &&
      c.active &&
      c.effectiveDate <= claim.dateOfService &&
      (c.terminationDate === null || c.terminationDate >= claim.dateOfService),
  );
  const billed = (siblings.data?.items ?? []).some((c) => c.encounterId === claim.encounterId && c.coverageId === secondary?.id);
  const creating = useSubmit(() => api.POST('/api/claims', { body: { encounterId: claim.encounterId, coverageId: secondary?.id ?? '' } }), {
    invalidate: [claimKeys.lists(), claimKeys.candidates()],
    onSuccess: (c) => {
      notifications.show({ color: 'green', message: `Secondary claim ${c.patientControlNumber} built as a draft` });
      void navigate(`/billing/claims/${c.id}`);
    },
  });
  if (!eligible || !secondary || billed || !siblings.data) return null;
  return (
    <>
      <Button onClick={() => void creating.submit()} loading={creating.busy}>
        Create secondary claim
      </Button>
      {creating.error && (
        <Alert color="red" role="alert">
          {creating.error}
        </Alert>
      )}
    </>
  );
}

function ReplaceForm({ claim, onDone }: { claim: Claim; onDone: () => void }) {
  const navigate = useNavigate();
  const [reason, setReason] = useState('');
  const [number, setNumber] = useState('');
  const replacing = useSubmit(
    () =>
      api.POST('/api/claims/{id}/replace', {
        params: { path: { id: claim.id } },
        body: { reason, ...(number.trim() ? { payerClaimControlNumber: number.trim() } : {}) },
      }),
    {
      invalidate: [claimKeys.detail(claim.id), claimKeys.lists()],
      onSuccess: (c) => {
        onDone();
        notifications.show({ color: 'green', message: `Replacement claim ${c.patientControlNumber} is a draft: correct and scrub it` });
        void navigate(`/billing/claims/${c.id}`);
      },
    },
  );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void replacing.submit();
      }}
    >
      <Stack>
        <Text size="sm">
          A new draft claim (frequency 7) is built from the visit's approved charges as they are now; claim {claim.patientControlNumber} is
          closed. Correct the charges first in Charge review when they were wrong.
        </Text>
        <TextInput
          label="Reason"
          required
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          maxLength={400}
          data-autofocus
        />
        <TextInput
          label="Payer claim number"
          description="Only when no remittance gave it (REF*F8)"
          value={number}
          onChange={(e) => setNumber(e.currentTarget.value)}
          maxLength={50}
        />
        {replacing.error && (
          <Alert color="red" role="alert">
            {replacing.error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={replacing.busy} disabled={!reason.trim()}>
            Replace claim
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function AppealForm({ claim }: { claim: Claim }) {
  const [paragraph, setParagraph] = useState('');
  return (
    <Stack>
      <Text size="sm">
        The letter lists the denied lines of claim {claim.patientControlNumber} with their reason codes. Add why the payer should pay
        (printed as you type it), or leave it empty for a standard request.
      </Text>
      <Textarea
        label="Your paragraph"
        autosize
        minRows={4}
        maxLength={3000}
        value={paragraph}
        onChange={(e) => setParagraph(e.currentTarget.value)}
        data-autofocus
      />
      <Group justify="flex-end">
        <Button component="a" href={appealLetterUrl(claim.id, paragraph)} target="_blank" rel="noopener" data-testid="appeal-letter-link">
          Download appeal letter (PDF)
        </Button>
      </Group>
    </Stack>
  );
}

/** Write off a claim: `left` is what the default amount would be (null: not known here). */
export function WriteOffForm({
  claim,
  onDone,
}: {
  claim: { id: string; patientControlNumber: string; left: number | null };
  onDone: () => void;
}) {
  const [reason, setReason] = useState('');
  const [amount, setAmount] = useState('');
  const cents = amount.trim() ? dollarsToCents(amount) : undefined;
  const writingOff = useSubmit(
    () =>
      api.POST('/api/claims/{id}/write-off', {
        params: { path: { id: claim.id } },
        body: { reason, ...(cents ? { amountCents: cents } : {}) },
      }),
    {
      invalidate: [claimKeys.detail(claim.id), claimKeys.lists(), claimKeys.denials()],
      onSuccess: (c) => {
        onDone();
        notifications.show({ message: `Claim ${c.patientControlNumber} written off (${money(c.writeOff?.amountCents ?? 0)})` });
      },
    },
  );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void writingOff.submit();
      }}
    >
      <Stack>
        <Text size="sm">
          Claim {claim.patientControlNumber} is closed. By default {claim.left === null ? 'what' : `${money(claim.left)}, what`} neither the
          payer paid nor the patient owes is written off.
        </Text>
        <TextInput
          label="Reason"
          required
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          maxLength={400}
          data-autofocus
        />
        <TextInput
          label="Amount (optional)"
          description="In dollars, e.g. 120.50"
          value={amount}
          onChange={(e) => setAmount(e.currentTarget.value)}
          error={cents === null ? 'Enter an amount like 120.50' : undefined}
          inputMode="decimal"
        />
        {writingOff.error && (
          <Alert color="red" role="alert">
            {writingOff.error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" color="red" loading={writingOff.busy} disabled={!reason.trim() || cents === null}>
            Write off
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
