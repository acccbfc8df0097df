/**
 * The second wall of tenancy: row-level security keyed on a per-connection setting.
 *
 * Tables holding patient, clinical or financial data have a policy (migration 0089) that
 * shows a row only when `clinicdesk.organization_id` names its organization (or is '*',
 * "every organization", for work that spans practices: the audit sealer, the job runner's
 * claim, sign-in). Unset, the policy shows nothing: a connection nobody scoped sees no
 * patient data.
 *
 * The scope lives in AsyncLocalStorage: the server opens one per request (the auth plugin
 * names the organization once the session is known); code outside any scope (jobs, CLI,
 * start-up) is unscoped ('*'). `tenantPool` hands out connections with the setting of the
 * current scope, issuing `set_config` only when the connection last served another scope,
 * so a practice's requests pay no extra round trip once its connections are warm.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type pg from 'pg';

export const TENANT_SETTING = 'clinicdesk.organization_id';
/** The setting's value for work that spans organizations. */
export const ALL_TENANTS = '*';

interface TenantScope {
  organizationId: string | null;
}

const scopes = new AsyncLocalStorage<TenantScope>();

/** Run `fn` (and everything it starts) in a new scope, unscoped until `setTenant` names an organization. */
export function runInTenantScope<T>(fn: () => T, organizationId: string | null = null): T {
  return scopes.run({ organizationId }, fn);
}

/** Name the organization of the current scope (the request's session is known). No-op outside a scope. */
export function setTenant(organizationId: string): void {
  const scope = scopes.getStore();
  if (scope) scope.organizationId = organizationId;
}

/** The setting a connection gets now. */
export function currentTenant(): string {
  return scopes.getStore()?.organizationId ?? ALL_TENANTS;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface TenantPool {
  connect(): Promise<pg.PoolClient>;
  end(): Promise<void>;
}

/** `pool` for Kysely: each connection handed out carries the current scope's organization. */
export function tenantPool(pool: pg.Pool): TenantPool {
  const current = new WeakMap<pg.PoolClient, string>();
  return {
    async connect() {
      const client = await pool.connect();
      const want = currentTenant();
      if (current.get(client) !== want) {
        if (want !== ALL_TENANTS && !UUID.test(want)) {
          client.release();
          throw new Error(`not an organization id: ${want}`);
        }
        try {
          await client.query(`select set_config('${TENANT_SETTING}', $1, false)`, [want]);
        } catch (err) {
          client.release(err as Error);
          throw err;
        }
        current.set(client, want);
      }
      return client;
    },
    end: () => pool.end(),
  };
}
