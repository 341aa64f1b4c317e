import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sendXlsx, XLSX_TYPE } from '../../lib/xlsx.js';
import type { AppDeps } from '../../server/deps.js';
import { contextOf } from '../../server/plugins/auth.js';
import { exportAudit, listAudit } from './audit.query.js';
import { AuditList, AuditQuery } from './audit.schema.js';

/** The audit trail of the caller's scope, as a list and as XLSX. */
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

  app.get(
    '/api/audit/export.xlsx',
    {
      schema: {
        tags: ['audit'],
        summary: 'The audit trail as XLSX, with the filters of the list (the export is itself audited)',
        querystring: AuditQuery.omit({ page: true, pageSize: true }),
        produces: [XLSX_TYPE],
      },
    },
    async (req, reply) => sendXlsx(reply, await exportAudit(database.db, contextOf(req), req.query)),
  );
};
