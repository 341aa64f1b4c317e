import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendXlsx, XLSX_TYPE } from '../../lib/xlsx.js';
import type { AppDeps } from '../../server/deps.js';
import { contextOf } from '../../server/plugins/auth.js';
import { IdParams } from './classes.schema.js';
import { exportExpiring } from './compliance.export.js';
import * as service from './compliance.service.js';
import { ExpiringList, ExpiringQuery } from './staff.schema.js';

const ComplianceView = z.object({
  ok: z.boolean(),
  issues: z.array(
    z.object({
      rule: z.string(),
      severity: z.enum(['error', 'warning']),
      message: z.string(),
      params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
      subject: z.object({
        type: z.enum(['institution', 'class', 'staff']),
        id: z.string(),
        name: z.string(),
      }),
    }),
  ),
});

/** What an institution falls short of (STANDARDS §1, fire siting), and certificates running out. */
export const complianceRoutes: FastifyPluginAsync<AppDeps> = async (base, { database }) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const db = database.db;
  const tags = ['compliance'];

  app.get(
    '/api/institutions/:id/compliance',
    {
      schema: {
        tags,
        summary: 'Every standard the institution breaks or is about to break',
        params: IdParams,
        response: { 200: ComplianceView },
      },
    },
    async (req) => service.getCompliance(db, contextOf(req), req.params.id),
  );

  app.get(
    '/api/compliance/expiring',
    {
      schema: {
        tags,
        summary: 'Staff certificates expiring or expired within N days, in my scope',
        querystring: ExpiringQuery,
        response: { 200: ExpiringList },
      },
    },
    async (req) => service.listExpiring(db, contextOf(req), req.query),
  );

  app.get(
    '/api/compliance/expiring/export.xlsx',
    {
      schema: {
        tags,
        summary: 'Certificates expiring within N days as XLSX, in my scope (audited)',
        querystring: ExpiringQuery.omit({ page: true, pageSize: true }),
        produces: [XLSX_TYPE],
      },
    },
    async (req, reply) => sendXlsx(reply, await exportExpiring(db, contextOf(req), req.query)),
  );
};
