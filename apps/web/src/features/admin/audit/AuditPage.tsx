/** Admin → Audit: the trail (filters, sorting, CSV export), the integrity check, and the break-glass review. */
import { Stack, Tabs, Title } from '@mantine/core';
import { useState } from 'react';
import { AuditFiltersBar } from './AuditFiltersBar.tsx';
import { AuditTrail } from './AuditTrail.tsx';
import { type AuditFilters, EMPTY_FILTERS } from './audit-api.ts';
import { BreakGlassReport } from './BreakGlassReport.tsx';
import { VerifyChain } from './VerifyChain.tsx';

export function AuditPage() {
  const [filters, setFilters] = useState<AuditFilters>(EMPTY_FILTERS);
  return (
    <Stack>
      <Title order={1}>Audit</Title>
      <VerifyChain />
      <Tabs defaultValue="trail" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="trail">Audit trail</Tabs.Tab>
          <Tabs.Tab value="break-glass">Break-glass</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="trail" pt="md">
          <Stack>
            <AuditFiltersBar value={filters} onChange={setFilters} />
            <AuditTrail filters={filters} onSort={(sort) => setFilters({ ...filters, sort })} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="break-glass" pt="md">
          <BreakGlassReport />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
