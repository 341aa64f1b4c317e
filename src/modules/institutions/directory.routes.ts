import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../server/deps.js';
import { contextOf } from '../../server/plugins/auth.js';
import {
  DirectoryIdParams,
  DirectoryListView,
  DirectoryPageView,
  DirectoryQuery,
  PhotoParams,
} from './directory.schema.js';
import * as service from './directory.service.js';

/** The public directory of filed institutions: no sign-in, public fields only. */
export const directoryRoutes: FastifyPluginAsync<AppDeps> = async (base, { database, config }) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const db = database.db;
  const tags = ['directory'];

  app.get(
    '/api/directory',
    {
      schema: {
        tags,
        summary: 'Find filed institutions near a place or by filters (public)',
        querystring: DirectoryQuery,
        response: { 200: DirectoryListView },
      },
    },
    async (req) => service.searchPublicDirectory(db, contextOf(req), req.query),
  );

  app.get(
    '/api/directory/photos/:uploadId',
    {
      schema: {
        tags,
        summary: 'A photo of a filed institution (public)',
        params: PhotoParams,
        produces: ['image/jpeg', 'image/png'],
      },
    },
    async (req, reply) => {
      const photo = await service.openDirectoryPhoto(db, contextOf(req), config.dataDir, req.params.uploadId);
      return reply
        .type(photo.mime)
        .header('content-length', photo.size)
        .header('etag', photo.etag)
        .header('cache-control', 'public, max-age=3600')
        .header('x-content-type-options', 'nosniff')
        .send(photo.stream);
    },
  );

  app.get(
    '/api/directory/:id',
    {
      schema: {
        tags,
        summary: 'The public page of a filed institution',
        params: DirectoryIdParams,
        response: { 200: DirectoryPageView },
      },
    },
    async (req) => service.getDirectoryPage(db, contextOf(req), req.params.id),
  );
};
