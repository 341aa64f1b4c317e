import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../server/deps.js';
import { contextOf } from '../../server/plugins/auth.js';
import { requirePermission } from '../accounts/accounts.service.js';
import { requireActor, scopeOf } from '../accounts/scope.js';
import { searchInstitutions } from './institutions.repo.js';

const Query = z.object({
  q: z.string().trim().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
const Result = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.string(),
      regionCode: z.string(),
      status: z.string(),
    }),
  ),
});

/** Institution lookup for pickers (e.g. the account form), scoped like everything else. */
export const institutionsRoutes: FastifyPluginAsync<AppDeps> = async (base, { database }) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/institutions/lookup',
    {
      schema: {
        tags: ['institutions'],
        summary: 'Find institutions in my scope by name',
        querystring: Query,
        response: { 200: Result },
      },
    },
    async (req) => {
      const ctx = contextOf(req);
      const actor = requireActor(ctx.actor);
      requirePermission(actor, 'accounts.read');
      return { items: await searchInstitutions(database.db, scopeOf(actor), req.query.q, req.query.limit) };
    },
  );
};
