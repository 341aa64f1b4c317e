import type { MultipartFile } from '@fastify/multipart';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../server/deps.js';
import { badRequest, M } from '../../server/errors.js';
import { contextOf } from '../../server/plugins/auth.js';
import { parseOrThrow } from '../../server/validation.js';
import { UploadView } from './filing.schema.js';
import { IdParams } from './institutions.schema.js';
import * as service from './uploads.service.js';
import { contentDisposition } from './uploads.sniff.js';

const KindField = z.object({ kind: z.enum(service.UPLOAD_KINDS) });

/** Read the multipart body: the `kind` field and the one `file`, refusing more than the size limit. */
async function readUpload(
  parts: AsyncIterableIterator<MultipartFile | { type: 'field'; fieldname: string; value: unknown }>,
) {
  let kind: unknown;
  let file: { filename: string; bytes: Buffer } | undefined;
  try {
    for await (const part of parts) {
      if (part.type === 'file') {
        const bytes = await (part as MultipartFile).toBuffer();
        if ((part as MultipartFile).file.truncated) throw service.uploadTooLarge();
        if (part.fieldname === 'file') file = { filename: (part as MultipartFile).filename, bytes };
      } else if (part.fieldname === 'kind') {
        kind = part.value;
      }
    }
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw service.uploadTooLarge();
    throw err;
  }
  if (!file) throw badRequest(M['validation.required'], { field: 'file' }, 'file');
  return { ...parseOrThrow(KindField, { kind }), ...file };
}

/** Uploads: filing materials, photos and certificate scans, type checked from the bytes, ≤ 10 MB. */
export const uploadsRoutes: FastifyPluginAsync<AppDeps> = async (base, { database, config }) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const db = database.db;
  const tags = ['uploads'];

  app.post(
    '/api/institutions/:id/uploads',
    {
      schema: {
        tags,
        summary:
          'Upload a file (multipart `file` + field `kind`): PDF, JPEG or PNG, checked from the bytes, ≤ 10 MB',
        consumes: ['multipart/form-data'],
        params: IdParams,
        response: { 201: UploadView },
      },
    },
    async (req, reply) => {
      const ctx = contextOf(req);
      await service.assertCanUpload(db, ctx, req.params.id);
      const upload = await readUpload(
        req.parts({ limits: { fileSize: service.MAX_UPLOAD_BYTES, files: 1, fields: 5 } }) as never,
      );
      const view = await service.createUpload(db, config.dataDir, ctx, req.params.id, {
        kind: upload.kind,
        filename: upload.filename,
        bytes: upload.bytes,
      });
      return reply.status(201).send(view);
    },
  );

  app.get(
    '/api/institutions/:id/uploads',
    {
      schema: {
        tags,
        summary: "An institution's uploads",
        params: IdParams,
        response: { 200: z.object({ items: z.array(UploadView) }) },
      },
    },
    async (req) => service.listUploads(db, contextOf(req), req.params.id),
  );

  app.get(
    '/api/uploads/:id',
    { schema: { tags, summary: 'Download a file (scoped, audited)', params: IdParams } },
    async (req, reply) => {
      const file = await service.downloadUpload(db, config.dataDir, contextOf(req), req.params.id);
      return reply
        .header('content-type', file.mime)
        .header('content-disposition', contentDisposition(file.filename))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store')
        .send(file.bytes);
    },
  );

  app.delete(
    '/api/uploads/:id',
    {
      schema: {
        tags,
        summary: "Delete a file (the institution's administrator)",
        params: IdParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await service.deleteUpload(db, config.dataDir, contextOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
};
