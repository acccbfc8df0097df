/**
 * The second wall of tenancy: row-level security keyed on a per-connection setting.
 *
 * Tables holding patient, clinical or financial data have a policy (migration 0089) that
 * shows a row only when `clinicdesk.organization_id` names its organization (or is '*',
 * "every organization", for work that spans practices: the audit sealer, the job runner's
 * claim, sign-in). Unset, the policy shows nothing: a connection nobody scoped sees no
 * patient data.
 *
 * A request carries its organization on its database handle: once the session is known, the
 * auth plugin swaps the request's `db` for the handle of the session's organization
 * (`organizationScopes`), a Kysely whose connections all carry that organization. Nothing
 * ambient decides it, so a request pays no per-promise context tracking (AsyncLocalStorage
 * on Node 20 hooks every promise the process creates). Code outside requests uses the
 * process's own handle, which is unscoped ('*'), or narrows a piece of work with
 * `runInTenantScope` (tests, tools). Connections get `set_config` only when they last served
 * another organization, so a practice's requests pay no extra round trip once its connections
 * are warm.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type pg from 'pg';

export const TENANT_SETTING = 'clinicdesk.organization_id';
/** The setting's value for work that spans organizations. */
export const ALL_TENANTS = '*';

interface TenantScope {
  organizationId: string | null;
}

// Only `runInTenantScope` enters it: a process that never calls it (the server's request path)
// never turns on the promise hooks behind it.
const scopes = new AsyncLocalStorage<TenantScope>();

/** Run `fn` (and everything it starts) with the process's own handle narrowed to `organizationId`. For work outside requests. */
export function runInTenantScope<T>(fn: () => T, organizationId: string | null = null): T {
  return scopes.run({ organizationId }, fn);
}

/** The setting a connection of the process's own handle gets now. */
export function currentTenant(): string {
  return scopes.getStore()?.organizationId ?? ALL_TENANTS;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface TenantPool {
  connect(): Promise<pg.PoolClient>;
  end(): Promise<void>;
}

/**
 * What each connection carries now. One map for every handle over a pool: the process's handle
 * and each organization's take the same connections, and each must see what the last one set.
 */
const carried = new WeakMap<pg.PoolClient, string>();

/** Pools that stand for one organization (`organizationPool`): their connections carry it whatever the scope. */
const boundTo = new WeakMap<object, string>();
/** The statement timeout (ms, 0: none) a pool view asks of its connections (`organizationPool`'s option). */
const timeoutOf = new WeakMap<object, number>();

/** The statement timeout `pool` (a view from `organizationPool`) asks for; undefined: the pool's own. */
export function boundStatementTimeout(pool: object): number | undefined {
  return timeoutOf.get(pool);
}

/** `pool` for Kysely: each connection handed out carries the pool's organization, else the current scope's. */
export function tenantPool(pool: pg.Pool): TenantPool {
  const bound = boundTo.get(pool);
  return {
    async connect() {
      const client = await pool.connect();
      const want = bound ?? currentTenant();
      if (carried.get(client) !== want) {
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
        carried.set(client, want);
      }
      return client;
    },
    end: () => pool.end(),
  };
}

/** Options of an organization's view of the pool. */
export interface ScopeOptions {
  /** The `statement_timeout` of its connections in ms (0: none), instead of the pool's own: reports and exports. */
  statementTimeoutMs?: number;
}

/**
 * `pool` as seen by one organization: the same connections, each carrying `organizationId`
 * (and the view's statement timeout, if it has one) when a handle built over it (createKysely)
 * hands it out. Ending it does not end `pool`.
 */
export function organizationPool(pool: pg.Pool, organizationId: string, options: ScopeOptions = {}): pg.Pool {
  if (!UUID.test(organizationId)) throw new Error(`not an organization id: ${organizationId}`);
  const view = {
    connect: () => pool.connect(),
    end: async () => undefined,
    get options() {
      return pool.options;
    },
  };
  boundTo.set(view, organizationId);
  if (options.statementTimeoutMs !== undefined) timeoutOf.set(view, options.statementTimeoutMs);
  return view as unknown as pg.Pool;
}

/**
 * One handle per organization over `pool`, built by `build` (createKysely) on first use and
 * kept: building a Kysely per request would cost more than the scope it replaces. At most
 * `max` organizations are kept (the oldest is rebuilt when needed again).
 */
export function organizationScopes<H>(
  pool: pg.Pool,
  build: (pool: pg.Pool) => H,
  max = 1_000,
  options: ScopeOptions = {},
): (organizationId: string) => H {
  const handles = new Map<string, H>();
  return (organizationId) => {
    let handle = handles.get(organizationId);
    if (handle === undefined) {
      handle = build(organizationPool(pool, organizationId, options));
      if (handles.size >= max) handles.delete(handles.keys().next().value as string);
      handles.set(organizationId, handle);
    }
    return handle;
  };
}
