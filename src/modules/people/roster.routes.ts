import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../server/deps.js';
import { badRequest, M } from '../../server/errors.js';
import { contextOf } from '../../server/plugins/auth.js';
import { requirePermission } from '../accounts/accounts.service.js';
import { requireActor } from '../accounts/scope.js';
import {
  ConflictList,
  ConflictQuery,
  ConflictView,
  IdParams,
  ImportQuery,
  ListQuery,
  PersonDetail,
  PersonList,
  ResolveBody,
  RevealView,
  RosterImportResult,
} from './roster.schema.js';
import * as service from './roster.service.js';

const tags = ['roster'];
const security = [{ session: [] }];

/**
 * The living roster of older people: department imports, the scoped list and detail (ID numbers
 * masked, reads audited), conflicts between departments and their resolution, audited reveal.
 */
export const rosterRoutes: FastifyPluginAsync<AppDeps> = async (base, { database, cipher }) => {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/roster/import',
    {
      schema: {
        tags,
        summary: "Import a department's file (CSV or XLSX) into the roster",
        security,
        consumes: ['multipart/form-data'],
        querystring: ImportQuery,
        response: { 200: RosterImportResult },
      },
    },
    async (req) => {
      requirePermission(requireActor(req.actor), 'people.manage');
      const file = await req.file();
      if (!file) throw badRequest(M['validation.required'], { field: 'file' }, 'file');
      const upload = { filename: file.filename, buffer: await file.toBuffer() };
      const dryRun = req.query.dryRun === 'true' || req.query.dryRun === '1';
      return service.importRoster(database, cipher, contextOf(req), upload, {
        source: req.query.source,
        dryRun,
      });
    },
  );

  app.get(
    '/api/roster',
    {
      schema: {
        tags,
        summary: 'Older people in the caller’s region',
        security,
        querystring: ListQuery,
        response: { 200: PersonList },
      },
    },
    async (req) => service.listPeople(database, cipher, contextOf(req), req.query),
  );

  app.get(
    '/api/roster/conflicts',
    {
      schema: {
        tags,
        summary: 'Disagreements between departments',
        security,
        querystring: ConflictQuery,
        response: { 200: ConflictList },
      },
    },
    async (req) => service.listRosterConflicts(database, contextOf(req), req.query),
  );

  app.post(
    '/api/roster/conflicts/:id/resolve',
    {
      schema: {
        tags,
        summary: 'Resolve a conflict by choosing a department or a value',
        security,
        params: IdParams,
        body: ResolveBody,
        response: { 200: ConflictView },
      },
    },
    async (req) => service.resolveConflict(database, contextOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/roster/:id',
    {
      schema: {
        tags,
        summary: 'One older person with flags by source, history and conflicts',
        security,
        params: IdParams,
        response: { 200: PersonDetail },
      },
    },
    async (req) => service.getPerson(database, cipher, contextOf(req), req.params.id),
  );

  app.post(
    '/api/roster/:id/reveal-id',
    {
      schema: {
        tags,
        summary: 'The full ID number (permission people.reveal_id; audited)',
        security,
        params: IdParams,
        response: { 200: RevealView },
      },
    },
    async (req) => service.revealIdNumber(database, cipher, contextOf(req), req.params.id),
  );
};
