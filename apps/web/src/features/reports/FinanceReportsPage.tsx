/**
 * Finance reports: A/R aging, days in A/R, collections and adjustments, payments by method, the
 * trial balance and the general-ledger export. Each chart has a title and sits beside a table
 * that carries its numbers (the table is what a screen reader reads; the chart itself is one
 * named image); every tab downloads its CSV. Chart colours are theme shades with at least 3:1
 * against the white page.
 */
import {
  Alert,
  Box,
  Button,
  Group,
  Loader,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
  useMantineTheme,
} from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { money } from '../../app/money.ts';
import {
  arAgingQuery,
  BUCKETS,
  type CollectionsReport,
  collectionsQuery,
  daysInArQuery,
  downloadCsv,
  type Period,
  paymentsByMethodQuery,
  trialBalanceQuery,
} from './reports-api.ts';

/** Theme shades with at least 3:1 contrast on white (blue-8 5.0:1, teal-9, orange-9, red-9, grape-9), for chart marks. */
const SHADES = [
  ['blue', 8],
  ['teal', 9],
  ['orange', 9],
  ['red', 9],
  ['grape', 9],
] as const;

function useChartColors(): (i: number) => string {
  const theme = useMantineTheme();
  return (i: number) => {
    const [hue, shade] = SHADES[i % SHADES.length] ?? SHADES[0];
    return theme.colors[hue]?.[shade] ?? '#1971c2';
  };
}

const dollars = (cents: number) => money(cents);
const axisDollars = (cents: number) => `$${Math.round(cents / 100).toLocaleString('en-US')}`;

/** A "Download CSV" button: downloads the report's CSV with the filters shown. */
function CsvButton({ path, params, label = 'Download CSV' }: { path: string; params: Record<string, string>; label?: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Stack gap={4}>
      <Button
        variant="default"
        leftSection={<IconDownload size={16} aria-hidden />}
        loading={busy}
        onClick={() => {
          setBusy(true);
          setError(null);
          downloadCsv(path, { ...params, ...(path.startsWith('/api/reports/') ? { format: 'csv' } : {}) })
            .catch((e: Error) => setError(e.message))
            .finally(() => setBusy(false));
        }}
      >
        {label}
      </Button>
      {error && (
        <Text size="sm" c="red" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}

/** A chart with its visible title: one image named by the title for assistive technology (the table beside it has the numbers). */
function Chart({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {title}
      </Title>
      <div role="img" aria-label={`${title} (chart; the table has the figures)`} data-testid="report-chart">
        <ResponsiveContainer width="100%" height={300}>
          {children}
        </ResponsiveContainer>
      </div>
    </Stack>
  );
}

/** A table that may scroll sideways: a named, focusable region, so keyboard users can scroll it too. */
function Scroll({ label, minWidth, children }: { label: string; minWidth: number; children: ReactNode }) {
  return (
    <Box tabIndex={0} role="region" aria-label={`${label} (scrolls sideways)`} style={{ overflowX: 'auto' }}>
      <Box miw={minWidth}>{children}</Box>
    </Box>
  );
}

function Pending({ query, what }: { query: { isPending: boolean; isError: boolean; error: Error | null }; what: string }) {
  if (query.isPending) return <Loader aria-label={`Loading ${what}`} />;
  if (query.isError) return <Alert color="red">{query.error?.message}</Alert>;
  return null;
}

const DayInput = ({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) => (
  <TextInput type="date" label={label} value={value} onChange={(e) => onChange(e.currentTarget.value)} w={170} />
);

function ArAgingTab() {
  const color = useChartColors();
  const [asOf, setAsOf] = useState('');
  const q = useQuery(arAgingQuery({ asOf }));
  const r = q.data;
  const chartRows = r
    ? [...r.insurance.items.map((i) => ({ name: i.payerName, ...i.aging })), { name: 'Patients', ...r.patient.aging }]
    : [];
  return (
    <Stack>
      <Group align="flex-end">
        <DayInput label="As of" value={asOf} onChange={setAsOf} />
        <CsvButton path="/api/reports/ar-aging" params={{ asOf }} />
      </Group>
      <Pending query={q} what="A/R aging" />
      {r && (
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          <Chart title={`A/R aging on ${r.asOf}`}>
            <BarChart data={chartRows}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="name" />
              <YAxis tickFormatter={axisDollars} width={80} />
              <Tooltip formatter={(v) => dollars(Number(v))} />
              <Legend />
              {BUCKETS.map((b, i) => (
                <Bar key={b} dataKey={b} name={`${b} days`} stackId="aging" fill={color(i)} />
              ))}
            </BarChart>
          </Chart>
          <Scroll label="A/R aging table" minWidth={640}>
            <Table striped aria-label="A/R aging" data-testid="ar-aging-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Owed by</Table.Th>
                  {BUCKETS.map((b) => (
                    <Table.Th key={b} scope="col" ta="right">
                      {b}
                    </Table.Th>
                  ))}
                  <Table.Th scope="col" ta="right">
                    Total
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[
                  ...r.insurance.items.map((i) => ({ key: i.payerId ?? 'none', name: i.payerName, aging: i.aging, total: i.totalCents })),
                  { key: 'insurance', name: 'All payers', aging: r.insurance.aging, total: r.insurance.totalCents, strong: true },
                  { key: 'patient', name: 'Patients', aging: r.patient.aging, total: r.patient.totalCents, strong: true },
                  { key: 'total', name: 'Total', aging: r.total.aging, total: r.total.totalCents, strong: true },
                ].map((row) => (
                  <Table.Tr key={row.key} fw={'strong' in row ? 700 : undefined}>
                    <Table.Th scope="row">{row.name}</Table.Th>
                    {BUCKETS.map((b) => (
                      <Table.Td key={b} ta="right">
                        {dollars(row.aging[b])}
                      </Table.Td>
                    ))}
                    <Table.Td ta="right">{dollars(row.total)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Scroll>
        </SimpleGrid>
      )}
    </Stack>
  );
}

function DaysInArTab() {
  const [asOf, setAsOf] = useState('');
  const [days, setDays] = useState('90');
  const q = useQuery(daysInArQuery({ asOf, days: /^\d+$/.test(days) ? days : '' }));
  const r = q.data;
  return (
    <Stack>
      <Group align="flex-end">
        <DayInput label="As of" value={asOf} onChange={setAsOf} />
        <TextInput
          label="Days of charges"
          value={days}
          onChange={(e) => setDays(e.currentTarget.value.trim())}
          inputMode="numeric"
          w={140}
        />
        <CsvButton path="/api/reports/days-in-ar" params={{ asOf, days }} />
      </Group>
      <Pending query={q} what="days in A/R" />
      {r && (
        <Stack gap="xs">
          <Title order={3} size="h4" data-testid="days-in-ar">
            {r.daysInAr === null ? 'No charges in the window' : `${r.daysInAr.toFixed(1)} days in A/R`}
          </Title>
          <Table aria-label="Days in A/R inputs" w="auto">
            <Table.Tbody>
              {[
                ['As of', r.asOf],
                ['Charges from', `${r.from} (${r.days} days)`],
                ['Insurance A/R', dollars(r.insuranceArCents)],
                ['Patient A/R', dollars(r.patientArCents)],
                ['Total A/R', dollars(r.totalArCents)],
                ['Gross charges in the window', dollars(r.grossChargesCents)],
                ['Average daily charges', dollars(r.averageDailyChargesCents)],
              ].map(([k, v]) => (
                <Table.Tr key={k}>
                  <Table.Th scope="row">{k}</Table.Th>
                  <Table.Td ta="right">{v}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="sm" c="dimmed">
            Days in A/R = total A/R ÷ (gross charges ÷ days).
          </Text>
        </Stack>
      )}
    </Stack>
  );
}

const PERIODS = [
  { value: 'day', label: 'Day' },
  { value: 'week', label: 'Week' },
  { value: 'month', label: 'Month' },
];

const COLLECTION_SERIES = [
  ['insurancePaymentsCents', 'Insurance payments'],
  ['patientPaymentsCents', 'Patient payments'],
  ['contractualAdjustmentsCents', 'Contractual adjustments'],
  ['otherAdjustmentsCents', 'Other payer adjustments'],
  ['writeOffsCents', 'Write-offs'],
  ['refundsCents', 'Refunds'],
] as const;

function CollectionsTab() {
  const color = useChartColors();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [period, setPeriod] = useState<Period>('month');
  const q = useQuery(collectionsQuery({ from, to, period }));
  const r = q.data;
  return (
    <Stack>
      <Group align="flex-end">
        <DayInput label="From" value={from} onChange={setFrom} />
        <DayInput label="To" value={to} onChange={setTo} />
        <Select
          label="By"
          data={PERIODS}
          value={period}
          onChange={(v) => setPeriod((v as Period) ?? 'month')}
          allowDeselect={false}
          w={120}
        />
        <CsvButton path="/api/reports/collections" params={{ from, to, period }} />
        <CsvButton path="/api/reports/collections" params={{ from, to, period, view: 'reasons' }} label="Download reasons CSV" />
      </Group>
      <Pending query={q} what="collections" />
      {r && (
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          <Chart title={`Collections and adjustments, ${r.from} to ${r.to}`}>
            <LineChart data={r.items}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="periodStart" />
              <YAxis tickFormatter={axisDollars} width={80} />
              <Tooltip formatter={(v) => dollars(Number(v))} />
              <Legend />
              {COLLECTION_SERIES.slice(0, 5).map(([key, name], i) => (
                <Line key={key} type="monotone" dataKey={key} name={name} stroke={color(i)} strokeWidth={2} />
              ))}
            </LineChart>
          </Chart>
          <Scroll label="Collections table" minWidth={760}>
            <Table striped aria-label="Collections and adjustments" data-testid="collections-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Period from</Table.Th>
                  {COLLECTION_SERIES.map(([key, name]) => (
                    <Table.Th key={key} scope="col" ta="right">
                      {name}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...r.items.map((i) => ({ label: i.periodStart, ...i })), { label: 'Total', ...r.totals }].map((row) => (
                  <Table.Tr key={row.label}>
                    <Table.Th scope="row">{row.label}</Table.Th>
                    {COLLECTION_SERIES.map(([key]) => (
                      <Table.Td key={key} ta="right">
                        {dollars(row[key])}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Scroll>
        </SimpleGrid>
      )}
      {r && <AdjustmentReasons report={r} />}
    </Stack>
  );
}

const CATEGORY_LABELS: Record<string, string> = {
  contractual: 'Contractual',
  other_payer: 'Other payer',
  patient_responsibility: 'Patient responsibility',
  write_off: 'Write-off',
  refund: 'Refund',
  provider: 'Provider-level',
};

/** A reason as a person reads it: CARC codes as they are (CO-45), the practice's own kinds in words. */
const REASON_LABELS: Record<string, string> = {
  claim_write_off: 'Claim write-off',
  small_balance_write_off: 'Small-balance write-off',
  refund: 'Refund to patient',
};
const reasonLabel = (reason: string) => REASON_LABELS[reason] ?? reason;

/** Adjustments, write-offs and refunds by reason: the range's totals as bars, and every period's rows in the table. */
function AdjustmentReasons({ report: r }: { report: CollectionsReport }) {
  const color = useChartColors();
  const bars = r.reasonTotals.map((t) => ({ name: reasonLabel(t.reason), cents: t.cents }));
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }}>
      <Chart title={`Adjustments by reason, ${r.from} to ${r.to}`}>
        <BarChart data={bars} layout="vertical">
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" tickFormatter={axisDollars} />
          <YAxis type="category" dataKey="name" width={170} />
          <Tooltip formatter={(v) => dollars(Number(v))} />
          <Bar dataKey="cents" name="Amount" fill={color(0)} />
        </BarChart>
      </Chart>
      <Scroll label="Adjustments by reason table" minWidth={520}>
        <Table striped aria-label="Adjustments by reason" data-testid="adjustment-reasons-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Period from</Table.Th>
              <Table.Th scope="col">Kind</Table.Th>
              <Table.Th scope="col">Reason</Table.Th>
              <Table.Th scope="col" ta="right">
                Amount
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.byReason.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={4}>No adjustments with a reason in this range.</Table.Td>
              </Table.Tr>
            )}
            {[
              ...r.byReason.map((i) => ({ label: i.periodStart, ...i })),
              ...r.reasonTotals.map((t) => ({ label: 'Total', periodStart: 'total', ...t })),
            ].map((row) => (
              <Table.Tr key={`${row.periodStart}-${row.category}-${row.reason}`}>
                <Table.Th scope="row">{row.label}</Table.Th>
                <Table.Td>{CATEGORY_LABELS[row.category] ?? row.category}</Table.Td>
                <Table.Td>{reasonLabel(row.reason)}</Table.Td>
                <Table.Td ta="right">{dollars(row.cents)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Scroll>
    </SimpleGrid>
  );
}

const METHOD_LABELS: Record<string, string> = { cash: 'Cash', check: 'Check', card: 'Card' };

function PaymentsByMethodTab() {
  const color = useChartColors();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const q = useQuery(paymentsByMethodQuery({ from, to }));
  const r = q.data;
  return (
    <Stack>
      <Group align="flex-end">
        <DayInput label="From" value={from} onChange={setFrom} />
        <DayInput label="To" value={to} onChange={setTo} />
        <CsvButton path="/api/reports/payments-by-method" params={{ from, to }} />
      </Group>
      <Pending query={q} what="payments by method" />
      {r && (
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          <Chart title={`Patient payments by method, ${r.from} to ${r.to}`}>
            <BarChart data={r.byMethod.map((m) => ({ name: METHOD_LABELS[m.method] ?? m.method, amountCents: m.amountCents }))}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="name" />
              <YAxis tickFormatter={axisDollars} width={80} />
              <Tooltip formatter={(v) => dollars(Number(v))} />
              <Bar dataKey="amountCents" name="Amount" fill={color(0)} />
            </BarChart>
          </Chart>
          <Stack>
            <Table striped aria-label="Payments by method" data-testid="payments-by-method-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Method</Table.Th>
                  <Table.Th scope="col" ta="right">
                    Payments
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    Amount
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    Refunded
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...r.byMethod.map((m) => ({ label: METHOD_LABELS[m.method] ?? m.method, ...m })), { label: 'Total', ...r.total }].map(
                  (m) => (
                    <Table.Tr key={m.label}>
                      <Table.Th scope="row">{m.label}</Table.Th>
                      <Table.Td ta="right">{m.count}</Table.Td>
                      <Table.Td ta="right">{dollars(m.amountCents)}</Table.Td>
                      <Table.Td ta="right">{dollars(m.refundedCents)}</Table.Td>
                    </Table.Tr>
                  ),
                )}
              </Table.Tbody>
            </Table>
            <Table striped aria-label="Payments by location and user">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Location</Table.Th>
                  <Table.Th scope="col">Method</Table.Th>
                  <Table.Th scope="col">Posted by</Table.Th>
                  <Table.Th scope="col" ta="right">
                    Payments
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    Amount
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.items.map((i) => (
                  <Table.Tr key={`${i.locationId}:${i.method}:${i.userId ?? ''}`}>
                    <Table.Td>{i.locationName}</Table.Td>
                    <Table.Td>{METHOD_LABELS[i.method] ?? i.method}</Table.Td>
                    <Table.Td>{i.userName ?? 'System'}</Table.Td>
                    <Table.Td ta="right">{i.count}</Table.Td>
                    <Table.Td ta="right">{dollars(i.amountCents)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        </SimpleGrid>
      )}
    </Stack>
  );
}

function TrialBalanceTab() {
  const [asOf, setAsOf] = useState('');
  const q = useQuery(trialBalanceQuery({ asOf }));
  const r = q.data;
  return (
    <Stack>
      <Group align="flex-end">
        <DayInput label="Through" value={asOf} onChange={setAsOf} />
        <CsvButton path="/api/reports/trial-balance" params={{ asOf }} />
      </Group>
      <Pending query={q} what="trial balance" />
      {r && (
        <Scroll label="Trial balance table" minWidth={560}>
          <Table striped aria-label={`Trial balance through ${r.asOf}`} data-testid="trial-balance-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Account</Table.Th>
                <Table.Th scope="col">Name</Table.Th>
                <Table.Th scope="col" ta="right">
                  Debit
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  Credit
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.items.map((i) => (
                <Table.Tr key={i.account}>
                  <Table.Td>{i.account}</Table.Td>
                  <Table.Th scope="row">{i.accountName}</Table.Th>
                  <Table.Td ta="right">{i.debitCents ? dollars(i.debitCents) : ''}</Table.Td>
                  <Table.Td ta="right">{i.creditCents ? dollars(i.creditCents) : ''}</Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr fw={700}>
                <Table.Td />
                <Table.Th scope="row">Total</Table.Th>
                <Table.Td ta="right">{dollars(r.totalDebitCents)}</Table.Td>
                <Table.Td ta="right">{dollars(r.totalCreditCents)}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Scroll>
      )}
    </Stack>
  );
}

function JournalExportTab() {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  return (
    <Stack>
      <Text size="sm">
        The general-ledger journal for the outside accountant: one row per journal line (entry, posting day, kind, memo, account, debit and
        credit in dollars, what posted it, location). At most 366 days at a time; the last 30 days when no dates are given.
      </Text>
      <Group align="flex-end">
        <DayInput label="From" value={from} onChange={setFrom} />
        <DayInput label="To" value={to} onChange={setTo} />
        <CsvButton path="/api/ledger/journal.csv" params={{ from, to }} label="Download journal CSV" />
      </Group>
    </Stack>
  );
}

/** The report tabs, in order: each one's value, label and panel. */
const TABS = [
  { value: 'aging', label: 'A/R aging', Panel: ArAgingTab },
  { value: 'days', label: 'Days in A/R', Panel: DaysInArTab },
  { value: 'collections', label: 'Collections and adjustments', Panel: CollectionsTab },
  { value: 'methods', label: 'Payments by method', Panel: PaymentsByMethodTab },
  { value: 'trial-balance', label: 'Trial balance', Panel: TrialBalanceTab },
  { value: 'journal', label: 'GL export', Panel: JournalExportTab },
] as const;

export function FinanceReportsPage() {
  return (
    <Stack>
      <Title order={1}>Finance reports</Title>
      <Tabs defaultValue="aging" keepMounted={false}>
        <Tabs.List>
          {TABS.map((t) => (
            <Tabs.Tab key={t.value} value={t.value}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {TABS.map(({ value, Panel }) => (
          <Tabs.Panel key={value} value={value} pt="md">
            <Panel />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
