/**
 * The patient's account: what the patient owes (or their credit), what payers have not settled,
 * the balance by age, and the payments with their refunds. Front desk and billers post a payment
 * from here; a biller refunds one.
 */
import { Alert, Anchor, Button, Group, Loader, Modal, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { fieldErrors } from '../../api/problem.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { dollarsToCents, money } from '../../app/money.ts';
import { useCan } from '../auth/use-me.ts';
import { ChartTable } from '../clinical/ChartList.tsx';
import { AccountPlan } from '../collections/AccountPlan.tsx';
import { LastStatement } from '../statements/LastStatement.tsx';
import { FormError, SubmitRow } from '../followups/fields.tsx';
import { type Account, accountQuery, METHOD_LABELS, type Payment, paymentsQuery, receiptUrl } from './accounts-api.ts';
import { PostPaymentForm } from './PostPaymentForm.tsx';
import { accountKeys } from './query-keys.ts';

export function AccountTab(props: { patientId: string }) {
  const can = useCan();
  const account = useQuery(accountQuery(props.patientId));
  const payments = useQuery(paymentsQuery(props.patientId));
  const [posting, setPosting] = useState(false);
  const [refunding, setRefunding] = useState<Payment | null>(null);
  if (account.isPending) return <Loader aria-label="Loading the account" />;
  if (account.isError) return <Alert color="red">{account.error.message}</Alert>;
  const a = account.data;
  return (
    <Stack gap="sm" pt="sm" data-testid="chart-account">
      <Group justify="space-between">
        <SimpleGrid cols={3} spacing="lg">
          <Balance label={a.patientBalanceCents < 0 ? 'Patient credit' : 'Patient owes'} cents={Math.abs(a.patientBalanceCents)} />
          <Balance label="Insurance pending" cents={a.insuranceBalanceCents} />
          <Balance label="Total balance" cents={a.totalBalanceCents} />
        </SimpleGrid>
        {can('payment:post') && <Button onClick={() => setPosting(true)}>Post payment</Button>}
      </Group>
      {can('collections:read') && <AccountPlan patientId={props.patientId} />}
      <Table aria-label="Balance by age" withTableBorder>
        <Table.Thead>
          <Table.Tr>
            {Object.keys(a.aging).map((bucket) => (
              <Table.Th key={bucket}>{bucket} days</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr>
            {Object.entries(a.aging).map(([bucket, cents]) => (
              <Table.Td key={bucket}>{money(cents)}</Table.Td>
            ))}
          </Table.Tr>
        </Table.Tbody>
      </Table>
      {a.guarantor && <FamilyBalance guarantor={a.guarantor} patientId={props.patientId} />}
      <LastStatement patientId={props.patientId} />
      <Title order={3} size="h5">
        Payments
      </Title>
      {payments.isError && <Alert color="red">{payments.error.message}</Alert>}
      {payments.data?.length === 0 && <Text size="sm">No payments yet.</Text>}
      {payments.data && payments.data.length > 0 && (
        <ChartTable
          label="Payments"
          items={payments.data}
          columns={[
            { header: 'Date', cell: (p) => p.postingDate },
            {
              header: 'Method',
              cell: (p) =>
                `${METHOD_LABELS[p.method]}${p.cardLast4 ? ` ····${p.cardLast4}` : ''}${p.method === 'check' && p.reference ? ` #${p.reference}` : ''}`,
            },
            { header: 'Amount', cell: (p) => money(p.amountCents) },
            { header: 'On account', cell: (p) => (p.unallocatedCents ? money(p.unallocatedCents) : '—') },
            { header: 'Refunded', cell: (p) => (p.refundedCents ? money(p.refundedCents) : '—') },
            {
              header: 'Receipt',
              cell: (p) => (
                <Anchor
                  href={receiptUrl(p.id)}
                  target="_blank"
                  rel="noopener"
                  aria-label={`PDF receipt for ${money(p.amountCents)} on ${p.postingDate}`}
                >
                  PDF
                </Anchor>
              ),
            },
          ]}
          actions={
            can('refund:issue')
              ? (p) =>
                  p.refundedCents < p.amountCents ? (
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => setRefunding(p)}
                      aria-label={`Refund the payment of ${money(p.amountCents)} on ${p.postingDate}`}
                    >
                      Refund
                    </Button>
                  ) : null
              : undefined
          }
        />
      )}
      <Modal opened={posting} onClose={() => setPosting(false)} title="Post a payment" closeButtonProps={{ 'aria-label': 'Close' }}>
        {posting && (
          <PostPaymentForm
            patientId={props.patientId}
            suggestedCents={Math.max(a.patientBalanceCents, 0)}
            onPosted={() => setPosting(false)}
          />
        )}
      </Modal>
      <Modal
        opened={refunding !== null}
        onClose={() => setRefunding(null)}
        title="Refund a payment"
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        {refunding && <RefundForm patientId={props.patientId} payment={refunding} onDone={() => setRefunding(null)} />}
      </Modal>
    </Stack>
  );
}

/** Who answers for the bill and what the family they answer for owes together. */
function FamilyBalance(props: { guarantor: NonNullable<Account['guarantor']>; patientId: string }) {
  const g = props.guarantor;
  const self = g.guarantorPatientId === props.patientId && g.members.length === 1;
  return (
    <Stack gap={4} data-testid="account-guarantor">
      <Title order={3} size="h5">
        Guarantor: {g.name}
        {self ? ' (the patient)' : ''}
      </Title>
      {!self && (
        <>
          <Text size="sm">
            The family owes <strong>{money(g.familyPatientBalanceCents)}</strong> (insurance pending {money(g.familyInsuranceBalanceCents)}
            ).
          </Text>
          <Table aria-label="Family balances" withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Family member</Table.Th>
                <Table.Th>Patient owes</Table.Th>
                <Table.Th>Insurance pending</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {g.members.map((m) => (
                <Table.Tr key={m.patientId}>
                  <Table.Td>{m.name}</Table.Td>
                  <Table.Td>{money(m.patientBalanceCents)}</Table.Td>
                  <Table.Td>{money(m.insuranceBalanceCents)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}

function Balance(props: { label: string; cents: number }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {props.label}
      </Text>
      <Text size="xl" fw={700}>
        {money(props.cents)}
      </Text>
    </Stack>
  );
}

function RefundForm(props: { patientId: string; payment: Payment; onDone(): void }) {
  const left = props.payment.amountCents - props.payment.refundedCents;
  const [amount, setAmount] = useState((left / 100).toFixed(2));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const refunding = useSubmit(
    (body: { amountCents: number; reason: string }) =>
      api.POST('/api/payments/{id}/refund', { params: { path: { id: props.payment.id } }, body }),
    {
      invalidate: [accountKeys.account(props.patientId), accountKeys.payments(props.patientId)],
      onSuccess: props.onDone,
      onProblem: (problem) => {
        setErrors(fieldErrors(problem));
        return problem.detail;
      },
    },
  );
  return (
    <form
      aria-label="Refund a payment"
      onSubmit={(e) => {
        e.preventDefault();
        const cents = dollarsToCents(amount);
        if (cents === null || cents <= 0) return setErrors({ amountCents: 'Enter an amount such as 10.00.' });
        void refunding.submit({ amountCents: cents, reason: reason.trim() });
      }}
    >
      <Stack gap="sm">
        <FormError error={refunding.error} />
        <Text size="sm">Up to {money(left)} of this payment can be refunded.</Text>
        <TextInput
          label="Amount"
          leftSection="$"
          required
          value={amount}
          onChange={(e) => setAmount(e.currentTarget.value)}
          error={errors.amountCents}
        />
        <TextInput
          label="Reason"
          required
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.reason}
          maxLength={500}
        />
        <SubmitRow label="Refund" busy={refunding.busy} />
      </Stack>
    </form>
  );
}
