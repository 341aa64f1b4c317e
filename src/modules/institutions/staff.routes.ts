import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../server/deps.js';
import { contextOf } from '../../server/plugins/auth.js';
import * as certificates from './certificates.service.js';
import { IdParams } from './classes.schema.js';
import {
  CertificateView,
  CreateCertificateBody,
  CreateStaffBody,
  StaffList,
  StaffView,
  UpdateStaffBody,
} from './staff.schema.js';
import * as service from './staff.service.js';

/** Staff of an institution and their certificates; ID numbers only ever leave masked. */
export const staffRoutes: FastifyPluginAsync<AppDeps> = async (base, { database, cipher }) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const db = database.db;
  const tags = ['staff'];

  app.get(
    '/api/institutions/:id/staff',
    {
      schema: {
        tags,
        summary: 'Staff with certificates and warnings (ID numbers masked)',
        params: IdParams,
        response: { 200: StaffList },
      },
    },
    async (req) => service.listStaff(db, cipher, contextOf(req), req.params.id),
  );

  app.post(
    '/api/institutions/:id/staff',
    {
      schema: {
        tags,
        summary: 'Add a staff member',
        params: IdParams,
        body: CreateStaffBody,
        response: { 201: StaffView },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.createStaff(db, cipher, contextOf(req), req.params.id, req.body)),
  );

  app.patch(
    '/api/staff/:id',
    {
      schema: {
        tags,
        summary: 'Change a staff member, their class or status',
        params: IdParams,
        body: UpdateStaffBody,
        response: { 200: StaffView },
      },
    },
    async (req) => service.updateStaff(db, cipher, contextOf(req), req.params.id, req.body),
  );

  app.delete(
    '/api/staff/:id',
    { schema: { tags, summary: 'Remove a staff member', params: IdParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await service.deleteStaff(db, contextOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/staff/:id/certificates',
    {
      schema: {
        tags,
        summary: 'Record a certificate (expiry defaults from its kind)',
        params: IdParams,
        body: CreateCertificateBody,
        response: { 201: CertificateView },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await certificates.addCertificate(db, contextOf(req), req.params.id, req.body)),
  );

  app.delete(
    '/api/certificates/:id',
    { schema: { tags, summary: 'Delete a certificate', params: IdParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await certificates.deleteCertificate(db, contextOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
};
