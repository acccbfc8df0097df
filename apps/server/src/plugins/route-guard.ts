/**
 * Default deny, at start-up: a route that declares neither a permission, nor
 * `authenticated`, nor `public: true` stops the server from starting.
 */
import { PERMISSIONS } from '@domain/access/permissions.ts';
import type { FastifyInstance, RouteOptions } from 'fastify';

export class UndeclaredRouteError extends Error {}

export interface RegisteredRoute {
  method: string;
  url: string;
  permission?: string;
  public?: boolean;
  authenticated?: boolean;
}

/** Routes added by third-party plugins we register on purpose: the API docs UI and the built web UI. */
function isPluginPublic(url: string): boolean {
  return url === '/api/docs' || url.startsWith('/api/docs/');
}

export function installRouteGuard(app: FastifyInstance, registry: RegisteredRoute[]): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    if (isPluginPublic(route.url)) route.config = { ...(route.config as object), public: true };
    const cfg = (route.config ?? {}) as { permission?: string; public?: boolean; authenticated?: boolean };
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const declared = [cfg.permission !== undefined, cfg.public === true, cfg.authenticated === true].filter(Boolean).length;
    if (declared !== 1) {
      throw new UndeclaredRouteError(
        `route ${methods.join(',')} ${route.url} must declare exactly one of config.permission, config.authenticated or config.public`,
      );
    }
    if (cfg.permission !== undefined && !(cfg.permission in PERMISSIONS)) {
      throw new UndeclaredRouteError(`route ${route.url} declares unknown permission ${cfg.permission}`);
    }
    for (const method of methods) {
      if (method === 'HEAD') continue;
      registry.push({ method, url: route.url, ...cfg });
    }
  });
}
