import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Database } from '../db/client.js';
import { hashPassword } from '../lib/passwords.js';
import { createFieldCipher, type FieldCipher } from '../lib/secrets.js';
import { accounts } from '../modules/accounts/accounts.table.js';
import type { Role } from '../modules/accounts/roles.js';
import { institutions } from '../modules/institutions/institutions.table.js';
import { buildApp } from '../server/app.js';
import { type Config, loadConfig } from '../server/config.js';
import { createTestDatabase } from './database.js';

/** An HTTP client bound to one session (cookie + CSRF token) of the app under test. */
export interface TestClient {
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  delete(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  csrfToken: string | null;
  cookie: string | null;
}

export interface AccountOverrides {
  username?: string;
  displayName?: string;
  role?: Role;
  regionCode?: string;
  institutionId?: string | null;
  password?: string;
  phone?: string | null;
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  cipher: FieldCipher;
  config: Config;
  anonymous: TestClient;
  /** Insert an account directly (a factory, not the API under test); password defaults to `Passw0rd!`. */
  buildAccount(overrides?: AccountOverrides): Promise<{ id: string; username: string; password: string }>;
  /** Insert a minimal institution for institution users. */
  buildInstitution(overrides?: {
    name?: string;
    kind?: string;
    regionCode?: string;
  }): Promise<{ id: string }>;
  /** Sign in through the API and return a client carrying that session. */
  login(username: string, password?: string): Promise<TestClient>;
}

let counter = 0;

function client(app: FastifyInstance, cookie: string | null, csrfToken: string | null): TestClient {
  const withSession = (options: InjectOptions): InjectOptions => ({
    ...options,
    headers: {
      ...(cookie ? { cookie } : {}),
      ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}),
      ...(options.headers ?? {}),
    },
  });
  return {
    cookie,
    csrfToken,
    request: (options) => app.inject(withSession(options)),
    get: (url, headers) => app.inject(withSession({ method: 'GET', url, headers })),
    post: (url, body, headers) =>
      app.inject(
        withSession({
          method: 'POST',
          url,
          headers,
          ...(body === undefined ? {} : { payload: body as object }),
        }),
      ),
    patch: (url, body, headers) =>
      app.inject(withSession({ method: 'PATCH', url, headers, payload: body as object })),
    delete: (url, headers) => app.inject(withSession({ method: 'DELETE', url, headers })),
  };
}

/** A fresh database and app for one test file. */
export async function createTestApp(): Promise<TestApp> {
  const database = await createTestDatabase();
  const config: Config = {
    ...loadConfig({}),
    dataDir: mkdtempSync(path.join(os.tmpdir(), 'doorstep-test-')),
    loadDemo: false,
  };
  const cipher = createFieldCipher(randomBytes(32));
  const app = await buildApp({ database, config, cipher, logger: false, serveWeb: false });
  await app.ready();
  return {
    app,
    database,
    cipher,
    config,
    anonymous: client(app, null, null),
    async buildAccount(overrides = {}) {
      counter += 1;
      const password = overrides.password ?? 'Passw0rd!';
      const username = overrides.username ?? `user${counter}_${Date.now().toString(36)}`;
      const [row] = await database.db
        .insert(accounts)
        .values({
          username,
          displayName: overrides.displayName ?? `测试用户${counter}`,
          role: overrides.role ?? 'health_county',
          regionCode: overrides.regionCode ?? '130102',
          institutionId: overrides.institutionId ?? null,
          phone: overrides.phone ?? null,
          passwordHash: await hashPassword(password),
        })
        .returning({ id: accounts.id });
      return { id: row!.id, username, password };
    },
    async buildInstitution(overrides = {}) {
      const [row] = await database.db
        .insert(institutions)
        .values({
          name: overrides.name ?? `测试托育中心${++counter}`,
          kind: overrides.kind ?? 'childcare_centre',
          regionCode: overrides.regionCode ?? '130102001001',
          status: 'filed',
        })
        .returning({ id: institutions.id });
      return { id: row!.id };
    },
    async login(username, password = 'Passw0rd!') {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password },
      });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const setCookie = res.headers['set-cookie'];
      const raw = Array.isArray(setCookie) ? setCookie[0]! : String(setCookie);
      return client(app, raw.split(';')[0]!, res.json().csrfToken);
    },
  };
}
