import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../server/deps.js';
import { contextOf } from '../../server/plugins/auth.js';
import {
  AssessmentHistory,
  AssessmentView,
  DueList,
  DueQuery,
  PersonParams,
  RecordAssessmentBody,
} from './assessments.records.schema.js';
import * as service from './assessments.records.service.js';

const tags = ['assessments'];
const security = [{ session: [] }];

/**
 * Capability assessments on record (GB/T 42195—2022): store one for a person on the roster,
 * read a person's history, and the assessor's work list of people due. Registered by
 * `assessmentsRoutes`.
 */
export const assessmentRecordsRoutes: FastifyPluginAsync<AppDeps> = async (base, { database, cipher }) => {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/roster/:personId/assessments',
    {
      schema: {
        tags,
        summary: 'Store a capability assessment of an older person (assessments.manage; audited)',
        security,
        params: PersonParams,
        body: RecordAssessmentBody,
        response: { 201: AssessmentView },
      },
    },
    async (req, reply) => {
      const stored = await service.recordAssessment(database, contextOf(req), req.params.personId, req.body);
      return reply.status(201).send(stored);
    },
  );

  app.get(
    '/api/roster/:personId/assessments',
    {
      schema: {
        tags,
        summary: "A person's assessments, newest first, and the next due day (read audited)",
        security,
        params: PersonParams,
        response: { 200: AssessmentHistory },
      },
    },
    async (req) => service.assessmentHistory(database, cipher, contextOf(req), req.params.personId),
  );

  app.get(
    '/api/assessments/due',
    {
      schema: {
        tags,
        summary: "The assessor's work list: re-assessments due or overdue, never-assessed disabled people",
        security,
        querystring: DueQuery,
        response: { 200: DueList },
      },
    },
    async (req) => service.dueAssessments(database, cipher, contextOf(req), req.query),
  );
};
