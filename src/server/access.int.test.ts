import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  providerItems,
  serviceItems,
  serviceOrders,
  settlements,
  visits,
} from '../modules/homecare/homecare.table.js';
import { householdMembers, households } from '../modules/households/households.table.js';
import { filings, uploads } from '../modules/institutions/filing.table.js';
import { staffCertificates } from '../modules/institutions/staff.table.js';
import { notify } from '../modules/notifications/notifications.service.js';
import { notifications } from '../modules/notifications/notifications.table.js';
import { itemsOf } from '../standards/capability-assessment.js';
import { createTestApp, type TestApp, type TestClient } from '../test/app.js';
import { buildClass, buildStaff } from '../test/institutions.js';
import { buildPerson } from '../test/people.js';
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

const contactBody = { kind: 'home_visit', contactedOn: '2026-01-05', outcome: 'well' };
const RANGE = 'from=2026-12-01&to=2026-12-02';
const offerBody = () => ({
  service: 'childcare',
  form: 'hourly',
  classId: NO_ID,
  from: '2026-12-01',
  to: '2026-12-01',
  startsAt: '09:00',
  endsAt: '10:00',
  capacity: 1,
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
  'GET /api/geo/{code}': PUBLIC,
  'GET /api/settings/{key}': PUBLIC,
  'PUT /api/settings/{key}': [
    { who: 'anonymous', status: 401, call: (c) => putSetting(c, '130102') },
    { who: 'resident', status: 403, call: (c) => putSetting(c, '130102') },
    { who: 'township', status: 403, call: (c) => putSetting(c, '130102001') },
    { who: 'changan', status: 403, call: (c) => putSetting(c, '130102') },
  ],
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
  'GET /api/accounts/export.xlsx': [
    { who: 'anonymous', status: 401, call: (c) => c.get('/api/accounts/export.xlsx') },
    { who: 'resident', status: 403, call: (c) => c.get('/api/accounts/export.xlsx') },
    { who: 'changan', status: 403, call: (c) => c.get('/api/accounts/export.xlsx?regionCode=130104') },
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
  'GET /api/directory': PUBLIC,
  'GET /api/directory/{id}': PUBLIC,
  'GET /api/directory/photos/{uploadId}': PUBLIC,
  'POST /api/institutions/import': [
    { who: 'anonymous', status: 401, call: (c) => importInstitutions(c, '130102001001') },
    { who: 'resident', status: 403, call: (c) => importInstitutions(c, '130102001001') },
    { who: 'township', status: 403, call: (c) => importInstitutions(c, '130102001001') },
    { who: 'changan', status: 403, call: (c) => importInstitutions(c, '130104001001') },
  ],
  'GET /api/institutions/export.xlsx': [
    { who: 'anonymous', status: 401, call: (c) => c.get('/api/institutions/export.xlsx') },
    { who: 'resident', status: 403, call: (c) => c.get('/api/institutions/export.xlsx') },
    { who: 'changan', status: 403, call: (c) => c.get('/api/institutions/export.xlsx?regionCode=130104') },
  ],
  'POST /api/institutions/register': PUBLIC,
  'GET /api/institutions': [
    { who: 'anonymous', status: 401, call: (c) => c.get('/api/institutions') },
    { who: 'resident', status: 403, call: (c) => c.get('/api/institutions') },
    { who: 'changan', status: 403, call: (c) => c.get('/api/institutions?regionCode=130104') },
  ],
  'POST /api/institutions': [
    {
      who: 'anonymous',
      status: 401,
      call: (c) => c.post('/api/institutions', newInstitution('130102001001')),
    },
    {
      who: 'resident',
      status: 403,
      call: (c) => c.post('/api/institutions', newInstitution('130102001001')),
    },
    {
      who: 'township',
      status: 403,
      call: (c) => c.post('/api/institutions', newInstitution('130102001001')),
    },
    { who: 'changan', status: 403, call: (c) => c.post('/api/institutions', newInstitution('130104001001')) },
  ],
  'GET /api/institutions/{id}': [
    { who: 'anonymous', status: 401, call: (c) => c.get(`/api/institutions/${NO_ID}`) },
    { who: 'resident', status: 403, call: async (c) => c.get(`/api/institutions/${await changanInst()}`) },
    { who: 'changan', status: 403, call: async (c) => c.get(`/api/institutions/${await qiaoxiInst()}`) },
  ],
  'PATCH /api/institutions/{id}': [
    {
      who: 'anonymous',
      status: 401,
      call: (c) => c.patch(`/api/institutions/${NO_ID}`, { phone: '13800000000' }),
    },
    {
      who: 'township',
      status: 403,
      call: async (c) => c.patch(`/api/institutions/${await changanInst()}`, { phone: '13800000000' }),
    },
    {
      who: 'changan',
      status: 403,
      call: async (c) => c.patch(`/api/institutions/${await qiaoxiInst()}`, { phone: '13800000000' }),
    },
  ],
  'PUT /api/institutions/{id}/functions': [
    { who: 'anonymous', status: 401, call: (c) => putFunctions(c, NO_ID) },
    { who: 'resident', status: 403, call: async (c) => putFunctions(c, await changanInst()) },
    { who: 'township', status: 403, call: async (c) => putFunctions(c, await changanInst()) },
    { who: 'changan', status: 403, call: async (c) => putFunctions(c, await qiaoxiInst()) },
  ],
  'GET /api/institutions/{id}/filings': [
    { who: 'anonymous', status: 401, call: (c) => c.get(`/api/institutions/${NO_ID}/filings`) },
    {
      who: 'resident',
      status: 403,
      call: async (c) => c.get(`/api/institutions/${await changanInst()}/filings`),
    },
    {
      who: 'changan',
      status: 403,
      call: async (c) => c.get(`/api/institutions/${await qiaoxiInst()}/filings`),
    },
  ],
  'POST /api/institutions/{id}/filings': [
    {
      who: 'anonymous',
      status: 401,
      call: (c) => c.post(`/api/institutions/${NO_ID}/filings`, { kind: 'deregistration' }),
    },
    {
      who: 'resident',
      status: 403,
      call: async (c) =>
        c.post(`/api/institutions/${await changanInst()}/filings`, { kind: 'deregistration' }),
    },
    {
      who: 'changan',
      status: 403,
      call: async (c) =>
        c.post(`/api/institutions/${await changanInst()}/filings`, { kind: 'deregistration' }),
    },
  ],
  'GET /api/filings/queue': [
    { who: 'anonymous', status: 401, call: (c) => c.get('/api/filings/queue') },
    { who: 'resident', status: 403, call: (c) => c.get('/api/filings/queue') },
    { who: 'township', status: 403, call: (c) => c.get('/api/filings/queue') },
  ],
  'GET /api/filings/queue/export.xlsx': [
    { who: 'anonymous', status: 401, call: (c) => c.get('/api/filings/queue/export.xlsx') },
    { who: 'resident', status: 403, call: (c) => c.get('/api/filings/queue/export.xlsx') },
    { who: 'township', status: 403, call: (c) => c.get('/api/filings/queue/export.xlsx') },
  ],
  'GET /api/filings/{id}': [
    { who: 'anonymous', status: 401, call: (c) => c.get(`/api/filings/${NO_ID}`) },
    { who: 'resident', status: 403, call: async (c) => c.get(`/api/filings/${await changanFiling()}`) },
    { who: 'changan', status: 403, call: async (c) => c.get(`/api/filings/${await qiaoxiFiling()}`) },
  ],
  'POST /api/filings/{id}/actions/{action}': [
    { who: 'anonymous', status: 401, call: (c) => c.post(`/api/filings/${NO_ID}/actions/submit`, {}) },
    {
      who: 'resident',
      status: 403,
      call: async (c) => c.post(`/api/filings/${await changanFiling()}/actions/submit`, {}),
    },
    {
      who: 'township',
      status: 403,
      call: async (c) => c.post(`/api/filings/${await changanFiling()}/actions/submit`, {}),
    },
    {
      who: 'changan',
      status: 403,
      call: async (c) => c.post(`/api/filings/${await changanFiling()}/actions/submit`, {}),
    },
    {
      who: 'changan',
      status: 403,
      call: async (c) => c.post(`/api/filings/${await qiaoxiFiling()}/actions/acknowledge`, {}),
    },
  ],
  'POST /api/institutions/{id}/uploads': [
    { who: 'anonymous', status: 401, call: (c) => postUpload(c, NO_ID) },
    { who: 'resident', status: 403, call: async (c) => postUpload(c, await changanInst()) },
    { who: 'township', status: 403, call: async (c) => postUpload(c, await changanInst()) },
    { who: 'changan', status: 403, call: async (c) => postUpload(c, await qiaoxiInst()) },
  ],
  'GET /api/institutions/{id}/uploads': [
    { who: 'anonymous', status: 401, call: (c) => c.get(`/api/institutions/${NO_ID}/uploads`) },
    {
      who: 'resident',
      status: 403,
      call: async (c) => c.get(`/api/institutions/${await changanInst()}/uploads`),
    },
    {
      who: 'changan',
      status: 403,
      call: async (c) => c.get(`/api/institutions/${await qiaoxiInst()}/uploads`),
    },
  ],
  'GET /api/uploads/{id}': [
    { who: 'anonymous', status: 401, call: (c) => c.get(`/api/uploads/${NO_ID}`) },
    { who: 'resident', status: 403, call: async (c) => c.get(`/api/uploads/${await qiaoxiUpload()}`) },
    { who: 'changan', status: 403, call: async (c) => c.get(`/api/uploads/${await qiaoxiUpload()}`) },
  ],
  'DELETE /api/uploads/{id}': [
    { who: 'anonymous', status: 401, call: (c) => c.delete(`/api/uploads/${NO_ID}`) },
    { who: 'resident', status: 403, call: async (c) => c.delete(`/api/uploads/${await qiaoxiUpload()}`) },
    { who: 'changan', status: 403, call: async (c) => c.delete(`/api/uploads/${await qiaoxiUpload()}`) },
  ],
  'GET /api/institutions/{id}/classes': [
    { who: 'anonymous', status: 401, call: (c) => c.get(`/api/institutions/${NO_ID}/classes`) },
    { who: 'resident', status: 403, call: (c) => c.get(`/api/institutions/${NO_ID}/classes`) },
    {
      who: 'changan',
      status: 403,
      call: async (c) => c.get(`/api/institutions/${await qiaoxiInst()}/classes`),
    },
  ],
  'POST /api/institutions/{id}/classes': [
    { who: 'anonymous', status: 401, call: (c) => c.post(`/api/institutions/${NO_ID}/classes`, NEW_CLASS) },
    {
      who: 'changan',
      status: 403,
      call: async (c) => c.post(`/api/institutions/${await changanInst()}/classes`, NEW_CLASS),
    },
  ],
  'PATCH /api/classes/{id}': [
    { who: 'anonymous', status: 401, call: (c) => c.patch(`/api/classes/${NO_ID}`, { name: 'x' }) },
    {
      who: 'changan',
      status: 403,
      call: async (c) => c.patch(`/api/classes/${await changanClass()}`, { name: 'x' }),
    },
  ],
  'DELETE /api/classes/{id}': [
    { who: 'anonymous', status: 401, call: (c) => c.delete(`/api/classes/${NO_ID}`) },
    { who: 'changan', status: 403, call: async (c) => c.delete(`/api/classes/${await changanClass()}`) },
  ],
  'GET /api/institutions/{id}/staff': [
    { who: 'anonymous', status: 401, call: (c) => c.get(`/api/institutions/${NO_ID}/staff`) },
    { who: 'resident', status: 403, call: (c) => c.get(`/api/institutions/${NO_ID}/staff`) },
    {
      who: 'changan',
      status: 403,
      call: async (c) => c.get(`/api/institutions/${await qiaoxiInst()}/staff`),
    },
  ],
  'POST /api/institutions/{id}/staff': [
    { who: 'anonymous', status: 401, call: (c) => c.post(`/api/institutions/${NO_ID}/staff`, NEW_STAFF) },
    {
      who: 'changan',
      status: 403,
      call: async (c) => c.post(`/api/institutions/${await changanInst()}/staff`, NEW_STAFF),
    },
  ],
  'PATCH /api/staff/{id}': [
    { who: 'anonymous', status: 401, call: (c) => c.patch(`/api/staff/${NO_ID}`, { name: 'x' }) },
    {
      who: 'changan',
      status: 403,
      call: async (c) => c.patch(`/api/staff/${await changanStaff()}`, { name: 'x' }),
    },
  ],
  'DELETE /api/staff/{id}': [
    { who: 'anonymous', status: 401, call: (c) => c.delete(`/api/staff/${NO_ID}`) },
    { who: 'changan', status: 403, call: async (c) => c.delete(`/api/staff/${await changanStaff()}`) },
  ],
  'POST /api/staff/{id}/certificates': [
    { who: 'anonymous', status: 401, call: (c) => c.post(`/api/staff/${NO_ID}/certificates`, NEW_CERT) },
    {
      who: 'changan',
      status: 403,
      call: async (c) => c.post(`/api/staff/${await changanStaff()}/certificates`, NEW_CERT),
    },
  ],
  'DELETE /api/certificates/{id}': [
    { who: 'anonymous', status: 401, call: (c) => c.delete(`/api/certificates/${NO_ID}`) },
    {
      who: 'changan',
      status: 403,
      call: async (c) => c.delete(`/api/certificates/${await changanCertificate()}`),
    },
  ],
  'GET /api/institutions/{id}/compliance': [
    { who: 'anonymous', status: 401, call: (c) => c.get(`/api/institutions/${NO_ID}/compliance`) },
    { who: 'resident', status: 403, call: (c) => c.get(`/api/institutions/${NO_ID}/compliance`) },
    {
      who: 'changan',
      status: 403,
      call: async (c) => c.get(`/api/institutions/${await qiaoxiInst()}/compliance`),
    },
  ],
  'GET /api/compliance/expiring': [
    { who: 'anonymous', status: 401, call: (c) => c.get('/api/compliance/expiring') },
    { who: 'resident', status: 403, call: (c) => c.get('/api/compliance/expiring') },
  ],
  'GET /api/compliance/expiring/export.xlsx': [
    { who: 'anonymous', status: 401, call: (c) => c.get('/api/compliance/expiring/export.xlsx') },
    { who: 'resident', status: 403, call: (c) => c.get('/api/compliance/expiring/export.xlsx') },
  ],
  'GET /api/institutions/{id}/capacity': [
    { who: 'anonymous', status: 401, call: (c) => c.get(`/api/institutions/${NO_ID}/capacity`) },
    { who: 'resident', status: 403, call: (c) => c.get(`/api/institutions/${NO_ID}/capacity`) },
    {
      who: 'changan',
      status: 403,
      call: async (c) => c.get(`/api/institutions/${await qiaoxiInst()}/capacity`),
    },
  ],
  'GET /api/audit': [
    { who: 'anonymous', status: 401, call: (c) => c.get('/api/audit') },
    { who: 'resident', status: 403, call: (c) => c.get('/api/audit') },
    { who: 'changan', status: 403, call: (c) => c.get('/api/audit?regionCode=130104') },
  ],
  'GET /api/audit/export.xlsx': [
    { who: 'anonymous', status: 401, call: (c) => c.get('/api/audit/export.xlsx') },
    { who: 'resident', status: 403, call: (c) => c.get('/api/audit/export.xlsx') },
    { who: 'changan', status: 403, call: (c) => c.get('/api/audit/export.xlsx?regionCode=130104') },
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
  'POST /api/roster/import': [
    {
      who: 'anonymous',
      status: 401,
      call: (c) =>
        c.request({
          method: 'POST',
          url: '/api/roster/import?source=civil_affairs&dryRun=true',
          ...csv('id_number,name,region_code'),
        }),
    },
    {
      who: 'resident',
      status: 403,
      call: (c) =>
        c.request({
          method: 'POST',
          url: '/api/roster/import?source=civil_affairs&dryRun=true',
          ...csv('id_number,name,region_code'),
        }),
    },
    {
      who: 'changan',
      status: 403,
      call: (c) =>
        c.request({
          method: 'POST',
          url: '/api/roster/import?source=civil_affairs&dryRun=true',
          ...csv('id_number,name,region_code'),
        }),
    },
  ],
  // ── duty of care ──
  'GET /api/care/overdue': [
    { who: 'anonymous', status: 401, call: (c) => c.get('/api/care/overdue') },
    { who: 'resident', status: 403, call: (c) => c.get('/api/care/overdue') },
    { who: 'changan', status: 403, call: (c) => c.get('/api/care/overdue') },
  ],
  'POST /api/roster/{personId}/contacts': [
    { who: 'anonymous', status: 401, call: (c) => c.post(`/api/roster/${NO_ID}/contacts`, contactBody) },
    { who: 'resident', status: 403, call: (c) => c.post(`/api/roster/${NO_ID}/contacts`, contactBody) },
    { who: 'township', status: 403, call: (c) => c.post(`/api/roster/${NO_ID}/contacts`, contactBody) },
  ],
  'GET /api/roster/{personId}/contacts': [
    { who: 'anonymous', status: 401, call: (c) => c.get(`/api/roster/${NO_ID}/contacts`) },
    { who: 'resident', status: 403, call: (c) => c.get(`/api/roster/${NO_ID}/contacts`) },
    { who: 'changan', status: 403, call: (c) => c.get(`/api/roster/${NO_ID}/contacts`) },
  ],
  // ── places and bookings ──
  'POST /api/institutions/{id}/offers': [
    { who: 'anonymous', status: 401, call: (c) => c.post(`/api/institutions/${NO_ID}/offers`, offerBody()) },
    { who: 'resident', status: 403, call: (c) => c.post(`/api/institutions/${NO_ID}/offers`, offerBody()) },
    { who: 'changan', status: 403, call: (c) => c.post(`/api/institutions/${NO_ID}/offers`, offerBody()) },
  ],
  'GET /api/institutions/{id}/offers': [
    { who: 'anonymous', status: 401, call: (c) => c.get(`/api/institutions/${NO_ID}/offers?${RANGE}`) },
    { who: 'resident', status: 403, call: (c) => c.get(`/api/institutions/${NO_ID}/offers?${RANGE}`) },
    { who: 'changan', status: 403, call: (c) => c.get(`/api/institutions/${NO_ID}/offers?${RANGE}`) },
  ],
  'GET /api/public/institutions/{id}/offers': PUBLIC,
  'PATCH /api/offers/{id}': [
    { who: 'anonymous', status: 401, call: (c) => c.patch(`/api/offers/${NO_ID}`, { capacity: 1 }) },
    { who: 'resident', status: 403, call: (c) => c.patch(`/api/offers/${NO_ID}`, { capacity: 1 }) },
    { who: 'changan', status: 403, call: (c) => c.patch(`/api/offers/${NO_ID}`, { capacity: 1 }) },
  ],
  'GET /api/institutions/{id}/calendar': [
    { who: 'anonymous', status: 401, call: (c) => c.get(`/api/institutions/${NO_ID}/calendar?${RANGE}`) },
    { who: 'resident', status: 403, call: (c) => c.get(`/api/institutions/${NO_ID}/calendar?${RANGE}`) },
    { who: 'township', status: 403, call: (c) => c.get(`/api/institutions/${NO_ID}/calendar?${RANGE}`) },
  ],
  'POST /api/bookings': [
    {
      who: 'anonymous',
      status: 401,
      call: (c) => c.post('/api/bookings', { memberId: NO_ID, offerIds: [NO_ID] }),
    },
    {
      who: 'changan',
      status: 403,
      call: (c) => c.post('/api/bookings', { memberId: NO_ID, offerIds: [NO_ID] }),
    },
  ],
  'GET /api/bookings/mine': [
    { who: 'anonymous', status: 401, call: (c) => c.get('/api/bookings/mine') },
    { who: 'changan', status: 403, call: (c) => c.get('/api/bookings/mine') },
  ],
  'POST /api/bookings/{id}/cancel': [
    { who: 'anonymous', status: 401, call: (c) => c.post(`/api/bookings/${NO_ID}/cancel`, {}) },
    { who: 'changan', status: 403, call: (c) => c.post(`/api/bookings/${NO_ID}/cancel`, {}) },
  ],
  'POST /api/bookings/{id}/decline': [
    { who: 'anonymous', status: 401, call: (c) => c.post(`/api/bookings/${NO_ID}/decline`) },
    { who: 'changan', status: 403, call: (c) => c.post(`/api/bookings/${NO_ID}/decline`) },
  ],
  'POST /api/bookings/{id}/confirm': [
    { who: 'anonymous', status: 401, call: (c) => c.post(`/api/bookings/${NO_ID}/confirm`) },
    { who: 'changan', status: 403, call: (c) => c.post(`/api/bookings/${NO_ID}/confirm`) },
  ],
  'POST /api/bookings/{id}/change': [
    {
      who: 'anonymous',
      status: 401,
      call: (c) => c.post(`/api/bookings/${NO_ID}/change`, { offerIds: [NO_ID] }),
    },
    {
      who: 'changan',
      status: 403,
      call: (c) => c.post(`/api/bookings/${NO_ID}/change`, { offerIds: [NO_ID] }),
    },
  ],
  'DELETE /api/waitlist/{id}': [
    { who: 'anonymous', status: 401, call: (c) => c.delete(`/api/waitlist/${NO_ID}`) },
    { who: 'changan', status: 403, call: (c) => c.delete(`/api/waitlist/${NO_ID}`) },
  ],
  'GET /api/institutions/{id}/bookings': [
    { who: 'anonymous', status: 401, call: (c) => c.get(`/api/institutions/${NO_ID}/bookings`) },
    { who: 'resident', status: 403, call: (c) => c.get(`/api/institutions/${NO_ID}/bookings`) },
    { who: 'changan', status: 403, call: (c) => c.get(`/api/institutions/${NO_ID}/bookings`) },
  ],
  'GET /api/institutions/{id}/waitlist': [
    { who: 'anonymous', status: 401, call: (c) => c.get(`/api/institutions/${NO_ID}/waitlist`) },
    { who: 'resident', status: 403, call: (c) => c.get(`/api/institutions/${NO_ID}/waitlist`) },
    { who: 'changan', status: 403, call: (c) => c.get(`/api/institutions/${NO_ID}/waitlist`) },
  ],
  'GET /api/roster': [
    { who: 'anonymous', status: 401, call: (c) => c.get('/api/roster') },
    { who: 'resident', status: 403, call: (c) => c.get('/api/roster') },
    { who: 'changan', status: 403, call: (c) => c.get('/api/roster') },
  ],
  'GET /api/roster/{id}': [
    { who: 'anonymous', status: 401, call: (c) => c.get('/api/roster/00000000-0000-4000-8000-000000000000') },
    { who: 'resident', status: 403, call: (c) => c.get('/api/roster/00000000-0000-4000-8000-000000000000') },
    { who: 'changan', status: 403, call: (c) => c.get('/api/roster/00000000-0000-4000-8000-000000000000') },
  ],
  'GET /api/roster/conflicts': [
    { who: 'anonymous', status: 401, call: (c) => c.get('/api/roster/conflicts') },
    { who: 'township', status: 403, call: (c) => c.get('/api/roster/conflicts') },
    { who: 'changan', status: 403, call: (c) => c.get('/api/roster/conflicts') },
  ],
  'POST /api/roster/conflicts/{id}/resolve': [
    {
      who: 'anonymous',
      status: 401,
      call: (c) =>
        c.post('/api/roster/conflicts/00000000-0000-4000-8000-000000000000/resolve', {
          choose: 'civil_affairs',
        }),
    },
    {
      who: 'resident',
      status: 403,
      call: (c) =>
        c.post('/api/roster/conflicts/00000000-0000-4000-8000-000000000000/resolve', {
          choose: 'civil_affairs',
        }),
    },
    {
      who: 'changan',
      status: 403,
      call: (c) =>
        c.post('/api/roster/conflicts/00000000-0000-4000-8000-000000000000/resolve', {
          choose: 'civil_affairs',
        }),
    },
  ],
  'POST /api/roster/{id}/reveal-id': [
    {
      who: 'anonymous',
      status: 401,
      call: (c) => c.post('/api/roster/00000000-0000-4000-8000-000000000000/reveal-id'),
    },
    {
      who: 'resident',
      status: 403,
      call: (c) => c.post('/api/roster/00000000-0000-4000-8000-000000000000/reveal-id'),
    },
    {
      who: 'changan',
      status: 403,
      call: (c) => c.post('/api/roster/00000000-0000-4000-8000-000000000000/reveal-id'),
    },
  ],
  'GET /api/assessments/form': [
    { who: 'anonymous', status: 401, call: (c) => c.get('/api/assessments/form') },
  ],
  'POST /api/assessments/score': [
    { who: 'anonymous', status: 401, call: (c) => c.post('/api/assessments/score', ASSESSMENT) },
  ],
  // ── assessments on record (assessments.manage: assessors, civil affairs county+; history: people.read) ──
  'POST /api/roster/{personId}/assessments': [
    { who: 'anonymous', status: 401, call: (c) => c.post(`/api/roster/${NO_ID}/assessments`, RECORD) },
    { who: 'resident', status: 403, call: (c) => c.post(`/api/roster/${NO_ID}/assessments`, RECORD) },
    { who: 'township', status: 403, call: (c) => c.post(`/api/roster/${NO_ID}/assessments`, RECORD) },
    { who: 'changan', status: 403, call: (c) => c.post(`/api/roster/${NO_ID}/assessments`, RECORD) },
  ],
  'GET /api/roster/{personId}/assessments': [
    { who: 'anonymous', status: 401, call: (c) => c.get(`/api/roster/${NO_ID}/assessments`) },
    { who: 'resident', status: 403, call: (c) => c.get(`/api/roster/${NO_ID}/assessments`) },
    { who: 'changan', status: 403, call: (c) => c.get(`/api/roster/${NO_ID}/assessments`) },
  ],
  'GET /api/assessments/due': [
    { who: 'anonymous', status: 401, call: (c) => c.get('/api/assessments/due') },
    { who: 'resident', status: 403, call: (c) => c.get('/api/assessments/due') },
    { who: 'township', status: 403, call: (c) => c.get('/api/assessments/due') },
    { who: 'changan', status: 403, call: (c) => c.get('/api/assessments/due') },
  ],
  // ── end assessments on record ──
  // ── notifications (own inbox only) ──
  'GET /api/notifications': [{ who: 'anonymous', status: 401, call: (c) => c.get('/api/notifications') }],
  'POST /api/notifications/{id}/read': [
    {
      who: 'anonymous',
      status: 401,
      call: async (c, a) => c.post(`/api/notifications/${await changanNotification(a)}/read`),
    },
    {
      who: 'resident',
      status: 403,
      call: async (c, a) => c.post(`/api/notifications/${await changanNotification(a)}/read`),
    },
  ],
  'POST /api/notifications/read-all': [
    { who: 'anonymous', status: 401, call: (c) => c.post('/api/notifications/read-all') },
  ],
  // ── end notifications ──
  // ── rosters, attendance and the room board (attendance.manage: institution users, sysadmin) ──
  'GET /api/institutions/{id}/rosters': [
    { who: 'anonymous', status: 401, call: (c) => c.get(`/api/institutions/${NO_ID}/rosters`) },
    {
      who: 'resident',
      status: 403,
      call: async (c) => c.get(`/api/institutions/${await changanInst()}/rosters`),
    },
    {
      who: 'changan',
      status: 403,
      call: async (c) => c.get(`/api/institutions/${await changanInst()}/rosters`),
    },
  ],
  'PUT /api/institutions/{id}/rosters': [
    { who: 'anonymous', status: 401, call: (c) => putRoster(c, NO_ID) },
    { who: 'resident', status: 403, call: async (c) => putRoster(c, await changanInst()) },
    { who: 'changan', status: 403, call: async (c) => putRoster(c, await changanInst()) },
  ],
  'GET /api/institutions/{id}/attendance': [
    { who: 'anonymous', status: 401, call: (c) => c.get(`/api/institutions/${NO_ID}/attendance`) },
    {
      who: 'resident',
      status: 403,
      call: async (c) => c.get(`/api/institutions/${await changanInst()}/attendance`),
    },
    {
      who: 'changan',
      status: 403,
      call: async (c) => c.get(`/api/institutions/${await changanInst()}/attendance`),
    },
  ],
  'POST /api/attendance/check-in': [
    { who: 'anonymous', status: 401, call: (c) => c.post('/api/attendance/check-in', CHECK_IN) },
    { who: 'resident', status: 403, call: (c) => c.post('/api/attendance/check-in', CHECK_IN) },
    { who: 'changan', status: 403, call: (c) => c.post('/api/attendance/check-in', CHECK_IN) },
  ],
  'POST /api/attendance/check-out': [
    { who: 'anonymous', status: 401, call: (c) => c.post('/api/attendance/check-out', CHECK_OUT) },
    { who: 'resident', status: 403, call: (c) => c.post('/api/attendance/check-out', CHECK_OUT) },
    { who: 'changan', status: 403, call: (c) => c.post('/api/attendance/check-out', CHECK_OUT) },
  ],
  'POST /api/attendance/health-check': [
    { who: 'anonymous', status: 401, call: (c) => c.post('/api/attendance/health-check', HEALTH_CHECK) },
    { who: 'resident', status: 403, call: (c) => c.post('/api/attendance/health-check', HEALTH_CHECK) },
    { who: 'changan', status: 403, call: (c) => c.post('/api/attendance/health-check', HEALTH_CHECK) },
  ],
  'POST /api/staff-presence/in': [
    {
      who: 'anonymous',
      status: 401,
      call: (c) => c.post('/api/staff-presence/in', { staffId: NO_ID, classId: NO_ID }),
    },
    {
      who: 'resident',
      status: 403,
      call: async (c) =>
        c.post('/api/staff-presence/in', { staffId: await changanStaff(), classId: await changanClass() }),
    },
    {
      who: 'changan',
      status: 403,
      call: async (c) =>
        c.post('/api/staff-presence/in', { staffId: await changanStaff(), classId: await changanClass() }),
    },
  ],
  'POST /api/staff-presence/out': [
    { who: 'anonymous', status: 401, call: (c) => c.post('/api/staff-presence/out', { staffId: NO_ID }) },
    {
      who: 'resident',
      status: 403,
      call: async (c) => c.post('/api/staff-presence/out', { staffId: await changanStaff() }),
    },
    {
      who: 'changan',
      status: 403,
      call: async (c) => c.post('/api/staff-presence/out', { staffId: await changanStaff() }),
    },
  ],
  'GET /api/institutions/{id}/room-board': [
    { who: 'anonymous', status: 401, call: (c) => c.get(`/api/institutions/${NO_ID}/room-board`) },
    {
      who: 'resident',
      status: 403,
      call: async (c) => c.get(`/api/institutions/${await changanInst()}/room-board`),
    },
    {
      who: 'changan',
      status: 403,
      call: async (c) => c.get(`/api/institutions/${await changanInst()}/room-board`),
    },
  ],
  // ── end rosters, attendance and the room board ──
  // ── residents and households (bookings.book: residents; only their own household) ──
  'POST /api/residents/signup': PUBLIC,
  'GET /api/household': [
    { who: 'anonymous', status: 401, call: (c) => c.get('/api/household') },
    { who: 'changan', status: 403, call: (c) => c.get('/api/household') },
    { who: 'township', status: 403, call: (c) => c.get('/api/household') },
  ],
  'PATCH /api/household': [
    { who: 'anonymous', status: 401, call: (c) => c.patch('/api/household', { address: 'x' }) },
    { who: 'changan', status: 403, call: (c) => c.patch('/api/household', { address: 'x' }) },
  ],
  'POST /api/household/members': [
    { who: 'anonymous', status: 401, call: (c) => c.post('/api/household/members', NEW_MEMBER) },
    { who: 'changan', status: 403, call: (c) => c.post('/api/household/members', NEW_MEMBER) },
  ],
  'PATCH /api/household/members/{id}': [
    {
      who: 'anonymous',
      status: 401,
      call: async (c) => c.patch(`/api/household/members/${await otherMember()}`, { name: 'x' }),
    },
    {
      who: 'changan',
      status: 403,
      call: async (c) => c.patch(`/api/household/members/${await otherMember()}`, { name: 'x' }),
    },
    {
      who: 'resident',
      status: 404,
      call: async (c) => c.patch(`/api/household/members/${await otherMember()}`, { name: 'x' }),
    },
  ],
  'DELETE /api/household/members/{id}': [
    {
      who: 'anonymous',
      status: 401,
      call: async (c) => c.delete(`/api/household/members/${await otherMember()}`),
    },
    {
      who: 'changan',
      status: 403,
      call: async (c) => c.delete(`/api/household/members/${await otherMember()}`),
    },
    {
      who: 'resident',
      status: 404,
      call: async (c) => c.delete(`/api/household/members/${await otherMember()}`),
    },
  ],
  // ── end residents and households ──
  // ── programs and entitlements (people.read to read, programs.manage to change; civil affairs) ──
  'GET /api/programs': [
    { who: 'anonymous', status: 401, call: (c) => c.get('/api/programs') },
    { who: 'resident', status: 403, call: (c) => c.get('/api/programs') },
    { who: 'changan', status: 403, call: (c) => c.get('/api/programs') },
  ],
  'POST /api/programs': [
    { who: 'anonymous', status: 401, call: (c) => c.post('/api/programs', NEW_PROGRAM) },
    { who: 'resident', status: 403, call: (c) => c.post('/api/programs', NEW_PROGRAM) },
    { who: 'changan', status: 403, call: (c) => c.post('/api/programs', NEW_PROGRAM) },
    { who: 'township', status: 403, call: (c) => c.post('/api/programs', NEW_PROGRAM) },
  ],
  'PATCH /api/programs/{id}': [
    { who: 'anonymous', status: 401, call: (c) => c.patch(`/api/programs/${NO_ID}`, { name: 'x' }) },
    { who: 'resident', status: 403, call: (c) => c.patch(`/api/programs/${NO_ID}`, { name: 'x' }) },
    { who: 'changan', status: 403, call: (c) => c.patch(`/api/programs/${NO_ID}`, { name: 'x' }) },
  ],
  'DELETE /api/programs/{id}': [
    { who: 'anonymous', status: 401, call: (c) => c.delete(`/api/programs/${NO_ID}`) },
    { who: 'resident', status: 403, call: (c) => c.delete(`/api/programs/${NO_ID}`) },
    { who: 'changan', status: 403, call: (c) => c.delete(`/api/programs/${NO_ID}`) },
  ],
  'POST /api/programs/{id}/evaluate': [
    { who: 'anonymous', status: 401, call: (c) => c.post(`/api/programs/${NO_ID}/evaluate`) },
    { who: 'resident', status: 403, call: (c) => c.post(`/api/programs/${NO_ID}/evaluate`) },
    { who: 'changan', status: 403, call: (c) => c.post(`/api/programs/${NO_ID}/evaluate`) },
  ],
  'POST /api/programs/{id}/entitlements': [
    {
      who: 'anonymous',
      status: 401,
      call: (c) => c.post(`/api/programs/${NO_ID}/entitlements?month=2026-01`),
    },
    {
      who: 'resident',
      status: 403,
      call: (c) => c.post(`/api/programs/${NO_ID}/entitlements?month=2026-01`),
    },
    { who: 'changan', status: 403, call: (c) => c.post(`/api/programs/${NO_ID}/entitlements?month=2026-01`) },
  ],
  'POST /api/programs/{id}/enrolments': [
    {
      who: 'anonymous',
      status: 401,
      call: (c) => c.post(`/api/programs/${NO_ID}/enrolments`, { personId: NO_ID }),
    },
    {
      who: 'resident',
      status: 403,
      call: (c) => c.post(`/api/programs/${NO_ID}/enrolments`, { personId: NO_ID }),
    },
    {
      who: 'changan',
      status: 403,
      call: (c) => c.post(`/api/programs/${NO_ID}/enrolments`, { personId: NO_ID }),
    },
  ],
  'POST /api/programs/{id}/enrolments/{enrolmentId}/end': [
    {
      who: 'anonymous',
      status: 401,
      call: (c) => c.post(`/api/programs/${NO_ID}/enrolments/${NO_ID}/end`, { reason: 'other' }),
    },
    {
      who: 'resident',
      status: 403,
      call: (c) => c.post(`/api/programs/${NO_ID}/enrolments/${NO_ID}/end`, { reason: 'other' }),
    },
    {
      who: 'changan',
      status: 403,
      call: (c) => c.post(`/api/programs/${NO_ID}/enrolments/${NO_ID}/end`, { reason: 'other' }),
    },
  ],
  'GET /api/programs/coverage': [
    { who: 'anonymous', status: 401, call: (c) => c.get('/api/programs/coverage') },
    { who: 'resident', status: 403, call: (c) => c.get('/api/programs/coverage') },
    { who: 'changan', status: 403, call: (c) => c.get('/api/programs/coverage') },
  ],
  'GET /api/programs/coverage/people': [
    { who: 'anonymous', status: 401, call: (c) => c.get('/api/programs/coverage/people') },
    { who: 'resident', status: 403, call: (c) => c.get('/api/programs/coverage/people') },
    { who: 'township', status: 403, call: (c) => c.get('/api/programs/coverage/people') },
  ],
  'GET /api/programs/coverage/export.xlsx': [
    { who: 'anonymous', status: 401, call: (c) => c.get('/api/programs/coverage/export.xlsx') },
    { who: 'resident', status: 403, call: (c) => c.get('/api/programs/coverage/export.xlsx') },
    { who: 'changan', status: 403, call: (c) => c.get('/api/programs/coverage/export.xlsx') },
  ],
  'GET /api/roster/{personId}/programs': [
    { who: 'anonymous', status: 401, call: (c) => c.get(`/api/roster/${NO_ID}/programs`) },
    { who: 'resident', status: 403, call: (c) => c.get(`/api/roster/${NO_ID}/programs`) },
    { who: 'changan', status: 403, call: (c) => c.get(`/api/roster/${NO_ID}/programs`) },
  ],
  // ── end programs and entitlements ──
  // ── door-to-door services and visit verification (homecare.*; residents: their family's people) ──
  'GET /api/service-items': [{ who: 'anonymous', status: 401, call: (c) => c.get('/api/service-items') }],
  'POST /api/service-items': [
    { who: 'anonymous', status: 401, call: (c) => c.post('/api/service-items', NEW_ITEM) },
    { who: 'resident', status: 403, call: (c) => c.post('/api/service-items', NEW_ITEM) },
    { who: 'township', status: 403, call: (c) => c.post('/api/service-items', NEW_ITEM) },
    { who: 'changan', status: 403, call: (c) => c.post('/api/service-items', NEW_ITEM) },
  ],
  'PATCH /api/service-items/{id}': [
    { who: 'anonymous', status: 401, call: (c) => c.patch(`/api/service-items/${NO_ID}`, { price: 1 }) },
    {
      who: 'resident',
      status: 403,
      call: async (c) => c.patch(`/api/service-items/${await hcItem()}`, { price: 1 }),
    },
    {
      who: 'changan',
      status: 403,
      call: async (c) => c.patch(`/api/service-items/${await hcItem()}`, { price: 1 }),
    },
  ],
  'GET /api/providers': [
    { who: 'anonymous', status: 401, call: (c) => c.get('/api/providers') },
    { who: 'resident', status: 403, call: (c) => c.get('/api/providers') },
    { who: 'changan', status: 403, call: (c) => c.get('/api/providers') },
  ],
  'GET /api/providers/{institutionId}/items': [
    { who: 'anonymous', status: 401, call: (c) => c.get(`/api/providers/${NO_ID}/items`) },
  ],
  'PUT /api/providers/{institutionId}/items': [
    { who: 'anonymous', status: 401, call: (c) => putProviderItems(c, NO_ID) },
    { who: 'resident', status: 403, call: async (c) => putProviderItems(c, await hcProvider()) },
    { who: 'changan', status: 403, call: async (c) => putProviderItems(c, await hcProvider()) },
  ],
  'GET /api/providers/{institutionId}/caregivers': [
    { who: 'anonymous', status: 401, call: (c) => c.get(`/api/providers/${NO_ID}/caregivers`) },
    {
      who: 'resident',
      status: 403,
      call: async (c) => c.get(`/api/providers/${await hcProvider()}/caregivers`),
    },
    {
      who: 'changan',
      status: 403,
      call: async (c) => c.get(`/api/providers/${await hcProvider()}/caregivers`),
    },
  ],
  'POST /api/service-orders': [
    { who: 'anonymous', status: 401, call: async (c) => c.post('/api/service-orders', await newOrder()) },
    { who: 'resident', status: 403, call: async (c) => c.post('/api/service-orders', await newOrder()) },
    { who: 'changan', status: 403, call: async (c) => c.post('/api/service-orders', await newOrder()) },
  ],
  'GET /api/service-orders': [
    { who: 'anonymous', status: 401, call: (c) => c.get('/api/service-orders') },
    { who: 'changan', status: 403, call: (c) => c.get('/api/service-orders') },
  ],
  'GET /api/service-orders/mine': [
    { who: 'anonymous', status: 401, call: (c) => c.get('/api/service-orders/mine') },
    { who: 'resident', status: 403, call: (c) => c.get('/api/service-orders/mine') },
    { who: 'changan', status: 403, call: (c) => c.get('/api/service-orders/mine') },
  ],
  'POST /api/service-orders/{id}/assign': [
    {
      who: 'anonymous',
      status: 401,
      call: (c) => c.post(`/api/service-orders/${NO_ID}/assign`, { caregiverId: NO_ID }),
    },
    {
      who: 'resident',
      status: 403,
      call: async (c) => c.post(`/api/service-orders/${await hcOrder()}/assign`, { caregiverId: NO_ID }),
    },
    {
      who: 'changan',
      status: 403,
      call: async (c) => c.post(`/api/service-orders/${await hcOrder()}/assign`, { caregiverId: NO_ID }),
    },
  ],
  'POST /api/service-orders/{id}/cancel': [
    { who: 'anonymous', status: 401, call: (c) => c.post(`/api/service-orders/${NO_ID}/cancel`, {}) },
    {
      who: 'resident',
      status: 403,
      call: async (c) => c.post(`/api/service-orders/${await hcOrder()}/cancel`, {}),
    },
    {
      who: 'changan',
      status: 403,
      call: async (c) => c.post(`/api/service-orders/${await hcOrder()}/cancel`, {}),
    },
  ],
  'POST /api/service-orders/{id}/check-in': [
    { who: 'anonymous', status: 401, call: (c) => c.post(`/api/service-orders/${NO_ID}/check-in`, {}) },
    {
      who: 'resident',
      status: 403,
      call: async (c) => c.post(`/api/service-orders/${await hcOrder()}/check-in`, {}),
    },
    {
      who: 'changan',
      status: 403,
      call: async (c) => c.post(`/api/service-orders/${await hcOrder()}/check-in`, {}),
    },
  ],
  'POST /api/visits/{id}/check-out': [
    { who: 'anonymous', status: 401, call: (c) => c.post(`/api/visits/${NO_ID}/check-out`, {}) },
    {
      who: 'resident',
      status: 403,
      call: async (c) => c.post(`/api/visits/${await hcVisit()}/check-out`, {}),
    },
    {
      who: 'changan',
      status: 403,
      call: async (c) => c.post(`/api/visits/${await hcVisit()}/check-out`, {}),
    },
  ],
  'POST /api/visits/{id}/confirm': [
    { who: 'anonymous', status: 401, call: (c) => c.post(`/api/visits/${NO_ID}/confirm`, { rating: 5 }) },
    {
      who: 'resident',
      status: 403,
      call: async (c) => c.post(`/api/visits/${await hcVisit()}/confirm`, { rating: 5 }),
    },
    {
      who: 'changan',
      status: 403,
      call: async (c) => c.post(`/api/visits/${await hcVisit()}/confirm`, { rating: 5 }),
    },
  ],
  'POST /api/visits/{id}/explain': [
    {
      who: 'anonymous',
      status: 401,
      call: (c) => c.post(`/api/visits/${NO_ID}/explain`, { reason: '说明' }),
    },
    {
      who: 'resident',
      status: 403,
      call: async (c) => c.post(`/api/visits/${await hcVisit()}/explain`, { reason: '说明' }),
    },
    {
      who: 'changan',
      status: 403,
      call: async (c) => c.post(`/api/visits/${await hcVisit()}/explain`, { reason: '说明' }),
    },
  ],
  'POST /api/visits/{id}/review': [
    {
      who: 'anonymous',
      status: 401,
      call: (c) => c.post(`/api/visits/${NO_ID}/review`, { decision: 'approve' }),
    },
    {
      who: 'resident',
      status: 403,
      call: async (c) => c.post(`/api/visits/${await hcVisit()}/review`, { decision: 'approve' }),
    },
    {
      who: 'township',
      status: 403,
      call: async (c) => c.post(`/api/visits/${await hcVisit()}/review`, { decision: 'approve' }),
    },
    {
      who: 'changan',
      status: 403,
      call: async (c) => c.post(`/api/visits/${await hcVisit()}/review`, { decision: 'approve' }),
    },
  ],
  'GET /api/visits': [
    { who: 'anonymous', status: 401, call: (c) => c.get('/api/visits') },
    { who: 'resident', status: 403, call: (c) => c.get('/api/visits') },
    { who: 'changan', status: 403, call: (c) => c.get('/api/visits') },
  ],
  'POST /api/settlements': [
    {
      who: 'anonymous',
      status: 401,
      call: (c) => c.post('/api/settlements', { providerId: NO_ID, month: '2026-01' }),
    },
    {
      who: 'resident',
      status: 403,
      call: async (c) => c.post('/api/settlements', { providerId: await hcProvider(), month: '2026-01' }),
    },
    {
      who: 'changan',
      status: 403,
      call: async (c) => c.post('/api/settlements', { providerId: await hcProvider(), month: '2026-01' }),
    },
  ],
  'GET /api/settlements': [
    { who: 'anonymous', status: 401, call: (c) => c.get('/api/settlements') },
    { who: 'resident', status: 403, call: (c) => c.get('/api/settlements') },
    { who: 'changan', status: 403, call: (c) => c.get('/api/settlements') },
  ],
  'GET /api/settlements/{id}': [
    { who: 'anonymous', status: 401, call: (c) => c.get(`/api/settlements/${NO_ID}`) },
    { who: 'resident', status: 403, call: async (c) => c.get(`/api/settlements/${await hcSettlement()}`) },
    { who: 'changan', status: 403, call: async (c) => c.get(`/api/settlements/${await hcSettlement()}`) },
  ],
  'POST /api/settlements/{id}/finalise': [
    { who: 'anonymous', status: 401, call: (c) => c.post(`/api/settlements/${NO_ID}/finalise`) },
    {
      who: 'resident',
      status: 403,
      call: async (c) => c.post(`/api/settlements/${await hcSettlement()}/finalise`),
    },
    {
      who: 'changan',
      status: 403,
      call: async (c) => c.post(`/api/settlements/${await hcSettlement()}/finalise`),
    },
  ],
  'GET /api/settlements/{id}/export.xlsx': [
    { who: 'anonymous', status: 401, call: (c) => c.get(`/api/settlements/${NO_ID}/export.xlsx`) },
    {
      who: 'resident',
      status: 403,
      call: async (c) => c.get(`/api/settlements/${await hcSettlement()}/export.xlsx`),
    },
    {
      who: 'changan',
      status: 403,
      call: async (c) => c.get(`/api/settlements/${await hcSettlement()}/export.xlsx`),
    },
  ],
  // ── end door-to-door services and visit verification ──
};

function putSetting(c: TestClient, regionPrefix: string) {
  return c.request({
    method: 'PUT',
    url: '/api/settings/staff.expiry_warning_days',
    payload: { regionPrefix, effectiveFrom: '2026-01-01', value: 45 },
  });
}

const NO_ID = '00000000-0000-4000-8000-000000000000';
/** A valid program body (programs rows above: the refusal is about who calls). */
const NEW_PROGRAM = {
  regionPrefix: '130102',
  code: 'ACCESS',
  name: '访问测试项目',
  eligibility: { minAge: 80 },
  benefit: { kind: 'monthly_amount', amount: 100 },
  autoEnrol: true,
  startsOn: '2026-01-01',
};
/** A complete capability assessment form (all 26 items at their maximum). */
const ASSESSMENT = {
  scores: Object.fromEntries(itemsOf().map((i) => [i.key, i.max])),
  coma: false,
  dementia: false,
  riskEvents30d: 0,
};
/** A complete assessment to store (assessments on record). */
const RECORD = { ...ASSESSMENT, riskEvents30d: [], assessedOn: '2025-03-01', reason: 'first' };
const NEW_CLASS = { name: '托小一班', type: 'toddler', capacity: 10 };
/** Bodies for the attendance rows (valid shapes, so the refusal is about who calls). */
const CHECK_IN = { bookingId: NO_ID, droppedOffBy: NO_ID };
const CHECK_OUT = { memberId: NO_ID, pickedUpBy: NO_ID };
const HEALTH_CHECK = { memberId: NO_ID, check: 'morning', temperature: 36.5, result: 'normal' };
const putRoster = (c: TestClient, id: string) =>
  c.request({
    method: 'PUT',
    url: `/api/institutions/${id}/rosters`,
    payload: { day: '2030-01-07', classId: NO_ID, shifts: [] },
  });
const NEW_STAFF = { name: '张老师', role: 'carer' };
const NEW_CERT = { kind: 'health_certificate', issuedOn: '2025-03-01' };
/** Institutions, a class, a staff member and a certificate, made on first use by the rows above. */
const made = new Map<string, Promise<string>>();
const once = (key: string, make: () => Promise<string>) => {
  if (!made.has(key)) made.set(key, make());
  return made.get(key)!;
};
/** Households: a member of another resident's household (the rows above must not reach it). */
const NEW_MEMBER = { relation: 'child', name: '访问测试宝宝', birthDate: '2025-01-01' };
const otherMember = () =>
  once('otherMember', async () => {
    const owner = await t.buildAccount({ role: 'resident', regionCode: '' });
    const [household] = await t.database.db
      .insert(households)
      .values({ ownerAccountId: owner.id })
      .returning({ id: households.id });
    const [row] = await t.database.db
      .insert(householdMembers)
      .values({
        householdId: household!.id,
        relation: 'child',
        kind: 'child',
        name: '别家宝宝',
        birthDate: '2025-01-01',
      })
      .returning({ id: householdMembers.id });
    return row!.id;
  });
const qiaoxiInst = () =>
  once('qiaoxi', async () => (await t.buildInstitution({ regionCode: '130104001001' })).id);
const changanInst = () =>
  once('changan', async () => (await t.buildInstitution({ regionCode: '130102001001' })).id);
const changanClass = () => once('class', async () => (await buildClass(t, await changanInst())).id);
const changanStaff = () => once('staff', async () => (await buildStaff(t, await changanInst())).id);
const changanCertificate = () =>
  once('certificate', async () => {
    const staffId = (
      await buildStaff(t, await changanInst(), { certificates: [{ ...NEW_CERT, expiresOn: null }] })
    ).id;
    const [row] = await t.database.db
      .select({ id: staffCertificates.id })
      .from(staffCertificates)
      .where(eq(staffCertificates.staffId, staffId));
    return row!.id;
  });

function newInstitution(regionCode: string) {
  return {
    name: '访问测试托育中心',
    kind: 'childcare_centre',
    operator: 'public',
    regionCode,
    address: '测试路 1 号',
  };
}
const putFunctions = (c: TestClient, id: string) =>
  c.request({
    method: 'PUT',
    url: `/api/institutions/${id}/functions`,
    payload: [{ function: 'childcare', capacity: 10 }],
  });
const postUpload = (c: TestClient, id: string) =>
  c.request({
    method: 'POST',
    url: `/api/institutions/${id}/uploads`,
    payload: `--X\r\nContent-Disposition: form-data; name="kind"\r\n\r\nphoto\r\n--X\r\nContent-Disposition: form-data; name="file"; filename="p.png"\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n\x1a\n\r\n--X--\r\n`,
    headers: { 'content-type': 'multipart/form-data; boundary=X' },
  });
/** A draft filing of the Chang'an institution, a submitted one of the Qiaoxi institution, a Qiaoxi upload. */
const draftFiling = async (institutionId: string, regionCode: string, status: string) => {
  const [row] = await t.database.db
    .insert(filings)
    .values({ institutionId, kind: 'deregistration', status, countyCode: regionCode.slice(0, 6) })
    .returning({ id: filings.id });
  return row!.id;
};
const changanFiling = () =>
  once('changanFiling', async () => draftFiling(await changanInst(), '130102', 'draft'));
const qiaoxiFiling = () =>
  once('qiaoxiFiling', async () => draftFiling(await qiaoxiInst(), '130104', 'submitted'));
const qiaoxiUpload = () =>
  once('qiaoxiUpload', async () => {
    const [row] = await t.database.db
      .insert(uploads)
      .values({
        institutionId: await qiaoxiInst(),
        kind: 'photo',
        filename: 'p.png',
        mime: 'image/png',
        size: 8,
        sha256: '0'.repeat(64),
        storagePath: 'uploads/00/none',
      })
      .returning({ id: uploads.id });
    return row!.id;
  });

/** A notification in the Chang'an official's inbox (notifications rows above). */
const changanNotification = (a: Actors) =>
  once('changanNotification', async () => {
    await notify(t.database.db, { accountId: a.changanAccountId, kind: 'notify.checked_in' });
    const [row] = await t.database.db
      .select({ id: notifications.id })
      .from(notifications)
      .where(eq(notifications.accountId, a.changanAccountId));
    return row!.id;
  });

function importInstitutions(c: TestClient, regionCode: string) {
  const sheet = `名称,类型,地址,区划代码\n访问测试托育中心,托育中心,建北街道1号,${regionCode}`;
  return c.request({ method: 'POST', url: '/api/institutions/import?dryRun=true', ...csv(sheet) });
}

function newAccount(username: string, regionCode: string) {
  return { username, displayName: 'x', role: 'health_township', regionCode, password: 'Temp12345' };
}

// ── door-to-door services: a menu item, a Chang'an provider, an order and an open visit (rows above) ──
const NEW_ITEM = {
  regionPrefix: '130102',
  code: 'ACC-1',
  name: '助洁',
  type: 'cleaning',
  durationMinutes: 60,
  price: 50,
};
const putProviderItems = (c: TestClient, id: string) =>
  c.request({ method: 'PUT', url: `/api/providers/${id}/items`, payload: { items: [] } });
const hcItem = () =>
  once('hcItem', async () => {
    const [row] = await t.database.db
      .insert(serviceItems)
      .values({
        regionPrefix: '130102',
        code: 'ACC-0',
        name: '助浴',
        type: 'bathing',
        durationMinutes: 60,
        priceCents: 8000,
      })
      .returning({ id: serviceItems.id });
    return row!.id;
  });
const hcProvider = () =>
  once('hcProvider', async () => {
    const { id } = await t.buildInstitution({ kind: 'community_elderly_centre', regionCode: '130102001002' });
    await t.database.db.insert(providerItems).values({ institutionId: id, itemId: await hcItem() });
    return id;
  });
const hcPerson = () => once('hcPerson', async () => (await buildPerson(t, { name: '访问测试老人' })).id);
const newOrder = async () => ({
  personId: await hcPerson(),
  itemId: await hcItem(),
  providerId: await hcProvider(),
  scheduledOn: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10),
});
const hcCarer = () =>
  once(
    'hcCarer',
    async () =>
      (
        await t.buildAccount({
          role: 'institution_staff',
          regionCode: '130102001002',
          institutionId: await hcProvider(),
        })
      ).id,
  );
const hcOrder = () =>
  once('hcOrder', async () => {
    const [row] = await t.database.db
      .insert(serviceOrders)
      .values({
        ...(await newOrder()),
        regionCode: '130102001001',
        source: 'community_worker',
        durationMinutes: 60,
        priceCents: 8000,
        caregiverId: await hcCarer(),
        status: 'assigned',
      })
      .returning({ id: serviceOrders.id });
    return row!.id;
  });
const hcVisit = () =>
  once('hcVisit', async () => {
    const [row] = await t.database.db
      .insert(visits)
      .values({
        orderId: await hcOrder(),
        personId: await hcPerson(),
        providerId: await hcProvider(),
        caregiverId: await hcCarer(),
        serviceType: 'bathing',
        day: '2026-01-05',
        checkInAt: new Date('2026-01-05T01:00:00Z'),
        checkOutAt: new Date('2026-01-05T02:00:00Z'),
        status: 'exception',
        exceptions: ['distance'],
        exceptionReason: '访问测试',
      })
      .returning({ id: visits.id });
    return row!.id;
  });
const hcSettlement = () =>
  once('hcSettlement', async () => {
    const [row] = await t.database.db
      .insert(settlements)
      .values({
        providerId: await hcProvider(),
        month: '2026-01',
        paidCents: 0,
        heldCents: 0,
        visitsPaid: 0,
        visitsHeld: 0,
      })
      .returning({ id: settlements.id });
    return row!.id;
  });
// ── end door-to-door services ──

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
