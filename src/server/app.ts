import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { accountsRoutes } from '../modules/accounts/accounts.routes.js';
import { authRoutes } from '../modules/accounts/auth.routes.js';
import { assessmentsRoutes } from '../modules/assessments/assessments.routes.js';
import { attendanceRoutes } from '../modules/attendance/attendance.routes.js';
import { auditRoutes } from '../modules/audit/audit.routes.js';
import { bookingsRoutes } from '../modules/bookings/bookings.routes.js';
import { careRoutes } from '../modules/care/care.routes.js';
import { geoRoutes } from '../modules/geo/geo.routes.js';
import { homecareRoutes } from '../modules/homecare/homecare.routes.js';
import { settlementsRoutes } from '../modules/homecare/settlements.routes.js';
import { visitsRoutes } from '../modules/homecare/visits.routes.js';
import { householdsRoutes } from '../modules/households/households.routes.js';
import { idNumberRoutes } from '../modules/idnumbers/idnumbers.routes.js';
import { capacityRoutes } from '../modules/institutions/capacity.routes.js';
import { classesRoutes } from '../modules/institutions/classes.routes.js';
import { complianceRoutes } from '../modules/institutions/compliance.routes.js';
import { directoryRoutes } from '../modules/institutions/directory.routes.js';
import { filingRoutes } from '../modules/institutions/filing.routes.js';
import { institutionsImportRoutes } from '../modules/institutions/import.routes.js';
import { institutionsRoutes } from '../modules/institutions/institutions.routes.js';
import { staffRoutes } from '../modules/institutions/staff.routes.js';
import { uploadsRoutes } from '../modules/institutions/uploads.routes.js';
import { notificationsRoutes } from '../modules/notifications/notifications.routes.js';
import { rosterRoutes } from '../modules/people/roster.routes.js';
import { programsRoutes } from '../modules/programs/programs.routes.js';
import { regionsRoutes } from '../modules/regions/regions.routes.js';
import { settingsRoutes } from '../modules/settings/settings.routes.js';
import type { AppDeps } from './deps.js';
import { AppError, M } from './errors.js';
import { healthRoutes } from './health.routes.js';
import { pickLang } from './i18n.js';
import { registerAuth } from './plugins/auth.js';
import { presentError, registerErrorHandlers } from './plugins/errors.js';
import { VERSION } from './version.js';

const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export interface BuildAppOptions extends AppDeps {
  /** Pino logger settings; `false` for silence (tests). */
  logger?: boolean | object;
  /** Serve the built web app from web/dist when it exists (default true). */
  serveWeb?: boolean;
}

/** Build the doorstep HTTP application (API + web app) without listening. */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { database, config, cipher } = options;
  const deps: AppDeps = { database, config, cipher };
  const app = Fastify({
    logger: options.logger ?? { level: config.logLevel },
    trustProxy: true,
    bodyLimit: 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('lang', 'zh-CN');
  app.addHook('onRequest', async (req) => {
    const queryLang = (req.query as Record<string, string> | undefined)?.lang;
    req.lang = pickLang(queryLang ?? req.headers['accept-language']);
  });
  registerErrorHandlers(app);

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: 50 * 1024 * 1024, files: 1 } });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'doorstep API',
        description:
          '“一老一小”社区服务平台 — community childcare and elderly care. Errors are `{ error: { code, message, field? } }`.',
        version: VERSION,
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'doorstep_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await registerAuth(app, deps);
  await app.register(healthRoutes, deps);
  await app.register(authRoutes, deps);
  await app.register(accountsRoutes, deps);
  await app.register(auditRoutes, deps);
  await app.register(regionsRoutes, deps);
  await app.register(idNumberRoutes, deps);
  await app.register(institutionsRoutes, deps);
  await app.register(institutionsImportRoutes, deps);
  await app.register(directoryRoutes, deps);
  await app.register(filingRoutes, deps);
  await app.register(uploadsRoutes, deps);
  await app.register(classesRoutes, deps);
  await app.register(staffRoutes, deps);
  await app.register(complianceRoutes, deps);
  await app.register(capacityRoutes, deps);
  await app.register(geoRoutes, deps);
  await app.register(settingsRoutes, deps);
  await app.register(assessmentsRoutes, deps);
  await app.register(rosterRoutes, deps);
  await app.register(programsRoutes, deps);
  await app.register(notificationsRoutes, deps);
  await app.register(attendanceRoutes, deps);
  await app.register(bookingsRoutes, deps);
  await app.register(householdsRoutes, deps);
  await app.register(careRoutes, deps);
  await app.register(homecareRoutes, deps);
  await app.register(visitsRoutes, deps);
  await app.register(settlementsRoutes, deps);

  const serveWeb = options.serveWeb !== false && existsSync(path.join(WEB_DIST, 'index.html'));
  if (serveWeb) {
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: false });
  }
  app.setNotFoundHandler((req, reply) => {
    if (serveWeb && req.method === 'GET' && !req.url.startsWith('/api/')) {
      return reply.type('text/html').sendFile('index.html');
    }
    const err = new AppError(404, M['error.route_not_found'], {
      method: req.method,
      url: req.url.split('?')[0],
    });
    return reply.status(404).send(presentError(err, req.lang));
  });
  return app;
}

declare module 'fastify' {
  interface FastifyRequest {
    lang: 'zh-CN' | 'en';
  }
}
