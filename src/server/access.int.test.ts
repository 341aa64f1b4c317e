import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../test/app.js';
import { seedTestRegions } from '../test/regions.js';

/**
 * Every endpoint, with who may not call it. The first test fails when an endpoint exists that
 * this table does not name, so no endpoint ships without its access cases.
 */
interface Actors {
  anonymous: TestClient;
  changan: TestClient; // health_county 130102
  resident: TestClient; // resident 130102001001
  township: TestClient; // health_township 130102001
  qiaoxiAccountId: string; // an account in another county
  changanAccountId: string;
}

type Case = {
  who: keyof Omit<Actors, 'qiaoxiAccountId' | 'changanAccountId'>;
  status: number;
  call: (c: TestClient, a: Actors) => Promise<{ statusCode: number }>;
};

const csv = (rows: string) => ({
  payload: `--X\r\nContent-Disposition: form-data; name="file"; filename="p.csv"\r\nContent-Type: text/csv\r\n\r\n${rows}\r\n--X--\r\n`,
  headers: { 'content-type': 'multipart/form-data; boundary=X' },
});

const PUBLIC = 'public' as const;
const ACCESS: Record<string, typeof PUBLIC | Case[]> = {
  'GET /api/health': PUBLIC,
  'POST /api/auth/login': PUBLIC,
  'POST /api/auth/logout': PUBLIC,
  'POST /api/id-numbers/check': PUBLIC,
  'GET /api/regions/years': PUBLIC,
  'GET /api/regions': PUBLIC,
  'GET /api/regions/search': PUBLIC,
  'GET /api/regions/{code}': PUBLIC,
  'GET /api/auth/me': [{ who: 'anonymous', status: 401, call: (c) => c.get('/api/auth/me') }],
  'POST /api/auth/password': [
    {
      who: 'anonymous',
      status: 401,
      call: (c) => c.post('/api/auth/password', { currentPassword: 'x', newPassword: 'Passw0rd!2' }),
    },
  ],
  'GET /api/roles': [{ who: 'anonymous', status: 401, call: (c) => c.get('/api/roles') }],
  'GET /api/accounts': [
    { who: 'anonymous', status: 401, call: (c) => c.get('/api/accounts') },
    { who: 'resident', status: 403, call: (c) => c.get('/api/accounts') },
    { who: 'changan', status: 403, call: (c) => c.get('/api/accounts?regionCode=130104') },
  ],
  'GET /api/accounts/{id}': [
    { who: 'anonymous', status: 401, call: (c, a) => c.get(`/api/accounts/${a.changanAccountId}`) },
    { who: 'resident', status: 403, call: (c, a) => c.get(`/api/accounts/${a.changanAccountId}`) },
    { who: 'changan', status: 403, call: (c, a) => c.get(`/api/accounts/${a.qiaoxiAccountId}`) },
  ],
  'POST /api/accounts': [
    { who: 'anonymous', status: 401, call: (c) => c.post('/api/accounts', newAccount('anon1', '130102001')) },
    { who: 'resident', status: 403, call: (c) => c.post('/api/accounts', newAccount('res1', '130102001')) },
    { who: 'township', status: 403, call: (c) => c.post('/api/accounts', newAccount('twn1', '130102001')) },
    { who: 'changan', status: 403, call: (c) => c.post('/api/accounts', newAccount('out1', '130104001')) },
  ],
  'PATCH /api/accounts/{id}': [
    {
      who: 'anonymous',
      status: 401,
      call: (c, a) => c.patch(`/api/accounts/${a.qiaoxiAccountId}`, { status: 'disabled' }),
    },
    {
      who: 'resident',
      status: 403,
      call: (c, a) => c.patch(`/api/accounts/${a.changanAccountId}`, { status: 'disabled' }),
    },
    {
      who: 'changan',
      status: 403,
      call: (c, a) => c.patch(`/api/accounts/${a.qiaoxiAccountId}`, { status: 'disabled' }),
    },
  ],
  'POST /api/accounts/{id}/reset-password': [
    {
      who: 'anonymous',
      status: 401,
      call: (c, a) =>
        c.post(`/api/accounts/${a.qiaoxiAccountId}/reset-password`, { newPassword: 'Passw0rd!9' }),
    },
    {
      who: 'township',
      status: 403,
      call: (c, a) =>
        c.post(`/api/accounts/${a.changanAccountId}/reset-password`, { newPassword: 'Passw0rd!9' }),
    },
    {
      who: 'changan',
      status: 403,
      call: (c, a) =>
        c.post(`/api/accounts/${a.qiaoxiAccountId}/reset-password`, { newPassword: 'Passw0rd!9' }),
    },
  ],
  'POST /api/accounts/{id}/unlock': [
    { who: 'anonymous', status: 401, call: (c, a) => c.post(`/api/accounts/${a.qiaoxiAccountId}/unlock`) },
    { who: 'resident', status: 403, call: (c, a) => c.post(`/api/accounts/${a.changanAccountId}/unlock`) },
    { who: 'changan', status: 403, call: (c, a) => c.post(`/api/accounts/${a.qiaoxiAccountId}/unlock`) },
  ],
  'GET /api/institutions/lookup': [
    { who: 'anonymous', status: 401, call: (c) => c.get('/api/institutions/lookup') },
    { who: 'resident', status: 403, call: (c) => c.get('/api/institutions/lookup') },
  ],
  'GET /api/audit': [
    { who: 'anonymous', status: 401, call: (c) => c.get('/api/audit') },
    { who: 'resident', status: 403, call: (c) => c.get('/api/audit') },
    { who: 'changan', status: 403, call: (c) => c.get('/api/audit?regionCode=130104') },
  ],
  'GET /api/regions/{code}/stats': [
    { who: 'anonymous', status: 401, call: (c) => c.get('/api/regions/130102/stats') },
    { who: 'resident', status: 403, call: (c) => c.get('/api/regions/130102001001/stats') },
    { who: 'changan', status: 403, call: (c) => c.get('/api/regions/130104/stats') },
  ],
  'POST /api/regions/population/import': [
    {
      who: 'anonymous',
      status: 401,
      call: (c) =>
        c.request({
          method: 'POST',
          url: '/api/regions/population/import?dryRun=true',
          ...csv(
            'code,year,residents,children_under_3,aged_60_plus,aged_80_plus\n130102,2023,1000,20,200,30',
          ),
        }),
    },
    {
      who: 'township',
      status: 403,
      call: (c) =>
        c.request({
          method: 'POST',
          url: '/api/regions/population/import?dryRun=true',
          ...csv(
            'code,year,residents,children_under_3,aged_60_plus,aged_80_plus\n130102001,2023,1000,20,200,30',
          ),
        }),
    },
    {
      who: 'changan',
      status: 403,
      call: (c) =>
        c.request({
          method: 'POST',
          url: '/api/regions/population/import?dryRun=true',
          ...csv(
            'code,year,residents,children_under_3,aged_60_plus,aged_80_plus\n130104,2023,1000,20,200,30',
          ),
        }),
    },
  ],
};

function newAccount(username: string, regionCode: string) {
  return { username, displayName: 'x', role: 'health_township', regionCode, password: 'Temp12345' };
}

let t: TestApp;
let actors: Actors;

beforeAll(async () => {
  t = await createTestApp();
  await seedTestRegions(t.database);
  const changan = await t.buildAccount({ role: 'health_county', regionCode: '130102' });
  const qiaoxi = await t.buildAccount({ role: 'health_county', regionCode: '130104' });
  const resident = await t.buildAccount({ role: 'resident', regionCode: '130102001001' });
  const township = await t.buildAccount({ role: 'health_township', regionCode: '130102001' });
  actors = {
    anonymous: t.anonymous,
    changan: await t.login(changan.username),
    resident: await t.login(resident.username),
    township: await t.login(township.username),
    qiaoxiAccountId: qiaoxi.id,
    changanAccountId: changan.id,
  };
});

describe('access control', () => {
  it('names every endpoint of the API', () => {
    const doc = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const endpoints = Object.entries(doc.paths).flatMap(([p, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${p}`),
    );
    const missing = endpoints.filter((e) => !(e in ACCESS));
    expect(missing).toEqual([]);
    expect(endpoints.length).toBeGreaterThan(15);
  });

  for (const [endpoint, cases] of Object.entries(ACCESS)) {
    if (cases === PUBLIC) continue;
    for (const c of cases) {
      it(`${endpoint} refuses ${c.who} with ${c.status}`, async () => {
        const res = await c.call(actors[c.who], actors);
        expect(res.statusCode).toBe(c.status);
      });
    }
  }
});
