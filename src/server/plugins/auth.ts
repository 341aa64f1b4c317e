import type { FastifyInstance } from 'fastify';
import { resolveSession, SESSION_COOKIE } from '../../modules/accounts/auth.service.js';
import type { Actor, RequestContext } from '../context.js';
import type { AppDeps } from '../deps.js';
import { AppError, M } from '../errors.js';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Requests that may be made before a session exists. */
const CSRF_EXEMPT = new Set(['/api/auth/login']);

/**
 * Resolve the session cookie to `req.actor` on every request, and require the session's CSRF
 * token (header `x-csrf-token`) on every state-changing request made with that cookie.
 * Cross-site requests are refused by Origin as a second line.
 */
export async function registerAuth(app: FastifyInstance, { database, config }: AppDeps): Promise<void> {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionTokenHash', null);
  app.addHook('onRequest', async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const session = await resolveSession(database.db, config, token);
      if (session) {
        req.actor = session.actor;
        req.sessionTokenHash = session.tokenHash;
        if (UNSAFE.has(req.method) && !CSRF_EXEMPT.has(req.url.split('?')[0]!)) {
          if (req.headers['x-csrf-token'] !== session.csrfToken) throw new AppError(403, M['error.csrf']);
        }
        (req as { csrfToken?: string }).csrfToken = session.csrfToken;
      } else {
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
      }
    }
    const origin = req.headers.origin;
    if (origin && UNSAFE.has(req.method) && req.headers.host && originHost(origin) !== req.headers.host) {
      throw new AppError(403, M['error.csrf']);
    }
  });
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/** The service-facing view of a request. */
export function contextOf(req: {
  actor: Actor | null;
  lang: 'zh-CN' | 'en';
  ip: string;
  headers: Record<string, string | string[] | undefined>;
}): RequestContext {
  const ua = req.headers['user-agent'];
  return {
    actor: req.actor,
    lang: req.lang,
    ip: req.ip ?? null,
    userAgent: typeof ua === 'string' ? ua.slice(0, 300) : null,
  };
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionTokenHash: string | null;
    csrfToken?: string;
  }
}
