import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sendXlsx, XLSX_TYPE } from '../../lib/xlsx.js';
import type { AppDeps } from '../../server/deps.js';
import { contextOf } from '../../server/plugins/auth.js';
import { exportFilingQueue, filingQueue } from './filing.queue.js';
import {
  ActionBody,
  ActionParams,
  CreateFilingBody,
  FilingIdParams,
  FilingListView,
  FilingView,
  QueueQuery,
  QueueView,
} from './filing.schema.js';
import * as service from './filing.service.js';
import { IdParams } from './institutions.schema.js';

/** Filing (备案): an institution's filings, one filing with its checklist, actions, and the authority's queue. */
export const filingRoutes: FastifyPluginAsync<AppDeps> = async (base, { database }) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const db = database.db;
  const tags = ['filing'];

  app.get(
    '/api/institutions/:id/filings',
    {
      schema: {
        tags,
        summary: "An institution's filings",
        params: IdParams,
        response: { 200: FilingListView },
      },
    },
    async (req) => service.listFilings(db, contextOf(req), req.params.id),
  );

  app.post(
    '/api/institutions/:id/filings',
    {
      schema: {
        tags,
        summary: 'Open a filing (initial, change or deregistration) as a draft',
        params: IdParams,
        body: CreateFilingBody,
        response: { 201: FilingView },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.createFiling(db, contextOf(req), req.params.id, req.body)),
  );

  app.get(
    '/api/filings/queue',
    {
      schema: {
        tags,
        summary: 'Filings in my region waiting for the authority, soonest deadline first',
        querystring: QueueQuery,
        response: { 200: QueueView },
      },
    },
    async (req) => filingQueue(db, contextOf(req), req.query),
  );

  app.get(
    '/api/filings/queue/export.xlsx',
    {
      schema: {
        tags,
        summary: 'The work queue as XLSX, with the filters of the queue (audited)',
        querystring: QueueQuery,
        produces: [XLSX_TYPE],
      },
    },
    async (req, reply) => sendXlsx(reply, await exportFilingQueue(db, contextOf(req), req.query)),
  );

  app.get(
    '/api/filings/:id',
    {
      schema: {
        tags,
        summary: 'One filing with its materials, my allowed actions and its history',
        params: FilingIdParams,
        response: { 200: FilingView },
      },
    },
    async (req) => service.getFiling(db, contextOf(req), req.params.id),
  );

  app.post(
    '/api/filings/:id/actions/:action',
    {
      schema: {
        tags,
        summary: 'Take an action on a filing (submit, acknowledge, return, approve, resubmit, withdraw)',
        params: ActionParams,
        body: ActionBody.nullish(),
        response: { 200: FilingView },
      },
    },
    async (req) => service.actOnFiling(db, contextOf(req), req.params.id, req.params.action, req.body ?? {}),
  );
};
