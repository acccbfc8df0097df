/**
 * Signing (or co-signing) a note: the user re-enters their password, or their authenticator code
 * when they use MFA. Pending edits are saved first; a note that cannot be signed yet (a procedure
 * without a diagnosis pointer) says why, and nothing is signed.
 */
import { Alert, Button, Group, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useSubmit } from '../../api/use-submit.ts';
import { useCurrentUser } from '../auth/use-me.ts';
import { cosignEncounter, signEncounter } from './encounters-api.ts';
import { encounterKeys } from './query-keys.ts';

export function SignDialog(props: {
  opened: boolean;
  mode: 'sign' | 'cosign';
  encounterId: string;
  patientId: string;
  /** Saves pending edits; false when something is left unsaved. */
  beforeSign(): Promise<boolean>;
  onClose(): void;
  onSigned(): void;
}) {
  const me = useCurrentUser();
  const mfa = me.user.mfaEnabled;
  const [secret, setSecret] = useState('');
  const [unsaved, setUnsaved] = useState(false);
  const verb = props.mode === 'sign' ? 'Sign' : 'Co-sign';
  const signing = useSubmit(
    (body: { password: string } | { totp: string }) =>
      props.mode === 'sign' ? signEncounter(props.encounterId, body) : cosignEncounter(props.encounterId, body),
    {
      invalidate: [encounterKeys.lists(), encounterKeys.patientTimeline(props.patientId)],
      onSuccess: () => {
        setSecret('');
        props.onSigned();
      },
      onProblem: (p) => {
        const lines = (p.errors ?? []).map((e) => e.message);
        if (p.status === 401 || (p.status === 403 && /password|code|credential/i.test(p.detail ?? '')))
          return mfa ? 'That code is not right. Try the current one.' : 'That password is not right.';
        return [p.detail || p.title, ...lines].filter(Boolean).join(' ');
      },
    },
  );
  const submit = async () => {
    setUnsaved(false);
    if (!(await props.beforeSign())) {
      setUnsaved(true);
      return;
    }
    await signing.submit(mfa ? { totp: secret.trim() } : { password: secret });
  };
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={`${verb} this note`} data-testid="sign-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <Text size="sm">
            {props.mode === 'sign'
              ? 'Once signed, the note is locked: it changes only by addendum.'
              : 'Co-signing completes the signature of this note.'}
          </Text>
          {mfa ? (
            <TextInput
              label="Authenticator code"
              inputMode="numeric"
              autoComplete="one-time-code"
              data-autofocus
              required
              value={secret}
              onChange={(e) => setSecret(e.currentTarget.value)}
            />
          ) : (
            <PasswordInput
              label="Your password"
              autoComplete="current-password"
              data-autofocus
              required
              value={secret}
              onChange={(e) => setSecret(e.currentTarget.value)}
            />
          )}
          {unsaved && (
            <Alert color="orange">The note has changes that are not saved yet. Resolve the autosave message first, then sign.</Alert>
          )}
          {signing.error && (
            <Alert color="red" data-testid="sign-error">
              {signing.error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={signing.busy} disabled={secret.trim() === ''}>
              {verb}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
