/** Letters: the templates (editor with merge fields and a preview), batch letters and the mail log. Single letters are written from the chart. */
import { Stack, Tabs, Text, Title } from '@mantine/core';
import { BatchLettersPanel } from './BatchLettersPanel.tsx';
import { MailLogPanel } from './MailLogPanel.tsx';
import { TemplatesPanel } from './TemplatesPanel.tsx';

export function LettersPage() {
  return (
    <Stack>
      <Title order={1}>Letters</Title>
      <Text size="sm" c="dimmed">
        Write a single letter from the patient’s chart (Letters tab); send batch letters and keep the templates here.
      </Text>
      <Tabs defaultValue="templates" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="templates">Templates</Tabs.Tab>
          <Tabs.Tab value="batches">Batch letters</Tabs.Tab>
          <Tabs.Tab value="log">Mail log</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="templates">
          <TemplatesPanel />
        </Tabs.Panel>
        <Tabs.Panel value="batches">
          <BatchLettersPanel />
        </Tabs.Panel>
        <Tabs.Panel value="log">
          <MailLogPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
