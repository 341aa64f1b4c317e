import { sql } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from './deps.js';
import { VERSION } from './version.js';

const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  database: z.enum(['pglite', 'postgres']),
  databaseOk: z.boolean(),
});

/** `GET /api/health`: version and database kind, for load balancers and operators. */
export const healthRoutes: FastifyPluginAsync<AppDeps> = async (app, { database }) => {
  app
    .withTypeProvider<ZodTypeProvider>()
    .get(
      '/api/health',
      { schema: { tags: ['system'], summary: 'Version and database kind', response: { 200: Health } } },
      async () => {
        let databaseOk = true;
        try {
          await database.db.execute(sql`select 1`);
        } catch {
          databaseOk = false;
        }
        return {
          status: databaseOk ? 'ok' : 'degraded',
          version: VERSION,
          database: database.kind,
          databaseOk,
        } as const;
      },
    );
};
