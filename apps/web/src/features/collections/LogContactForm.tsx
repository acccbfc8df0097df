/** Log a contact with a guarantor (POST /api/collections/contacts), with an optional promise to pay and follow-up date. */
import { Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { fieldErrors } from '../../api/problem.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { dollarsToCents } from '../../app/money.ts';
import { FormError, SubmitRow } from '../followups/fields.tsx';
import { CONTACT_LABELS, type ContactInput } from './collections-api.ts';
import { collectionKeys } from './query-keys.ts';

const TYPES = Object.entries(CONTACT_LABELS).map(([value, label]) => ({ value, label }));

export function LogContactForm(props: { guarantorKey: string; onLogged?(): void }) {
  const [type, setType] = useState<ContactInput['type']>('called');
  const [note, setNote] = useState('');
  const [promiseOn, setPromiseOn] = useState('');
  const [promiseAmount, setPromiseAmount] = useState('');
  const [followUpOn, setFollowUpOn] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const saving = useSubmit((body: ContactInput) => api.POST('/api/collections/contacts', { body }), {
    invalidate: [collectionKeys.worklists(), collectionKeys.contacts(props.guarantorKey)],
    onSuccess: () => {
      setNote('');
      setPromiseOn('');
      setPromiseAmount('');
      setFollowUpOn('');
      props.onLogged?.();
    },
    onProblem: (problem) => {
      setErrors(fieldErrors(problem));
      return problem.detail;
    },
  });
  return (
    <form
      aria-label="Log contact"
      onSubmit={(e) => {
        e.preventDefault();
        setErrors({});
        const cents = promiseAmount.trim() ? dollarsToCents(promiseAmount) : undefined;
        if (cents === null) {
          setErrors({ promiseCents: 'Type an amount such as 50.00' });
          return;
        }
        void saving.submit({
          guarantorKey: props.guarantorKey,
          type,
          ...(note.trim() && { note: note.trim() }),
          ...(promiseOn && { promiseOn }),
          ...(cents !== undefined && { promiseCents: cents }),
          ...(followUpOn && { followUpOn }),
        });
      }}
    >
      <Stack gap="xs">
        <Select
          label="Contact"
          data={TYPES}
          value={type}
          onChange={(v) => v && setType(v as ContactInput['type'])}
          allowDeselect={false}
          error={errors.type}
        />
        <Textarea
          label="Note"
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={errors.note}
          rows={2}
          maxLength={2000}
        />
        <Group grow align="flex-start">
          <TextInput
            label="Promise to pay on"
            type="date"
            value={promiseOn}
            onChange={(e) => setPromiseOn(e.currentTarget.value)}
            error={errors.promiseOn}
          />
          <TextInput
            label="Promised amount ($)"
            inputMode="decimal"
            value={promiseAmount}
            onChange={(e) => setPromiseAmount(e.currentTarget.value)}
            error={errors.promiseCents}
          />
          <TextInput
            label="Follow up on"
            type="date"
            value={followUpOn}
            onChange={(e) => setFollowUpOn(e.currentTarget.value)}
            error={errors.followUpOn}
          />
        </Group>
        <FormError error={saving.error} />
        <SubmitRow label="Log contact" busy={saving.busy} />
      </Stack>
    </form>
  );
}
