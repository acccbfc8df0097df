/** Admin → Audit: the trail (filters, sorting, CSV export), the integrity check, and the break-glass review. */
import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { AuditFiltersBar } from './AuditFiltersBar.tsx';
import { AuditTrail } from './AuditTrail.tsx';
import { useAuditClock } from './audit-clock.ts';
import { type AuditFilters, EMPTY_FILTERS } from './audit-api.ts';
import { BreakGlassReport } from './BreakGlassReport.tsx';
import { VerifyChain } from './VerifyChain.tsx';

export function AuditPage() {
  const [filters, setFilters] = useState<AuditFilters>(EMPTY_FILTERS);
  const clock = useAuditClock();
  return (
    <Stack>
      <Title order={1}>Audit</Title>
      <VerifyChain />
      <Text size="sm" data-testid="audit-zone">
        Times are shown in {clock.label}.
      </Text>
      <Tabs defaultValue="trail" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="trail">Audit trail</Tabs.Tab>
          <Tabs.Tab value="break-glass">Break-glass</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="trail" pt="md">
          <Stack>
            <AuditFiltersBar value={filters} zone={clock.zone} onChange={setFilters} />
            <AuditTrail filters={filters} zone={clock.zone} onSort={(sort) => setFilters({ ...filters, sort })} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="break-glass" pt="md">
          <BreakGlassReport zone={clock.zone} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
