/**
 * Default deny, at start-up: a route that declares neither a permission, nor
 * `authenticated`, nor `public: true` stops the server from starting. The same
 * declaration documents the route's error answers (plugins/openapi-errors.ts);
 * `config.errors` may only name codes of the registry, `config.expensive` only a kind of
 * expensive route (plugins/concurrency.ts).
 */
import { PERMISSIONS } from '@domain/access/permissions.ts';
import { ERROR_CODES, type ErrorCode } from '@domain/shared/errors.ts';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { ROUTE_COSTS, type RouteCost } from '../config.ts';

export class UndeclaredRouteError extends Error {}

export interface RegisteredRoute {
  method: string;
  url: string;
  permission?: string;
  public?: boolean;
  authenticated?: boolean;
  /** Error codes beyond those the declaration implies (see FastifyContextConfig.errors). */
  errors?: ErrorCode[];
  ifMatch?: boolean;
  /** An expensive route's kind: limited per process (plugins/concurrency.ts). */
  expensive?: RouteCost;
}

/** Routes added by third-party plugins we register on purpose: the API docs UI and the built web UI. */
function isPluginPublic(url: string): boolean {
  return url === '/api/docs' || url.startsWith('/api/docs/');
}

export function installRouteGuard(app: FastifyInstance, registry: RegisteredRoute[]): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    if (isPluginPublic(route.url)) route.config = { ...(route.config as object), public: true };
    const cfg = (route.config ?? {}) as {
      permission?: string;
      public?: boolean;
      authenticated?: boolean;
      errors?: ErrorCode[];
      expensive?: RouteCost;
    };
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const declared = [cfg.permission !== undefined, cfg.public === true, cfg.authenticated === true].filter(Boolean).length;
    if (declared !== 1) {
      throw new UndeclaredRouteError(
        `route ${methods.join(',')} ${route.url} must declare exactly one of config.permission, config.authenticated or config.public`,
      );
    }
    // Unauthenticated API routes are rate-limited per client address (@fastify/rate-limit reads this after us).
    if (cfg.public === true && route.url.startsWith('/api/') && !isPluginPublic(route.url) && route.url !== '/api/openapi.json') {
      const config = route.config as { rateLimit?: unknown };
      config.rateLimit ??= {};
    }
    if (cfg.permission !== undefined && !(cfg.permission in PERMISSIONS)) {
      throw new UndeclaredRouteError(`route ${route.url} declares unknown permission ${cfg.permission}`);
    }
    const unknownCode = cfg.errors?.find((code) => !(code in ERROR_CODES));
    if (unknownCode !== undefined) throw new UndeclaredRouteError(`route ${route.url} declares unknown error code ${unknownCode}`);
    if (cfg.expensive !== undefined && !ROUTE_COSTS.includes(cfg.expensive)) {
      throw new UndeclaredRouteError(`route ${route.url} declares unknown kind of expensive route ${cfg.expensive}`);
    }
    for (const method of methods) {
      if (method === 'HEAD') continue;
      registry.push({ method, url: route.url, ...cfg });
    }
  });
}
