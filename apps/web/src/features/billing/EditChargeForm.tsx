/**
 * Correct a charge: code, modifiers, units, which signed diagnoses it points at, and the
 * amount. Leave the amount empty to re-price from the fee schedule; an amount of your own
 * needs a reason (the server says so when it differs from the schedule). Sent with If-Match.
 */
import { Alert, Button, Checkbox, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { fieldErrors, problemLine } from '../../api/problem.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { feeText, formatFee, parseFee } from '../codes/codes-api.ts';
import { type Charge, codeWithModifiers, PRICE_SOURCE_LABELS } from './billing-api.ts';
import { billingKeys } from './query-keys.ts';

const LABELS: Record<string, string> = {
  procedureCode: 'Code',
  modifiers: 'Modifiers',
  units: 'Units',
  diagnosisPointers: 'Diagnoses',
  amountCents: 'Amount',
  reason: 'Reason',
};

export function EditChargeForm(props: { charge: Charge; onDone(): void }) {
  const c = props.charge;
  const [code, setCode] = useState(c.procedureCode);
  const [modifiers, setModifiers] = useState(c.modifiers.join(' '));
  const [units, setUnits] = useState<number>(c.units);
  const [pointers, setPointers] = useState<number[]>(c.diagnosisPointers);
  const [amount, setAmount] = useState(c.priceSource === 'manual' ? feeText(c.amountCents) : '');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const saving = useSubmit(
    (amountCents: number | undefined) =>
      api.PATCH('/api/charges/{id}', {
        params: { path: { id: c.id } },
        headers: { 'if-match': `"${c.version}"` },
        body: {
          procedureCode: code.trim(),
          modifiers: modifiers.split(/[\s,-]+/).filter(Boolean),
          units,
          diagnosisPointers: pointers,
          ...(amountCents !== undefined && { amountCents }),
          ...(reason.trim() && { reason: reason.trim() }),
        },
      }),
    {
      invalidate: [billingKeys.chargeLists()],
      onSuccess: (saved) => {
        props.onDone();
        notifications.show({
          color: saved.notice ? 'yellow' : 'green',
          message: `${codeWithModifiers(saved)} for ${saved.patientName}: ${formatFee(saved.amountCents)}${saved.notice ? `. ${saved.notice}` : ''}`,
        });
      },
      onProblem: (p) => {
        if (p.status === 412) return 'Someone changed this charge meanwhile: close this and open it again.';
        if (p.errors?.length) setErrors(fieldErrors(p));
        return problemLine(p, LABELS, (path) => path in LABELS);
      },
    },
  );

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        setErrors({});
        const cents = amount.trim() === '' ? undefined : parseFee(amount);
        if (cents === null) {
          setErrors({ amountCents: 'Enter an amount such as 125.00, or leave it empty to use the fee schedule.' });
          return;
        }
        void saving.submit(cents);
      }}
    >
      <Stack>
        <Text size="sm">
          {c.patientName}, seen {c.dateOfService}. Now {formatFee(c.amountCents)} ({PRICE_SOURCE_LABELS[c.priceSource]}).
        </Text>
        <Group grow align="flex-start">
          <TextInput
            label="Code"
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={errors.procedureCode}
            data-autofocus
          />
          <TextInput
            label="Modifiers"
            description="Up to 4, e.g. 25 59"
            value={modifiers}
            onChange={(e) => setModifiers(e.currentTarget.value.toUpperCase())}
            error={errors.modifiers}
          />
          <NumberInput label="Units" min={1} max={999} value={units} onChange={(v) => setUnits(Number(v) || 1)} error={errors.units} />
        </Group>
        <Checkbox.Group
          label="Diagnoses this line points at"
          value={pointers.map(String)}
          onChange={(v) => setPointers(v.map(Number).sort((a, b) => a - b))}
          error={errors.diagnosisPointers}
        >
          <Group mt={4}>
            {c.encounterDiagnoses.map((d, i) => (
              <Checkbox key={d} value={String(i + 1)} label={`${i + 1}. ${d}`} />
            ))}
          </Group>
        </Checkbox.Group>
        <Group grow align="flex-start">
          <TextInput
            label="Amount"
            description="Empty: the fee schedule's price on the date of service"
            placeholder="125.00"
            value={amount}
            onChange={(e) => setAmount(e.currentTarget.value)}
            error={errors.amountCents}
          />
          <TextInput
            label="Reason"
            description="Needed when the amount differs from the schedule"
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
            maxLength={500}
          />
        </Group>
        {saving.error && (
          <Alert color="red" role="alert">
            {saving.error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={saving.busy}>
            Save correction
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
