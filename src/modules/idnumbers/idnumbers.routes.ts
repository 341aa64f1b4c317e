import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../server/deps.js';
import { IdNumberCheckBody, IdNumberCheckResponse } from './idnumbers.schema.js';
import { checkIdNumber } from './idnumbers.service.js';

/**
 * `POST /api/id-numbers/check`: a public checker for resident identity numbers, so forms can
 * explain a typo before submitting. A refused number is an answer (200, `valid: false`), not an
 * error; nothing is stored.
 */
export const idNumberRoutes: FastifyPluginAsync<AppDeps> = async (app) => {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/id-numbers/check',
    {
      schema: {
        tags: ['identifiers'],
        summary: 'Check a resident ID number (GB 11643-1999); nothing is stored',
        body: IdNumberCheckBody,
        response: { 200: IdNumberCheckResponse },
      },
    },
    async (req) => checkIdNumber(req.body.number, req.lang),
  );
};
