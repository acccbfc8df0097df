/** `/r/<token>`: one-click links from patient messages (public: the token is the credential). */
import { openSignedLink, useSignedLink } from '@domain/comms/index.ts';
import { z } from 'zod';
import type { App } from '../../plugins/types.ts';
import { renderLinkPage } from './link-page.ts';

const params = z.object({ token: z.string().max(600) });

export async function linkRoutes(app: App) {
  // The confirmation page posts an HTML form, the SMS provider its webhooks; only this plugin's routes accept that body type.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16_384 }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  app.get('/r/:token', { config: { public: true }, schema: { hide: true, params } }, async (request, reply) => {
    const page = await openSignedLink(request.ctx, request.params.token);
    return reply
      .code(page.status)
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(renderLinkPage(page, request.params.token));
  });

  app.post(
    '/r/:token',
    { config: { public: true }, schema: { hide: true, params, body: z.object({ action: z.string().max(40) }).catch({ action: '' }) } },
    async (request, reply) => {
      const page = await useSignedLink(request.ctx, { token: request.params.token, action: request.body.action });
      return reply
        .code(page.status)
        .header('cache-control', 'no-store')
        .type('text/html; charset=utf-8')
        .send(renderLinkPage(page, request.params.token));
    },
  );
}
