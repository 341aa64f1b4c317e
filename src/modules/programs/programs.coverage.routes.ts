import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sendXlsx, XLSX_TYPE } from '../../lib/xlsx.js';
import type { AppDeps } from '../../server/deps.js';
import { contextOf } from '../../server/plugins/auth.js';
import { exportCoverage } from './programs.coverage.export.js';
import { coverage, coveragePeople } from './programs.coverage.js';
import { personPrograms } from './programs.person.js';
import {
  CoveragePeople,
  CoveragePeopleQuery,
  CoverageQuery,
  CoverageView,
  PersonParams,
  PersonProgramsView,
} from './programs.schema.js';

const tags = ['programs'];
const security = [{ session: [] }];

/** The coverage report (应保尽保) with its lists and export, and one person's programs (people.read). */
export const coverageRoutes: FastifyPluginAsync<AppDeps> = async (base, { database, cipher }) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const db = database.db;

  app.get(
    '/api/programs/coverage',
    {
      schema: {
        tags,
        summary: 'Per township: eligible, enrolled, served, and the three gaps (应保尽保)',
        security,
        querystring: CoverageQuery,
        response: { 200: CoverageView },
      },
    },
    async (req) => coverage(db, contextOf(req), req.query),
  );

  app.get(
    '/api/programs/coverage/people',
    {
      schema: {
        tags,
        summary: 'The people on the coverage lists (names shown, ID numbers masked; audited)',
        security,
        querystring: CoveragePeopleQuery,
        response: { 200: CoveragePeople },
      },
    },
    async (req) => coveragePeople(db, cipher, contextOf(req), req.query),
  );

  app.get(
    '/api/programs/coverage/export.xlsx',
    {
      schema: {
        tags,
        summary: 'The coverage lists as XLSX (audited)',
        security,
        querystring: CoveragePeopleQuery.omit({ page: true, pageSize: true }),
        produces: [XLSX_TYPE],
      },
    },
    async (req, reply) => sendXlsx(reply, await exportCoverage(db, cipher, contextOf(req), req.query)),
  );

  app.get(
    '/api/roster/:personId/programs',
    {
      schema: {
        tags,
        summary: "A person's programs: eligibility with reasons, enrolments, entitlements used and left",
        security,
        params: PersonParams,
        response: { 200: PersonProgramsView },
      },
    },
    async (req) => personPrograms(db, contextOf(req), req.params.personId),
  );
};
