import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../server/deps.js';
import { contextOf } from '../../server/plugins/auth.js';
import { requirePermission } from '../accounts/accounts.service.js';
import { requireActor, scopeOf } from '../accounts/scope.js';
import { registerInstitution } from './institutions.register.js';
import { searchInstitutions } from './institutions.repo.js';
import {
  FunctionsInput,
  FunctionsView,
  IdParams,
  InstitutionInput,
  InstitutionListQuery,
  InstitutionListView,
  InstitutionPatch,
  InstitutionView,
  RegisterBody,
  RegisterResultView,
} from './institutions.schema.js';
import * as service from './institutions.service.js';

const LookupQuery = z.object({
  q: z.string().trim().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
const LookupResult = z.object({
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

/** The institution register: lookup for pickers, public self-registration, list, create, read, change. */
export const institutionsRoutes: FastifyPluginAsync<AppDeps> = async (base, { database }) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const db = database.db;
  const tags = ['institutions'];

  app.get(
    '/api/institutions/lookup',
    {
      schema: {
        tags,
        summary: 'Find institutions in my scope by name',
        querystring: LookupQuery,
        response: { 200: LookupResult },
      },
    },
    async (req) => {
      const ctx = contextOf(req);
      const actor = requireActor(ctx.actor);
      requirePermission(actor, 'accounts.read');
      return { items: await searchInstitutions(db, scopeOf(actor), req.query.q, req.query.limit) };
    },
  );

  app.post(
    '/api/institutions/register',
    {
      schema: {
        tags,
        summary: 'Register a draft institution and its administrator account (public)',
        body: RegisterBody,
        response: { 201: RegisterResultView },
      },
    },
    async (req, reply) => reply.status(201).send(await registerInstitution(db, contextOf(req), req.body)),
  );

  app.get(
    '/api/institutions',
    {
      schema: {
        tags,
        summary: 'Institutions in my scope',
        querystring: InstitutionListQuery,
        response: { 200: InstitutionListView },
      },
    },
    async (req) => service.listInstitutions(db, contextOf(req), req.query),
  );

  app.post(
    '/api/institutions',
    {
      schema: {
        tags,
        summary: 'Register an institution (county-level officials and up of the supervising department)',
        body: InstitutionInput,
        response: { 201: InstitutionView },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.createInstitution(db, contextOf(req), req.body)),
  );

  app.get(
    '/api/institutions/:id',
    { schema: { tags, summary: 'One institution', params: IdParams, response: { 200: InstitutionView } } },
    async (req) => service.getInstitution(db, contextOf(req), req.params.id),
  );

  app.patch(
    '/api/institutions/:id',
    {
      schema: {
        tags,
        summary: 'Change an institution (registered particulars of a filed one only by a change filing)',
        params: IdParams,
        body: InstitutionPatch,
        response: { 200: InstitutionView },
      },
    },
    async (req) => service.updateInstitution(db, contextOf(req), req.params.id, req.body),
  );

  app.put(
    '/api/institutions/:id/functions',
    {
      schema: {
        tags,
        summary: 'Replace what an institution offers and its capacity',
        params: IdParams,
        body: FunctionsInput,
        response: { 200: FunctionsView },
      },
    },
    async (req) => service.replaceInstitutionFunctions(db, contextOf(req), req.params.id, req.body),
  );
};
