import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../server/deps.js';
import { contextOf } from '../../server/plugins/auth.js';
import { ContactBody, ContactView, OverdueQuery, OverdueView, PersonParams } from './care.schema.js';
import * as service from './care.service.js';

/** Duty of care: the overdue queue and contacts (docs/API.md "Duty of care"). */
export const careRoutes: FastifyPluginAsync<AppDeps> = async (base, { database }) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const db = database.db;
  const tags = ['care'];
  app.get(
    '/api/care/overdue',
    {
      schema: {
        tags,
        summary: 'People overdue for a duty-of-care contact',
        querystring: OverdueQuery,
        response: { 200: OverdueView },
      },
    },
    async (req) => service.overdue(db, contextOf(req), req.query),
  );
  app.post(
    '/api/roster/:personId/contacts',
    {
      schema: {
        tags,
        summary: 'Record a home visit or call',
        params: PersonParams,
        body: ContactBody,
        response: { 201: ContactView },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.recordContact(db, contextOf(req), req.params.personId, req.body)),
  );
  app.get(
    '/api/roster/:personId/contacts',
    {
      schema: {
        tags,
        summary: "A person's contacts",
        params: PersonParams,
        response: { 200: z.object({ items: z.array(ContactView) }) },
      },
    },
    async (req) => service.listContacts(db, contextOf(req), req.params.personId),
  );
};
