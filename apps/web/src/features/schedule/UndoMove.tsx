/** The text of a "moved" notification with its Undo button (a few seconds, hooks.ts UNDO_MS). */
import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';

export function UndoMove(props: { text: string; onUndo(): Promise<void> }) {
  const [busy, setBusy] = useState(false);
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm" data-testid="moved-notice">
      <Text size="sm">{props.text}</Text>
      <Button
        size="compact-sm"
        variant="light"
        loading={busy}
        onClick={async () => {
          setBusy(true);
          await props.onUndo();
          setBusy(false);
        }}
      >
        Undo
      </Button>
    </Group>
  );
}
