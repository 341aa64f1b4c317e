import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sendXlsx } from '../../lib/xlsx.js';
import type { AppDeps } from '../../server/deps.js';
import { contextOf } from '../../server/plugins/auth.js';
import { IdParams } from './menu.schema.js';
import { exportSettlement } from './settlements.export.js';
import { GenerateBody, SettlementList, SettlementListQuery, SettlementView } from './settlements.schema.js';
import * as service from './settlements.service.js';

const security = [{ session: [] }];

/** Monthly settlements of door-to-door providers: generate, read, finalise, export. */
export const settlementsRoutes: FastifyPluginAsync<AppDeps> = async (base, { database }) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const db = database.db;
  const tags = ['homecare'];

  app.post(
    '/api/settlements',
    {
      schema: {
        tags,
        summary: "Generate (or regenerate the draft of) a provider's settlement for a month",
        security,
        body: GenerateBody,
        response: { 201: SettlementView },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.generateSettlement(db, contextOf(req), req.body)),
  );

  app.get(
    '/api/settlements',
    {
      schema: {
        tags,
        summary: 'Settlements in scope (officials: providers in their region; providers: their own)',
        security,
        querystring: SettlementListQuery,
        response: { 200: SettlementList },
      },
    },
    async (req) => service.listSettlements(db, contextOf(req), req.query),
  );

  app.get(
    '/api/settlements/:id',
    {
      schema: {
        tags,
        summary: 'One settlement with its paid and held lines',
        security,
        params: IdParams,
        response: { 200: SettlementView },
      },
    },
    async (req) => service.getSettlement(db, contextOf(req), req.params.id),
  );

  app.post(
    '/api/settlements/:id/finalise',
    {
      schema: {
        tags,
        summary: 'Make a draft settlement final (never regenerated again)',
        security,
        params: IdParams,
        response: { 200: SettlementView },
      },
    },
    async (req) => service.finaliseSettlement(db, contextOf(req), req.params.id),
  );

  app.get(
    '/api/settlements/:id/export.xlsx',
    { schema: { tags, summary: 'A settlement as XLSX (audited)', security, params: IdParams } },
    async (req, reply) => sendXlsx(reply, await exportSettlement(db, contextOf(req), req.params.id)),
  );
};
