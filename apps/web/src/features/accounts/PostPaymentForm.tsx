/**
 * Post a patient payment: amount, method (a check needs its number; a card its last four digits
 * from a standalone terminal, or, when the installation has a card gateway (`GET /api/me`
 * `payments.cardGateway`), the card token the reader or hosted card form gave, charged before the
 * payment is posted), location, note. One Idempotency-Key per opened form, so a double click or a
 * retry after a lost answer posts once. Without chosen charges the payment pays the oldest visits.
 */
import { Group, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { fieldErrors } from '../../api/problem.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { dollarsToCents } from '../../app/money.ts';
import { useSelectedLocation } from '../../app/use-selected-location.ts';
import { useMe } from '../auth/use-me.ts';
import { FormError, SubmitRow } from '../followups/fields.tsx';
import { useLocations } from '../schedule/schedule-api.ts';
import { METHOD_LABELS, type Payment, type PaymentInput } from './accounts-api.ts';
import { accountKeys } from './query-keys.ts';

export function PostPaymentForm(props: {
  patientId: string;
  suggestedCents?: number;
  /** Cash unless told (the flow board's copay defaults to card). */
  defaultMethod?: PaymentInput['method'];
  /** The location taking it (the flow board's); else the selected one. */
  locationId?: string;
  submitLabel?: string;
  onPosted(p: Payment): void;
}) {
  const locations = useLocations();
  const selected = useSelectedLocation();
  // One key per opened form: a double click or a retry posts once. A declined card charged and
  // posted nothing, and the processor answers a key's first outcome again: another card (or the
  // same one tried again) needs a new key.
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [amount, setAmount] = useState(props.suggestedCents ? (props.suggestedCents / 100).toFixed(2) : '');
  const [method, setMethod] = useState<PaymentInput['method']>(props.defaultMethod ?? 'cash');
  const [reference, setReference] = useState('');
  const [cardLast4, setCardLast4] = useState('');
  const [cardToken, setCardToken] = useState('');
  // With a card gateway the card is charged here from its token; without, it was taken on a terminal.
  const gateway = useMe().data?.payments.cardGateway === true;
  const [locationId, setLocationId] = useState<string | null>(props.locationId ?? selected);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const saving = useSubmit((body: PaymentInput) => api.POST('/api/payments', { body, headers: { 'idempotency-key': key } }), {
    invalidate: [accountKeys.account(props.patientId), accountKeys.payments(props.patientId), accountKeys.allExpectedCopays()],
    onSuccess: (p) => props.onPosted(p),
    onProblem: (problem) => {
      if (problem.code === 'CARD_DECLINED') setKey(crypto.randomUUID());
      setErrors(fieldErrors(problem));
      return problem.detail;
    },
  });
  const location = locationId ?? locations.data?.items[0]?.id ?? null;
  // A prefilled card copay: the one thing left to type is the card's last four digits.
  const focusCard = Boolean(props.suggestedCents) && props.defaultMethod === 'card';
  return (
    <form
      aria-label="Post a payment"
      onSubmit={(e) => {
        e.preventDefault();
        const cents = dollarsToCents(amount);
        if (cents === null || cents <= 0) return setErrors({ amountCents: 'Enter an amount such as 25.00.' });
        if (!location) return setErrors({ locationId: 'Choose the location taking the payment.' });
        setErrors({});
        void saving.submit({
          patientId: props.patientId,
          amountCents: cents,
          method,
          locationId: location,
          ...(method === 'card' && gateway
            ? { cardToken: cardToken.trim() }
            : {
                ...(reference.trim() && { reference: reference.trim() }),
                ...(method === 'card' && cardLast4 && { cardLast4 }),
              }),
          ...(note.trim() && { note: note.trim() }),
        });
      }}
    >
      <Stack gap="sm">
        <FormError error={saving.error} />
        <Group grow align="flex-start">
          <TextInput
            label="Amount"
            placeholder="25.00"
            leftSection="$"
            required
            value={amount}
            onChange={(e) => setAmount(e.currentTarget.value)}
            error={errors.amountCents}
            data-autofocus={focusCard ? undefined : true}
          />
          <Select
            label="Method"
            data={Object.entries(METHOD_LABELS).map(([value, label]) => ({ value, label }))}
            value={method}
            allowDeselect={false}
            onChange={(v) => v && setMethod(v as PaymentInput['method'])}
            error={errors.method}
          />
        </Group>
        {method === 'check' && (
          <TextInput
            label="Check number"
            required
            value={reference}
            onChange={(e) => setReference(e.currentTarget.value)}
            error={errors.reference}
            maxLength={100}
          />
        )}
        {method === 'card' && gateway && (
          <TextInput
            label="Card token"
            description="From the card reader or the hosted card form: the card is charged when you post."
            required
            data-autofocus={focusCard ? true : undefined}
            autoComplete="off"
            value={cardToken}
            onChange={(e) => setCardToken(e.currentTarget.value)}
            error={errors.cardToken}
            maxLength={200}
          />
        )}
        {method === 'card' && !gateway && (
          <Group grow align="flex-start">
            <TextInput
              label="Card's last four digits"
              required
              data-autofocus={focusCard ? true : undefined}
              inputMode="numeric"
              maxLength={4}
              value={cardLast4}
              onChange={(e) => setCardLast4(e.currentTarget.value.replace(/\D/g, ''))}
              error={errors.cardLast4}
            />
            <TextInput
              label="Terminal reference"
              value={reference}
              onChange={(e) => setReference(e.currentTarget.value)}
              error={errors.reference}
              maxLength={100}
            />
          </Group>
        )}
        <Select
          label="Location"
          data={(locations.data?.items ?? []).map((l) => ({ value: l.id, label: l.name }))}
          value={location}
          onChange={setLocationId}
          allowDeselect={false}
          error={errors.locationId}
        />
        <TextInput label="Note" value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} maxLength={500} />
        <SubmitRow label={props.submitLabel ?? 'Post payment'} busy={saving.busy} />
      </Stack>
    </form>
  );
}
