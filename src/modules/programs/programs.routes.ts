import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../server/deps.js';
import { contextOf } from '../../server/plugins/auth.js';
import { onPersonChanged } from '../assessments/assessments.events.js';
import { coverageRoutes } from './programs.coverage.routes.js';
import { endEnrolment, enrolPerson } from './programs.enrolments.js';
import { generateEntitlements } from './programs.entitlements.js';
import { evaluateProgram, reevaluateOnPersonChanged } from './programs.evaluate.js';
import {
  CreateProgramBody,
  EndEnrolmentBody,
  EnrolBody,
  EnrolmentParams,
  EnrolmentView,
  EntitlementsResult,
  EvaluateResult,
  IdParams,
  ListProgramsQuery,
  MonthQuery,
  ProgramList,
  ProgramView,
  UpdateProgramBody,
} from './programs.schema.js';
import * as service from './programs.service.js';

const tags = ['programs'];
const security = [{ session: [] }];

/**
 * Programs and entitlements (STANDARDS §5): programs as data, set-based evaluation of the roster
 * with auto-enrolment, monthly entitlements, the coverage report and a person's programs. Also
 * registers the per-person re-evaluation with assessments.events `onPersonChanged`.
 */
export const programsRoutes: FastifyPluginAsync<AppDeps> = async (base, deps) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;
  onPersonChanged(reevaluateOnPersonChanged);

  app.get(
    '/api/programs',
    {
      schema: {
        tags,
        summary: 'Programs covering or inside my region (people.read)',
        security,
        querystring: ListProgramsQuery,
        response: { 200: ProgramList },
      },
    },
    async (req) => service.listPrograms(db, contextOf(req), req.query),
  );

  app.post(
    '/api/programs',
    {
      schema: {
        tags,
        summary: 'Define a program inside my region (programs.manage)',
        security,
        body: CreateProgramBody,
        response: { 201: ProgramView },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createProgram(db, contextOf(req), req.body)),
  );

  app.patch(
    '/api/programs/:id',
    {
      schema: {
        tags,
        summary: 'Change or retire a program (programs.manage)',
        security,
        params: IdParams,
        body: UpdateProgramBody,
        response: { 200: ProgramView },
      },
    },
    async (req) => service.updateProgram(db, contextOf(req), req.params.id, req.body),
  );

  app.delete(
    '/api/programs/:id',
    {
      schema: {
        tags,
        summary: 'Delete a program nobody was enrolled in (programs.manage)',
        security,
        params: IdParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await service.deleteProgram(db, contextOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/programs/:id/evaluate',
    {
      schema: {
        tags,
        summary: 'Evaluate the whole roster in my part of the program region; auto-enrol and end',
        security,
        params: IdParams,
        response: { 200: EvaluateResult },
      },
    },
    async (req) => {
      let logged = 0;
      return evaluateProgram(db, contextOf(req), req.params.id, {
        onProgress: (done, total) => {
          if (done === total || done - logged >= 50_000) {
            logged = done;
            req.log.info({ programId: req.params.id, done, total }, 'program evaluation progress');
          }
        },
      });
    },
  );

  app.post(
    '/api/programs/:id/entitlements',
    {
      schema: {
        tags,
        summary: "A month's entitlements for everyone enrolled (idempotent)",
        security,
        params: IdParams,
        querystring: MonthQuery,
        response: { 200: EntitlementsResult },
      },
    },
    async (req) => generateEntitlements(db, contextOf(req), req.params.id, req.query.month),
  );

  app.post(
    '/api/programs/:id/enrolments',
    {
      schema: {
        tags,
        summary: 'Enrol an eligible person (programs enrolled on application)',
        security,
        params: IdParams,
        body: EnrolBody,
        response: { 201: EnrolmentView },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await enrolPerson(db, contextOf(req), req.params.id, req.body.personId)),
  );

  app.post(
    '/api/programs/:id/enrolments/:enrolmentId/end',
    {
      schema: {
        tags,
        summary: 'End an enrolment (declined, no longer eligible, other)',
        security,
        params: EnrolmentParams,
        body: EndEnrolmentBody,
        response: { 200: EnrolmentView },
      },
    },
    async (req) => endEnrolment(db, contextOf(req), req.params.id, req.params.enrolmentId, req.body.reason),
  );

  await app.register(coverageRoutes, deps);
};
