/** An app on this file's own database, built once per file, with helpers to call it as a role. */
import { createTestDatabase, type DerivedTemplate } from '@db/testing.ts';
import type { Database } from '@domain/database.ts';
import type { Role } from '@domain/access/permissions.ts';
import { type Clock, systemClock } from '@domain/shared/clock.ts';
import type { Installation } from '@domain/shared/installation.ts';
import { buildApp, type BuiltApp } from '@server/app.ts';
import { installationOf, loadConfig } from '@server/config.ts';
import type { App } from '@server/plugins/types.ts';
import type { Response as InjectResponse } from 'light-my-request';
import { afterAll } from 'vitest';
import { newOrganization, type TestOrg } from './factories.ts';

export interface TestApp extends BuiltApp {
  db: Awaited<ReturnType<typeof createTestDatabase<Database>>>['db'];
  database: Awaited<ReturnType<typeof createTestDatabase<Database>>>;
  clock: Clock;
  /** The app's installation settings, as the server hands them to its job runner. */
  installation: Installation;
  newOrg(opts?: { settings?: Record<string, unknown> }): Promise<TestOrg>;
  /** Inject a request as `role` of `org` (bearer token). */
  as(
    org: TestOrg,
    role: Role,
  ): {
    get(url: string, headers?: Record<string, string>): Promise<InjectResponse>;
    post(url: string, body?: unknown, headers?: Record<string, string>): Promise<InjectResponse>;
    patch(url: string, body?: unknown, headers?: Record<string, string>): Promise<InjectResponse>;
    put(url: string, body?: unknown, headers?: Record<string, string>): Promise<InjectResponse>;
    delete(url: string, headers?: Record<string, string>): Promise<InjectResponse>;
  };
}

export async function createTestApp(
  opts: {
    clock?: Clock;
    extraRoutes?: ((app: App) => Promise<void>)[];
    env?: Record<string, string>;
    /** Start from a state built once per run (e.g. `demoPractice(...)` in demo-template.ts). */
    template?: DerivedTemplate<Database>;
  } = {},
): Promise<TestApp> {
  const clock = opts.clock ?? systemClock;
  const database = await createTestDatabase<Database>(opts.template ? { template: opts.template } : {});
  const built = await buildApp({
    db: database.db,
    pool: database.pool,
    clock,
    extraRoutes: opts.extraRoutes,
    ...(opts.env ? { config: loadConfig({ ...process.env, ...opts.env }) } : {}),
  });
  afterAll(async () => {
    await built.app.close();
  });
  return {
    ...built,
    db: database.db,
    database,
    clock,
    installation: installationOf(built.app.services.config),
    newOrg: (o) => newOrganization(database.db, clock, o),
    as(org, role) {
      const auth = { authorization: `Bearer ${org.users[role].token}` };
      const send = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown, headers?: Record<string, string>) =>
        built.app.inject({ method, url, headers: { ...auth, ...headers }, ...(body !== undefined ? { payload: body as object } : {}) });
      return {
        get: (url, headers) => send('GET', url, undefined, headers),
        post: (url, body, headers) => send('POST', url, body ?? {}, headers),
        patch: (url, body, headers) => send('PATCH', url, body ?? {}, headers),
        put: (url, body, headers) => send('PUT', url, body ?? {}, headers),
        delete: (url, headers) => send('DELETE', url, undefined, headers),
      };
    },
  };
}
