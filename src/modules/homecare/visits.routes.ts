import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../server/deps.js';
import { contextOf } from '../../server/plugins/auth.js';
import { IdParams } from './menu.schema.js';
import { OrderList, OrderView } from './orders.schema.js';
import * as review from './visits.review.js';
import { ConfirmBody, ExplainBody, ReviewBody, StampBody, VisitListQuery } from './visits.schema.js';
import * as visits from './visits.service.js';

const security = [{ session: [] }];

/**
 * Electronic visit verification: check-in and check-out by the assigned caregiver, confirmation
 * by the family or a community worker, the provider's explanation and civil affairs' review.
 * Every action answers with the order and its visit.
 */
export const visitsRoutes: FastifyPluginAsync<AppDeps> = async (base, { database }) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const db = database.db;
  const tags = ['homecare'];

  app.post(
    '/api/service-orders/:id/check-in',
    {
      schema: {
        tags,
        summary: 'Check in at the home (the assigned caregiver)',
        security,
        params: IdParams,
        body: StampBody,
        response: { 201: OrderView },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await visits.checkIn(db, contextOf(req), req.params.id, req.body)),
  );

  app.post(
    '/api/visits/:id/check-out',
    {
      schema: {
        tags,
        summary: 'Check out; the six elements are verified and exceptions raised',
        security,
        params: IdParams,
        body: StampBody,
        response: { 200: OrderView },
      },
    },
    async (req) => visits.checkOut(db, contextOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/visits/:id/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm and rate a visit (the family, or a community worker of the area)',
        security,
        params: IdParams,
        body: ConfirmBody,
        response: { 200: OrderView },
      },
    },
    async (req) => review.confirmVisit(db, contextOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/visits/:id/explain',
    {
      schema: {
        tags,
        summary: 'Explain an exception (the provider)',
        security,
        params: IdParams,
        body: ExplainBody,
        response: { 200: OrderView },
      },
    },
    async (req) => review.explainVisit(db, contextOf(req), req.params.id, req.body.reason),
  );

  app.post(
    '/api/visits/:id/review',
    {
      schema: {
        tags,
        summary: 'Approve or reject an exception (civil affairs, the person’s region)',
        security,
        params: IdParams,
        body: ReviewBody,
        response: { 200: OrderView },
      },
    },
    async (req) => review.reviewVisit(db, contextOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/visits',
    {
      schema: {
        tags,
        summary: 'Visits by status (default: exceptions awaiting review), as their orders',
        security,
        querystring: VisitListQuery,
        response: { 200: OrderList },
      },
    },
    async (req) => review.listVisits(db, contextOf(req), req.query),
  );
};
