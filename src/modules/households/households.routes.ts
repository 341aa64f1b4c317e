import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../server/deps.js';
import { contextOf } from '../../server/plugins/auth.js';
import { SESSION_COOKIE } from '../accounts/auth.service.js';
import {
  CreateMemberBody,
  HouseholdView,
  MemberParams,
  MemberView,
  SignupBody,
  SignupView,
  UpdateHouseholdBody,
  UpdateMemberBody,
} from './households.schema.js';
import * as service from './households.service.js';
import { signup } from './residents.service.js';

/** Resident sign-up and the resident's own household: members, pick-up list, health reports. */
export const householdsRoutes: FastifyPluginAsync<AppDeps> = async (base, { database, config, cipher }) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const db = database.db;

  app.post(
    '/api/residents/signup',
    {
      schema: {
        tags: ['residents'],
        summary: 'Resident sign-up with a mobile number (no sign-in); signs the new resident in',
        body: SignupBody,
        response: { 201: SignupView },
      },
    },
    async (req, reply) => {
      const result = await signup(db, config, cipher, contextOf(req), req.body);
      reply.setCookie(SESSION_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: config.secureCookies,
        maxAge: result.maxAgeSeconds,
      });
      return reply.status(201).send({ account: result.account, csrfToken: result.csrfToken });
    },
  );

  const tags = ['households'];

  app.get(
    '/api/household',
    { schema: { tags, summary: "The signed-in resident's household", response: { 200: HouseholdView } } },
    async (req) => service.getHousehold(db, contextOf(req)),
  );

  app.patch(
    '/api/household',
    {
      schema: {
        tags,
        summary: 'Change where the household lives',
        body: UpdateHouseholdBody,
        response: { 200: HouseholdView },
      },
    },
    async (req) => service.updateHousehold(db, contextOf(req), req.body),
  );

  app.post(
    '/api/household/members',
    {
      schema: {
        tags,
        summary: 'Add a household member (child, older person, other adult)',
        body: CreateMemberBody,
        response: { 201: MemberView },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.addMember(db, cipher, contextOf(req), req.body)),
  );

  app.patch(
    '/api/household/members/:id',
    {
      schema: {
        tags,
        summary: 'Change a household member',
        params: MemberParams,
        body: UpdateMemberBody,
        response: { 200: MemberView },
      },
    },
    async (req) => service.updateMember(db, cipher, contextOf(req), req.params.id, req.body),
  );

  app.delete(
    '/api/household/members/:id',
    {
      schema: {
        tags,
        summary: 'Remove a household member (refused while it has live bookings)',
        params: MemberParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await service.removeMember(db, contextOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
};
