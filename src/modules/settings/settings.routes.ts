import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../server/deps.js';
import { contextOf } from '../../server/plugins/auth.js';
import {
  EffectiveSettingView,
  PutSettingBody,
  SettingKeyParams,
  SettingQuery,
  StoredSettingView,
} from './settings.schema.js';
import * as service from './settings.service.js';

/** Rules that differ by region: a public read of the value in force, and changes by officials. */
export const settingsRoutes: FastifyPluginAsync<AppDeps> = async (base, { database }) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const db = database.db;
  const tags = ['settings'];

  app.get(
    '/api/settings/:key',
    {
      schema: {
        tags,
        summary: 'The value of a setting in force for a region (public)',
        params: SettingKeyParams,
        querystring: SettingQuery,
        response: { 200: EffectiveSettingView },
      },
    },
    async (req) => service.readSetting(db, req.params.key, req.query.regionCode, req.query.onDay),
  );

  app.put(
    '/api/settings/:key',
    {
      schema: {
        tags,
        summary: 'Set a region’s value of a setting from a day on (province/city officials, sysadmin)',
        params: SettingKeyParams,
        body: PutSettingBody,
        response: { 200: StoredSettingView },
      },
    },
    async (req) => service.putSetting(db, contextOf(req), { key: req.params.key, ...req.body }),
  );
};
