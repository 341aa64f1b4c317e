import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../server/deps.js';
import { levelOfNaturalCode } from '../../standards/region-code.js';
import { GM } from './geo.messages.js';
import { boundariesJson } from './geo.service.js';

const GeoParams = z.object({
  code: z
    .string()
    .refine((value) => levelOfNaturalCode(value) !== null, { params: { messageCode: GM['geo.code_rule'] } }),
});

/** A day in browsers and proxies; the ETag makes a revalidation after that a 304. */
const CACHE_CONTROL = 'public, max-age=86400';

/**
 * `GET /api/geo/:code` (public): GeoJSON boundaries of the regions under a code for the maps —
 * `13` → cities, `1301` → counties, `130102` → the county itself; 404 where none are bundled.
 */
export const geoRoutes: FastifyPluginAsync<AppDeps> = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/geo/:code',
    {
      schema: {
        tags: ['geo'],
        summary: 'Boundaries of the regions under a code (GeoJSON FeatureCollection, feature id = code)',
        params: GeoParams,
      },
    },
    async (req, reply) => {
      const { body, etag } = boundariesJson(req.params.code);
      reply.header('cache-control', CACHE_CONTROL).header('etag', etag);
      if (req.headers['if-none-match'] === etag) return reply.status(304).send();
      return reply.type('application/geo+json; charset=utf-8').send(body);
    },
  );
};
