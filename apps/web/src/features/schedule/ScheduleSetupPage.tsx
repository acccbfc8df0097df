/**
 * Schedule set-up (schedule:manage): per provider at the selected location, weekly hours, exceptions and the
 * calendar feed; the practice's appointment types; the practice-wide schedule settings for users with settings:manage.
 */
import { Loader, Select, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useSelectedLocation } from '../../app/use-selected-location.ts';
import { useCan } from '../auth/use-me.ts';
import { AppointmentTypesSection } from './AppointmentTypesSection.tsx';
import { ExceptionsTable } from './ExceptionsTable.tsx';
import { IcalFeedCard } from './IcalFeedCard.tsx';
import { ScheduleSettingsCard } from './ScheduleSettingsCard.tsx';
import { TemplatesTable } from './TemplatesTable.tsx';
import { providerName, useLocationZone, useProviders, useTemplates } from './schedule-api.ts';
import { todayIn, wallDay } from './zoned-time.ts';

export function ScheduleSetupPage() {
  const locationId = useSelectedLocation();
  const zone = useLocationZone(locationId);
  const providers = useProviders();
  const templates = useTemplates(locationId);
  const [chosen, setChosen] = useState<string | null>(null);
  const can = useCan();
  const providerId = chosen ?? providers.data?.[0]?.id ?? null;
  if (!locationId || !zone || !providerId) return <Loader aria-label="Loading" />;
  const today = wallDay(todayIn(zone));
  return (
    <Stack>
      <Title order={1}>Schedule set-up</Title>
      <Select
        label="Provider"
        data={(providers.data ?? []).map((p) => ({ value: p.id, label: providerName(p) }))}
        value={providerId}
        onChange={setChosen}
        allowDeselect={false}
        w={300}
      />
      <TemplatesTable
        providerId={providerId}
        locationId={locationId}
        templates={(templates.data ?? []).filter((t) => t.providerId === providerId)}
        today={today}
      />
      <ExceptionsTable providerId={providerId} locationId={locationId} today={today} />
      <IcalFeedCard providerId={providerId} />
      <AppointmentTypesSection />
      {can('settings:manage') && <ScheduleSettingsCard />}
    </Stack>
  );
}
