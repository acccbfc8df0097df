/**
 * Payables: the bills vendors sent (filters: open, due in 7 days, overdue, paid, void, all; one
 * vendor), entering a bill with its invoice file, paying one (check number or transfer
 * reference), voiding one nothing was paid on; the vendor list (add, edit, take off the list);
 * the aging by days past due with its CSV. Needs payables:read; changes payables:manage.
 */
import { Alert, Badge, Button, Group, Modal, Select, Stack, Switch, Table, TextInput } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { fieldErrors, problemLine } from '../../api/problem.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { displayPhone } from '../../app/format-phone.ts';
import { useCan } from '../auth/use-me.ts';
import { CATEGORY_LABELS, CATEGORY_OPTIONS, type Category, type Vendor } from './payables-api.ts';
import { payablesKeys } from './query-keys.ts';
import { useVendors, VENDOR_LABELS } from './payables-common.ts';

export function VendorsPanel() {
  const can = useCan();
  const manage = can('payables:manage');
  const vendors = useVendors(true);
  const [editing, setEditing] = useState<Vendor | 'new' | null>(null);
  return (
    <Stack gap="sm">
      <Group justify="flex-end">{manage && <Button onClick={() => setEditing('new')}>Add a vendor</Button>}</Group>
      {vendors.isError && <Alert color="red">{vendors.error.message}</Alert>}
      <Table.ScrollContainer minWidth={720}>
        <Table striped aria-label="Vendors" data-testid="vendors">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Contact</Table.Th>
              <Table.Th>Phone</Table.Th>
              <Table.Th>Email</Table.Th>
              <Table.Th>Usual category</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>
                <span className="visually-hidden">Actions</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(vendors.data ?? []).map((v) => (
              <Table.Tr key={v.id}>
                <Table.Td>{v.name}</Table.Td>
                <Table.Td>{v.contactName ?? '—'}</Table.Td>
                <Table.Td>{v.phone ? displayPhone(v.phone) : '—'}</Table.Td>
                <Table.Td>{v.email ?? '—'}</Table.Td>
                <Table.Td>{CATEGORY_LABELS[v.defaultCategory]}</Table.Td>
                <Table.Td>{v.active ? <Badge color="green">Active</Badge> : <Badge color="gray">Inactive</Badge>}</Table.Td>
                <Table.Td>
                  {manage && (
                    <Button size="xs" variant="light" onClick={() => setEditing(v)} aria-label={`Edit ${v.name}`}>
                      Edit
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
            {vendors.data?.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={7}>No vendors yet.</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? 'Add a vendor' : `Edit ${editing?.name ?? ''}`}
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        {editing && <VendorForm vendor={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      </Modal>
    </Stack>
  );
}

export function VendorForm({ vendor, onDone }: { vendor: Vendor | null; onDone: () => void }) {
  const [name, setName] = useState(vendor?.name ?? '');
  const [contactName, setContactName] = useState(vendor?.contactName ?? '');
  const [phone, setPhone] = useState(vendor?.phone ? displayPhone(vendor.phone) : '');
  const [email, setEmail] = useState(vendor?.email ?? '');
  const [defaultCategory, setDefaultCategory] = useState<Category>(vendor?.defaultCategory ?? 'other_expense');
  const [taxId, setTaxId] = useState(vendor?.taxId ?? '');
  const [active, setActive] = useState(vendor?.active ?? true);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const saving = useSubmit(
    () => {
      const body = {
        name: name.trim(),
        contactName: contactName.trim() || null,
        // The phone as shown, (303) 555-0142, is the stored one unless edited.
        ...(phone !== (vendor?.phone ? displayPhone(vendor.phone) : '') && { phone: phone.trim() || null }),
        email: email.trim() || null,
        defaultCategory,
        taxId: taxId.trim() || null,
      };
      return vendor
        ? api.PATCH('/api/vendors/{id}', {
            params: { path: { id: vendor.id } },
            body: { ...body, active },
            headers: { 'if-match': `"${vendor.version}"` },
          })
        : api.POST('/api/vendors', { body });
    },
    {
      invalidate: [payablesKeys.all()],
      onSuccess: onDone,
      onProblem: (p) => {
        if (p.status === 412) return 'Someone changed this vendor meanwhile: close and open it again.';
        setErrors(fieldErrors(p));
        return problemLine(p, VENDOR_LABELS, (path) => path in VENDOR_LABELS);
      },
    },
  );
  return (
    <form
      aria-label={vendor ? 'Edit a vendor' : 'Add a vendor'}
      onSubmit={(e) => {
        e.preventDefault();
        void saving.submit();
      }}
    >
      <Stack gap="sm">
        {saving.error && (
          <Alert color="red" role="alert">
            {saving.error}
          </Alert>
        )}
        <TextInput
          label="Name"
          required
          maxLength={200}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
          data-autofocus
        />
        <TextInput
          label="Contact"
          maxLength={200}
          value={contactName}
          onChange={(e) => setContactName(e.currentTarget.value)}
          error={errors.contactName}
        />
        <Group grow align="flex-start">
          <TextInput
            label="Phone"
            placeholder="(303) 555-0142"
            value={phone}
            onChange={(e) => setPhone(e.currentTarget.value)}
            error={errors.phone}
          />
          <TextInput label="Email" type="email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={errors.email} />
        </Group>
        <Group grow align="flex-start">
          <Select
            label="Usual expense category"
            data={CATEGORY_OPTIONS}
            allowDeselect={false}
            value={defaultCategory}
            onChange={(v) => v && setDefaultCategory(v as Category)}
            error={errors.defaultCategory}
          />
          <TextInput
            label="Tax id"
            placeholder="12-3456789"
            value={taxId}
            onChange={(e) => setTaxId(e.currentTarget.value)}
            error={errors.taxId}
          />
        </Group>
        {vendor && <Switch label="Active (offered for new bills)" checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={saving.busy}>
            {vendor ? 'Save' : 'Add vendor'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
