import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sendXlsx, XLSX_TYPE } from '../../lib/xlsx.js';
import type { AppDeps } from '../../server/deps.js';
import { badRequest, M } from '../../server/errors.js';
import { contextOf } from '../../server/plugins/auth.js';
import { requireActor } from '../accounts/scope.js';
import { exportInstitutions } from './export.service.js';
import { ExportQuery, ImportQuery, InstitutionImportView } from './import.schema.js';
import { assertCanImport, importInstitutionsFile } from './import.service.js';

/** The register in and out as sheets: import from CSV/XLSX (all rows or none) and export to XLSX. */
export const institutionsImportRoutes: FastifyPluginAsync<AppDeps> = async (base, { database }) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['institutions'];

  app.post(
    '/api/institutions/import',
    {
      schema: {
        tags,
        summary: 'Import institutions from CSV or XLSX (all rows or none; dryRun checks only)',
        consumes: ['multipart/form-data'],
        querystring: ImportQuery,
        response: { 200: InstitutionImportView },
      },
    },
    async (req) => {
      assertCanImport(requireActor(req.actor));
      const file = await req.file();
      if (!file) throw badRequest(M['validation.required'], { field: 'file' }, 'file');
      const upload = { filename: file.filename, buffer: await file.toBuffer() };
      const dryRun = req.query.dryRun === 'true' || req.query.dryRun === '1';
      return importInstitutionsFile(database, contextOf(req), upload, { dryRun });
    },
  );

  app.get(
    '/api/institutions/export.xlsx',
    {
      schema: {
        tags,
        summary: 'The register as XLSX, with the filters of the list (officials, inside their region)',
        querystring: ExportQuery,
        produces: [XLSX_TYPE],
      },
    },
    async (req, reply) => {
      const { affordable, ...rest } = req.query;
      const filters = { ...rest, affordable: affordable === undefined ? undefined : affordable === 'true' };
      return sendXlsx(reply, exportInstitutions(database, contextOf(req), filters));
    },
  );
};
