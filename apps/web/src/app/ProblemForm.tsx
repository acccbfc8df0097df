/**
 * A form that sends one change (a `useSubmit`): its fields, the problem's line in an alert when
 * the server refused (fields show their own messages from `saving.errors`, by the server's
 * field path), and the submit button, busy while the change is sent.
 */
import { Alert, Button, Group, Stack } from '@mantine/core';
import type { ReactNode } from 'react';

export interface ProblemFormProps {
  saving: { submit: () => unknown; busy: boolean; error: string | null };
  submitLabel: ReactNode;
  children: ReactNode;
  'aria-label'?: string;
  maw?: number;
  /** The button under the fields on the right (a dialog, the default) or on the left (a form on the page). */
  buttonAt?: 'end' | 'start';
  disabled?: boolean;
}

export function ProblemForm(props: ProblemFormProps) {
  const { saving } = props;
  return (
    <form
      aria-label={props['aria-label']}
      onSubmit={(e) => {
        e.preventDefault();
        void saving.submit();
      }}
    >
      <Stack gap="sm" maw={props.maw}>
        {props.children}
        {saving.error && (
          <Alert color="red" role="alert">
            {saving.error}
          </Alert>
        )}
        <Group justify={props.buttonAt === 'start' ? 'flex-start' : 'flex-end'}>
          <Button type="submit" loading={saving.busy} disabled={props.disabled}>
            {props.submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
