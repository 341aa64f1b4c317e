import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../server/deps.js';
import { contextOf } from '../../server/plugins/auth.js';
import { listAudit } from './audit.query.js';
import { AuditList, AuditQuery } from './audit.schema.js';

/** The audit trail of the caller's scope. */
export const auditRoutes: FastifyPluginAsync<AppDeps> = async (base, { database }) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit trail of records in my scope',
        querystring: AuditQuery,
        response: { 200: AuditList },
      },
    },
    async (req) => listAudit(database.db, contextOf(req), req.query),
  );
};
