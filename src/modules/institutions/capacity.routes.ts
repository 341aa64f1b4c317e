import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../server/deps.js';
import { contextOf } from '../../server/plugins/auth.js';
import * as service from './capacity.service.js';
import { IdParams } from './classes.schema.js';

const CapacityView = z.object({
  childcare: z.array(
    z.object({
      classType: z.string(),
      classes: z.number(),
      licensed: z.number(),
      enrolled: z.number(),
      free: z.number(),
    }),
  ),
  functions: z.array(z.object({ function: z.string(), capacity: z.number(), unit: z.string() })),
});

/** Places and beds of an institution, and how many are taken. */
export const capacityRoutes: FastifyPluginAsync<AppDeps> = async (base, { database }) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/institutions/:id/capacity',
    {
      schema: {
        tags: ['institutions'],
        summary: 'Childcare places per class type and the registered functions',
        params: IdParams,
        response: { 200: CapacityView },
      },
    },
    async (req) => service.getCapacity(database.db, contextOf(req), req.params.id),
  );
};
