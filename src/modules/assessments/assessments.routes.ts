import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../server/deps.js';
import { contextOf } from '../../server/plugins/auth.js';
import { assessmentRecordsRoutes } from './assessments.records.routes.js';
import { AssessmentFormView, AssessmentScoreView, ScoreAssessmentBody } from './assessments.schema.js';
import * as service from './assessments.service.js';

/**
 * Capability assessment (GB/T 42195—2022): the form definition for the tablet and the live
 * score the form shows while it is filled in (any signed-in user; nothing stored), and the
 * assessments on record (assessments.records.routes.ts).
 */
export const assessmentsRoutes: FastifyPluginAsync<AppDeps> = async (base, deps) => {
  await base.register(assessmentRecordsRoutes, deps);
  const app = base.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;
  const tags = ['assessments'];

  app.get(
    '/api/assessments/form',
    {
      schema: {
        tags,
        summary: 'The capability assessment form: items, level meanings, grades, reasons, rules',
        response: { 200: AssessmentFormView },
      },
    },
    async (req) => service.assessmentForm(db, contextOf(req)),
  );

  app.post(
    '/api/assessments/score',
    {
      schema: {
        tags,
        summary: 'Total, group sums and grades of a filled-in form (stores nothing)',
        body: ScoreAssessmentBody,
        response: { 200: AssessmentScoreView },
      },
    },
    async (req) => service.scoreForCaller(db, contextOf(req), req.body),
  );
};
