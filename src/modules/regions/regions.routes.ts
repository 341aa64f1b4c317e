import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../server/deps.js';
import { badRequest, M } from '../../server/errors.js';
import { contextOf } from '../../server/plugins/auth.js';
import { requireActor } from '../accounts/scope.js';
import { assertCanImportPopulation } from './regions.policy.js';
import { importPopulationFile } from './regions.population.js';
import {
  ChildrenQuery,
  CodeParams,
  ImportQuery,
  ImportResultView,
  RegionHitList,
  RegionList,
  RegionStatsView,
  RegionWithPath,
  RegionYearList,
  SearchQuery,
  YearQuery,
} from './regions.schema.js';
import {
  getRegionStats,
  getRegionWithPath,
  listChildren,
  listRegionYears,
  searchRegions,
} from './regions.service.js';

const tags = ['regions'];
const signedIn = [{ session: [] }];

/**
 * The division tree (public reference data: years, children, search, a node with its path)
 * and population statistics and imports (signed-in officials, inside their scope).
 */
export const regionsRoutes: FastifyPluginAsync<AppDeps> = async (base, { database }) => {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/regions/years',
    { schema: { tags, summary: 'Loaded code-table years', response: { 200: RegionYearList } } },
    async () => ({ items: await listRegionYears(database) }),
  );

  app.get(
    '/api/regions',
    {
      schema: {
        tags,
        summary: 'Children of a region (provinces by default)',
        querystring: ChildrenQuery,
        response: { 200: RegionList },
      },
    },
    async (req) => ({ items: await listChildren(database, req.query.parent, req.query.year) }),
  );

  app.get(
    '/api/regions/search',
    {
      schema: {
        tags,
        summary: 'Search by Chinese name, pinyin, initials or code',
        querystring: SearchQuery,
        response: { 200: RegionHitList },
      },
    },
    async (req) => ({ items: await searchRegions(database, req.query) }),
  );

  app.get(
    '/api/regions/:code',
    {
      schema: {
        tags,
        summary: 'A region with its ancestors',
        params: CodeParams,
        querystring: YearQuery,
        response: { 200: RegionWithPath },
      },
    },
    async (req) => getRegionWithPath(database, req.params.code, req.query.year),
  );

  app.get(
    '/api/regions/:code/stats',
    {
      schema: {
        tags,
        summary: 'Population of a region and its children (officials, inside their scope)',
        security: signedIn,
        params: CodeParams,
        querystring: YearQuery,
        response: { 200: RegionStatsView },
      },
    },
    async (req) => getRegionStats(database, requireActor(req.actor), req.params.code, req.query.year),
  );

  app.post(
    '/api/regions/population/import',
    {
      schema: {
        tags,
        summary: 'Import population figures from CSV or XLSX (all rows or none)',
        security: signedIn,
        consumes: ['multipart/form-data'],
        querystring: ImportQuery,
        response: { 200: ImportResultView },
      },
    },
    async (req) => {
      const actor = requireActor(req.actor);
      assertCanImportPopulation(actor);
      const file = await req.file();
      if (!file) throw badRequest(M['validation.required'], { field: 'file' }, 'file');
      const dryRun = req.query.dryRun === 'true' || req.query.dryRun === '1';
      const upload = { filename: file.filename, buffer: await file.toBuffer() };
      return importPopulationFile(database, contextOf(req), upload, { dryRun });
    },
  );
};
