import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendXlsx, XLSX_TYPE } from '../../lib/xlsx.js';
import type { AppDeps } from '../../server/deps.js';
import { contextOf } from '../../server/plugins/auth.js';
import { exportAccounts } from './accounts.export.js';
import {
  AccountList,
  AccountListQuery,
  AccountView,
  CreateAccountBody,
  IdParams,
  ResetPasswordBody,
  RoleList,
  UpdateAccountBody,
} from './accounts.schema.js';
import * as service from './accounts.service.js';

/** Account management, scoped to the caller's region or institution. */
export const accountsRoutes: FastifyPluginAsync<AppDeps> = async (base, { database }) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const db = database.db;
  const tags = ['accounts'];

  app.get(
    '/api/roles',
    { schema: { tags, summary: 'Roles, and which the caller may create', response: { 200: RoleList } } },
    async (req) => service.listRoles(contextOf(req)),
  );

  app.get(
    '/api/accounts',
    {
      schema: {
        tags,
        summary: 'Accounts in my scope',
        querystring: AccountListQuery,
        response: { 200: AccountList },
      },
    },
    async (req) => service.listAccounts(db, contextOf(req), req.query),
  );

  app.get(
    '/api/accounts/export.xlsx',
    {
      schema: {
        tags,
        summary: 'The accounts list as XLSX, with the filters of the list (phones masked; audited)',
        querystring: AccountListQuery.omit({ page: true, pageSize: true }),
        produces: [XLSX_TYPE],
      },
    },
    async (req, reply) => sendXlsx(reply, await exportAccounts(db, contextOf(req), req.query)),
  );

  app.get(
    '/api/accounts/:id',
    { schema: { tags, summary: 'One account', params: IdParams, response: { 200: AccountView } } },
    async (req) => service.getAccount(db, contextOf(req), req.params.id),
  );

  app.post(
    '/api/accounts',
    {
      schema: {
        tags,
        summary: 'Create an account below my role, inside my scope',
        body: CreateAccountBody,
        response: { 201: AccountView },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createAccount(db, contextOf(req), req.body)),
  );

  app.patch(
    '/api/accounts/:id',
    {
      schema: {
        tags,
        summary: 'Change name, phone or status',
        params: IdParams,
        body: UpdateAccountBody,
        response: { 200: AccountView },
      },
    },
    async (req) => service.updateAccount(db, contextOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/accounts/:id/reset-password',
    {
      schema: {
        tags,
        summary: 'Set a temporary password',
        params: IdParams,
        body: ResetPasswordBody,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await service.resetPassword(db, contextOf(req), req.params.id, req.body.newPassword);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/accounts/:id/unlock',
    { schema: { tags, summary: 'Lift a lockout', params: IdParams, response: { 200: AccountView } } },
    async (req) => service.unlockAccount(db, contextOf(req), req.params.id),
  );
};
