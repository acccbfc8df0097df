import type { Permission } from '@domain/access/permissions.ts';
import { type Claim, claimSchema } from '@domain/claims/index.ts';
import type { Ctx } from '@domain/shared/context.ts';
import type { z } from 'zod';
import { idParams } from '../../plugins/http-schemas.ts';
import type { App } from '../../plugins/types.ts';

/**
 * A claim action (`POST /api/claims/{id}/<action>`): a body, the use case run on the claim named
 * in the path, and the claim it answers (201 when the action makes a new claim, 200 when it
 * changes this one). A claim in a state the action does not allow: 409.
 */
export function claimAction<B extends z.ZodType>(
  app: App,
  action: string,
  o: {
    permission: Permission;
    summary: string;
    body: B;
    status: 200 | 201;
    run: (ctx: Ctx, claimId: string, body: z.infer<B>) => Promise<Claim>;
  },
) {
  app.post(
    `/api/claims/:id/${action}`,
    {
      config: { permission: o.permission, errors: ['CONFLICT', 'ILLEGAL_TRANSITION'] },
      schema: { tags: ['claims'], summary: o.summary, params: idParams, body: o.body, response: { [o.status]: claimSchema } },
    },
    async (request, reply) => reply.code(o.status).send(await o.run(request.ctx, request.params.id, request.body as z.infer<B>)),
  );
}
