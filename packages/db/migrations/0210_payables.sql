-- Payables (payables module): the practice's vendors, the bills they send, and what was paid on
-- each. A bill posts Dr its expense account, Cr accounts payable; a payment Dr accounts payable,
-- Cr bank (ledger, in the same transaction). A bill is never paid past its amount: paid_cents is
-- kept on the bill, raised under the bill's row lock, and checked here.

create table vendors (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  name text not null check (length(name) between 1 and 200),
  contact_name text check (length(contact_name) between 1 and 200),
  -- { line1, line2?, city, state, zip }
  address jsonb check (address is null or jsonb_typeof(address) = 'object'),
  phone text check (length(phone) between 1 and 40),
  email text check (length(email) between 3 and 254),
  default_category text not null default 'other_expense'
    check (default_category in ('supplies', 'rent', 'utilities', 'payroll', 'services', 'other_expense')),
  tax_id text check (length(tax_id) between 1 and 20),
  active boolean not null default true,
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, id)
);
-- One vendor of a name per practice (case and spacing ignored).
create unique index vendors_name on vendors (organization_id, lower(btrim(name)));
-- The list: by name, keyset (name, id).
create index vendors_list on vendors (organization_id, name, id);

create table bills (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null,
  vendor_id uuid not null,
  invoice_number text not null check (length(invoice_number) between 1 and 60),
  invoice_date date not null,
  due_date date not null,
  amount_cents bigint not null check (amount_cents between 1 and 9999999999),
  paid_cents bigint not null default 0 check (paid_cents >= 0),
  category text not null check (category in ('supplies', 'rent', 'utilities', 'payroll', 'services', 'other_expense')),
  memo text not null default '' check (length(memo) <= 500),
  invoice_document_id uuid,
  status text not null default 'open' check (status in ('open', 'partially_paid', 'paid', 'void')),
  void_reason text check (length(void_reason) between 1 and 500),
  voided_at timestamptz,
  entered_by uuid references users (id),
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, id),
  -- The invoice number is the vendor's: unique per vendor.
  unique (organization_id, vendor_id, invoice_number),
  check (due_date >= invoice_date),
  check (paid_cents <= amount_cents),
  -- The status says what was paid: nothing (open or void), some, all.
  check (status <> 'open' or paid_cents = 0),
  check (status <> 'partially_paid' or (paid_cents > 0 and paid_cents < amount_cents)),
  check (status <> 'paid' or paid_cents = amount_cents),
  -- Only an unpaid bill is voided, with its reason.
  check ((status = 'void') = (void_reason is not null)),
  check (status <> 'void' or (paid_cents = 0 and voided_at is not null)),
  foreign key (organization_id, vendor_id) references vendors (organization_id, id)
);
-- The lists: by due date (open, due soon, overdue), by vendor, keyset (due_date, id).
create index bills_due on bills (organization_id, due_date, id) where status in ('open', 'partially_paid');
create index bills_list on bills (organization_id, due_date, id);
create index bills_vendor on bills (organization_id, vendor_id, due_date, id);

-- The invoice as received (PDF or image): checked and stored like scanned documents (the
-- documents module's inspection and storage), the SHA-256 checked on every read.
create table bill_invoices (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null,
  bill_id uuid not null,
  file_name text not null check (length(file_name) between 1 and 200),
  content_type text not null check (content_type in ('application/pdf', 'image/jpeg', 'image/png', 'image/tiff')),
  size_bytes integer not null check (size_bytes > 0),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  storage_key text not null unique,
  uploaded_by uuid references users (id),
  created_at timestamptz not null default now(),
  unique (organization_id, id),
  foreign key (organization_id, bill_id) references bills (organization_id, id)
);
create index bill_invoices_bill on bill_invoices (bill_id);
comment on table bill_invoices is 'append-only: invoice files received for bills (a bill points at its latest)';

alter table bills
  add foreign key (organization_id, invoice_document_id) references bill_invoices (organization_id, id);

create table bill_payments (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null,
  bill_id uuid not null,
  amount_cents bigint not null check (amount_cents between 1 and 9999999999),
  paid_on date not null,
  method text not null check (method in ('check', 'transfer', 'card')),
  -- The check number, or the transfer's (or card's) reference.
  reference text check (length(reference) between 1 and 100),
  paid_by uuid references users (id),
  created_at timestamptz not null default now(),
  unique (organization_id, id),
  check (method = 'card' or reference is not null),
  foreign key (organization_id, bill_id) references bills (organization_id, id)
);
create index bill_payments_bill on bill_payments (bill_id, paid_on, created_at);
comment on table bill_payments is 'append-only: money paid on a bill';

do $$
declare
  t text;
begin
  foreach t in array array['vendors', 'bills', 'bill_invoices', 'bill_payments'] loop
    execute format('alter table %I enable row level security', t);
    execute format(
      'create policy tenant_isolation on %I using (clinicdesk_tenant_visible(organization_id)) with check (clinicdesk_tenant_visible(organization_id))',
      t);
  end loop;
end $$;
