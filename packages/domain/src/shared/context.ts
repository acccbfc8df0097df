/**
 * The request context every use case takes first: who acts, for which
 * organization and location, under which request id, on which clock and
 * inside which transaction. There are no ambient globals for any of these.
 */
import type { Kysely } from 'kysely';
import { type Permission, type RoleAssignment, type SystemPurpose, systemPermissions } from '../access/index.ts';
import type { Database } from '../database.ts';
import type { Clock } from './clock.ts';

export type Db = Kysely<Database>;

export interface UserActor {
  kind: 'user';
  userId: string;
  organizationId: string;
  displayName: string;
  roles: RoleAssignment[];
  /** Permissions effective at the context's location (shared between requests: read-only). */
  permissions: ReadonlySet<Permission>;
  providerId: string | null;
  sessionId: string | null;
}

/** Jobs, patient links, the calendar feed, the CLI and seeding act as the system, on behalf of one organization. Built by `systemCtx`. */
export interface SystemActor {
  kind: 'system';
  organizationId: string;
  /** What the system is doing (SYSTEM_PURPOSES in access/permissions.ts); the audit trail names it `system:<purpose>`. */
  purpose: SystemPurpose;
  /** The purpose's permissions, and no others: `can` checks them as it checks a user's. */
  permissions: ReadonlySet<Permission>;
}

/** Before login, on public routes. Holds no permission. */
export interface AnonymousActor {
  kind: 'anonymous';
}

export type Actor = UserActor | SystemActor | AnonymousActor;

export interface Ctx {
  actor: Actor;
  organizationId: string;
  locationId: string | null;
  requestId: string;
  clock: Clock;
  db: Db;
  /** The pool outside any transaction: for records that must survive the request's rollback (denied-access audit). */
  baseDb: Db;
  ip: string | null;
  userAgent: string | null;
}

/**
 * The one builder of a system context: work for `organizationId` that no person does (a job, a
 * patient's link, the calendar feed, the CLI, seeding), holding the permissions of `purpose`.
 * `more` carries what the caller inherits: the pool outside its transaction (`baseDb`, else
 * `db`), and the address and browser behind a link or feed request.
 */
export function systemCtx(
  db: Db,
  clock: Clock,
  organizationId: string,
  purpose: SystemPurpose,
  requestId: string,
  more: { baseDb?: Db; ip?: string | null; userAgent?: string | null } = {},
): Ctx {
  return {
    actor: { kind: 'system', organizationId, purpose, permissions: systemPermissions(purpose) },
    organizationId,
    locationId: null,
    requestId,
    clock,
    db,
    baseDb: more.baseDb ?? db,
    ip: more.ip ?? null,
    userAgent: more.userAgent ?? null,
  };
}

/** Run `fn` in a transaction (or the one already open) with a context bound to it. */
export async function inTransaction<T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return fn(ctx);
  return ctx.db.transaction().execute((trx) => fn({ ...ctx, db: trx }));
}

/** The user behind the context, or throws: for use cases that only people perform. */
export function requireUser(ctx: Ctx): UserActor {
  if (ctx.actor.kind !== 'user') throw new Error('this use case needs a signed-in user');
  return ctx.actor;
}

export function actorUserId(ctx: Ctx): string | null {
  return ctx.actor.kind === 'user' ? ctx.actor.userId : null;
}

export function actorRoleLabel(ctx: Ctx): string {
  if (ctx.actor.kind === 'system') return `system:${ctx.actor.purpose}`;
  if (ctx.actor.kind === 'anonymous') return '';
  const roles = ctx.actor.roles.filter((r) => r.locationId === null || r.locationId === ctx.locationId);
  return [...new Set(roles.map((r) => r.role))].join(',');
}
