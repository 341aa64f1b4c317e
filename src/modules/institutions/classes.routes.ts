import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../server/deps.js';
import { contextOf } from '../../server/plugins/auth.js';
import { ClassList, ClassView, CreateClassBody, IdParams, UpdateClassBody } from './classes.schema.js';
import * as service from './classes.service.js';

/** Childcare classes of an institution, within the sizes and ratios of STANDARDS §1. */
export const classesRoutes: FastifyPluginAsync<AppDeps> = async (base, { database }) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const db = database.db;
  const tags = ['classes'];

  app.get(
    '/api/institutions/:id/classes',
    {
      schema: {
        tags,
        summary: 'Classes with carers, ratio and the limits in force',
        params: IdParams,
        response: { 200: ClassList },
      },
    },
    async (req) => service.listClasses(db, contextOf(req), req.params.id),
  );

  app.post(
    '/api/institutions/:id/classes',
    {
      schema: {
        tags,
        summary: 'Set up a class',
        params: IdParams,
        body: CreateClassBody,
        response: { 201: ClassView },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.createClass(db, contextOf(req), req.params.id, req.body)),
  );

  app.patch(
    '/api/classes/:id',
    {
      schema: {
        tags,
        summary: 'Rename, retype or resize a class',
        params: IdParams,
        body: UpdateClassBody,
        response: { 200: ClassView },
      },
    },
    async (req) => service.updateClass(db, contextOf(req), req.params.id, req.body),
  );

  app.delete(
    '/api/classes/:id',
    { schema: { tags, summary: 'Delete an empty class', params: IdParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await service.deleteClass(db, contextOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
};
