-- Sign-in lockouts, so a lockout is audited once per lockout window (not once per refused attempt),
-- and an administrator can see and clear it. One row per locked key; `until` is when it ends.
create table login_lockouts (
  scope text not null check (scope in ('account', 'ip')),
  key text not null,
  until timestamptz not null,
  primary key (scope, key)
);
comment on table login_lockouts is 'Sign-in lockouts in force or past: one row per account (email as typed) or IP; written when a refused attempt starts a new lockout.';
