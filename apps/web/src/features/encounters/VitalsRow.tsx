/**
 * The vitals row: blood pressure, heart rate, respiratory rate, SpO2, temperature (°F/°C),
 * weight (lb/kg), height (in/cm); BMI as the server computed it. Each field shows its own
 * message under it: "Enter a number" here, or the server's 400 for an implausible value.
 */
import { Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { type VitalsForm, vitalsInputErrors } from './draft-values.ts';

type NumberKey = 'systolic' | 'diastolic' | 'heartRate' | 'respiratoryRate' | 'spo2' | 'temperature' | 'weight' | 'height';

const FIELDS: { key: NumberKey; label: string; w: number; unit?: 'temperatureUnit' | 'weightUnit' | 'heightUnit'; units?: string[] }[] = [
  { key: 'systolic', label: 'BP systolic', w: 96 },
  { key: 'diastolic', label: 'BP diastolic', w: 96 },
  { key: 'heartRate', label: 'Heart rate', w: 88 },
  { key: 'respiratoryRate', label: 'Resp. rate', w: 88 },
  { key: 'spo2', label: 'SpO2 %', w: 80 },
  { key: 'temperature', label: 'Temperature', w: 96, unit: 'temperatureUnit', units: ['F', 'C'] },
  { key: 'weight', label: 'Weight', w: 88, unit: 'weightUnit', units: ['lb', 'kg'] },
  { key: 'height', label: 'Height', w: 88, unit: 'heightUnit', units: ['in', 'cm'] },
];

const UNIT_TEXT: Record<string, string> = { F: '°F', C: '°C', lb: 'lb', kg: 'kg', in: 'in', cm: 'cm' };

/** The server's message for a vitals field ('vitals.temperature.value' or 'vitals.temperature'). */
function serverError(errors: Record<string, string>, key: NumberKey): string | undefined {
  const prefix = `vitals.${key}`;
  const hit = Object.entries(errors).find(([path]) => path === prefix || path.startsWith(`${prefix}.`));
  return hit?.[1];
}

export function VitalsRow(props: {
  value: VitalsForm;
  bmi: number | null | undefined;
  errors: Record<string, string>;
  readOnly: boolean;
  onChange(value: VitalsForm): void;
}) {
  const local = vitalsInputErrors(props.value);
  const set = (patch: Partial<VitalsForm>) => props.onChange({ ...props.value, ...patch });
  return (
    <Stack gap={4} component="section" aria-labelledby="vitals-heading" id="encounter-vitals">
      <Title order={2} size="h4" id="vitals-heading">
        Vitals
      </Title>
      <Group gap="xs" align="flex-start" wrap="wrap" data-testid="vitals-row">
        {FIELDS.map((f) => (
          <Group key={f.key} gap={2} align="flex-start" wrap="nowrap">
            <TextInput
              label={f.label}
              w={f.w}
              inputMode="decimal"
              autoComplete="off"
              value={props.value[f.key]}
              readOnly={props.readOnly}
              error={local[f.key] ?? serverError(props.errors, f.key)}
              onChange={(e) => set({ [f.key]: e.currentTarget.value })}
              data-testid={`vital-${f.key}`}
            />
            {f.unit && f.units && (
              <NativeSelect
                aria-label={`${f.label} unit`}
                mt={25}
                w={64}
                disabled={props.readOnly}
                value={props.value[f.unit]}
                data={f.units.map((u) => ({ value: u, label: UNIT_TEXT[u] ?? u }))}
                onChange={(e) => set({ [f.unit as string]: e.currentTarget.value } as Partial<VitalsForm>)}
              />
            )}
          </Group>
        ))}
        <Stack gap={0} miw={64}>
          <Text size="sm" fw={500}>
            BMI
          </Text>
          <Text data-testid="vital-bmi" mt={6}>
            {props.bmi ?? '—'}
          </Text>
        </Stack>
      </Group>
    </Stack>
  );
}
