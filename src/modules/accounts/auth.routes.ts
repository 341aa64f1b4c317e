import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../server/deps.js';
import { contextOf } from '../../server/plugins/auth.js';
import { ChangePasswordBody, LoginBody, LoginView, MeView } from './accounts.schema.js';
import { getAccount, permissionsOf } from './accounts.service.js';
import { changePassword, login, logout, SESSION_COOKIE } from './auth.service.js';
import { requireActor } from './scope.js';

/** Sign in, sign out, who am I, change my password. */
export const authRoutes: FastifyPluginAsync<AppDeps> = async (base, { database, config }) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];

  app.post(
    '/api/auth/login',
    {
      schema: {
        tags,
        summary: 'Sign in with username and password',
        body: LoginBody,
        response: { 200: LoginView },
      },
    },
    async (req, reply) => {
      const result = await login(database.db, config, contextOf(req), req.body.username, req.body.password);
      reply.setCookie(SESSION_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: config.secureCookies,
        maxAge: result.maxAgeSeconds,
      });
      return { account: result.account, csrfToken: result.csrfToken };
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags, summary: 'Sign out (ends this session)', response: { 204: z.null() } } },
    async (req, reply) => {
      if (req.actor && req.sessionTokenHash) await logout(database.db, contextOf(req), req.sessionTokenHash);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    {
      schema: {
        tags,
        summary: 'The signed-in account, its permissions and CSRF token',
        response: { 200: MeView },
      },
    },
    async (req) => {
      const actor = requireActor(req.actor);
      const account = await getAccount(database.db, contextOf(req), actor.id);
      return { account, csrfToken: req.csrfToken!, permissions: permissionsOf(actor.role) };
    },
  );

  app.post(
    '/api/auth/password',
    {
      schema: { tags, summary: 'Change my password', body: ChangePasswordBody, response: { 204: z.null() } },
    },
    async (req, reply) => {
      requireActor(req.actor);
      await changePassword(
        database.db,
        contextOf(req),
        req.sessionTokenHash!,
        req.body.currentPassword,
        req.body.newPassword,
      );
      return reply.status(204).send(null);
    },
  );
};
