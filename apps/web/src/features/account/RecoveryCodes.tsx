/** The ten recovery codes, shown once right after MFA is turned on. */
import { Alert, Button, Code, CopyButton, Group, SimpleGrid, Stack, Text } from '@mantine/core';

export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  return (
    <Stack>
      <Alert color="yellow" title="Save your recovery codes now">
        Each code signs you in once if you lose your phone. They are shown only this once: print them or keep them in a password manager.
      </Alert>
      <SimpleGrid cols={2} maw={320} data-testid="recovery-codes">
        {codes.map((c) => (
          <Code key={c} fz="md">
            {c}
          </Code>
        ))}
      </SimpleGrid>
      <Group>
        <CopyButton value={codes.join('\n')}>
          {({ copied, copy }) => (
            <Button variant="light" onClick={copy}>
              {copied ? 'Copied' : 'Copy codes'}
            </Button>
          )}
        </CopyButton>
        <Button onClick={onDone}>I have saved them</Button>
      </Group>
      <Text size="xs" c="dimmed">
        Lost them? An administrator can reset your MFA; you then enrol again.
      </Text>
    </Stack>
  );
}
