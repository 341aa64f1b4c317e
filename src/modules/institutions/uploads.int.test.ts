import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/app.js';
import { seedTestRegions } from '../../test/regions.js';
import { FILES, multipart, registerAndLogin, submittedInstitution, upload } from './institutions.fixtures.js';

let t: TestApp;
let county: TestClient;
let otherCounty: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  await seedTestRegions(t.database);
  county = await t.login((await t.buildAccount({ role: 'health_county', regionCode: '130102' })).username);
  otherCounty = await t.login(
    (await t.buildAccount({ role: 'health_county', regionCode: '130104' })).username,
  );
});

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('uploads', () => {
  it('stores a PNG named .pdf as a PNG, content-addressed, and serves it back safely and audited', async () => {
    const { institution, admin } = await registerAndLogin(t);
    const res = await admin.request({
      method: 'POST',
      url: `/api/institutions/${institution.id}/uploads`,
      ...multipart('business_licence', FILES.png, '营业执照<扫描>.pdf', 'application/pdf'),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      kind: 'business_licence',
      mime: 'image/png',
      filename: '营业执照扫描.png',
      size: FILES.png.length,
    });
    const hash = sha(FILES.png);
    expect(existsSync(path.join(t.config.dataDir, 'uploads', hash.slice(0, 2), hash))).toBe(true);

    const download = await county.get(`/api/uploads/${res.json().id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="______.png"; filename*=UTF-8''${encodeURIComponent('营业执照扫描.png')}`,
    );
    expect(download.rawPayload.equals(FILES.png)).toBe(true);
    const audit = (await county.get(`/api/audit?entityId=${res.json().id}&action=upload.download`)).json();
    expect(audit.total).toBe(1);

    const list = (await admin.get(`/api/institutions/${institution.id}/uploads`)).json();
    expect(list.items.map((u: { id: string }) => u.id)).toEqual([res.json().id]);
  });

  it('refuses text renamed .pdf, a PDF as a photo, an oversize file, and a missing kind or file', async () => {
    const { institution, admin } = await registerAndLogin(t);
    const text = await upload(admin, institution.id, 'business_licence', FILES.text, 'licence.pdf');
    expect(text.statusCode).toBe(415);
    expect(text.json().error).toMatchObject({ code: 'uploads.type_not_allowed', field: 'file' });
    const photo = await upload(admin, institution.id, 'photo', FILES.pdf, 'photo.jpg');
    expect(photo.statusCode).toBe(415);
    expect(photo.json().error.code).toBe('uploads.photo_must_be_image');
    const big = Buffer.concat([FILES.pdf, Buffer.alloc(10 * 1024 * 1024)]);
    const oversize = await upload(admin, institution.id, 'premises_proof', big);
    expect(oversize.statusCode).toBe(413);
    expect(oversize.json().error.message).toMatch(/10 MB/);
    const noKind = await admin.request({
      method: 'POST',
      url: `/api/institutions/${institution.id}/uploads`,
      ...multipart(null, FILES.pdf),
    });
    expect(noKind.json().error.field).toBe('kind');
    const badKind = await upload(admin, institution.id, 'diploma_of_cat', FILES.pdf);
    expect(badKind.json().error.field).toBe('kind');
    const noFile = await admin.request({
      method: 'POST',
      url: `/api/institutions/${institution.id}/uploads`,
      ...multipart('photo', null),
    });
    expect(noFile.json().error.field).toBe('file');
    expect((await admin.get(`/api/institutions/${institution.id}/uploads`)).json().items).toEqual([]);
  });

  it('keeps the same content once, and removes the file with its last record', async () => {
    const a = await registerAndLogin(t);
    const b = await registerAndLogin(t);
    const bytes = Buffer.concat([FILES.jpeg, Buffer.from('dedupe')]);
    const first = await upload(a.admin, a.institution.id, 'photo', bytes, 'front.jpg');
    const again = await upload(a.admin, a.institution.id, 'photo', bytes, 'front-again.jpg');
    expect(again.json().id).toBe(first.json().id);
    const other = await upload(b.admin, b.institution.id, 'photo', bytes, 'b.jpg');
    expect(other.json().id).not.toBe(first.json().id);
    const hash = sha(bytes);
    const dir = path.join(t.config.dataDir, 'uploads', hash.slice(0, 2));
    expect(readdirSync(dir).filter((f) => f === hash)).toHaveLength(1);
    expect((await a.admin.delete(`/api/uploads/${first.json().id}`)).statusCode).toBe(204);
    expect(existsSync(path.join(dir, hash))).toBe(true);
    expect((await b.admin.delete(`/api/uploads/${other.json().id}`)).statusCode).toBe(204);
    expect(existsSync(path.join(dir, hash))).toBe(false);
  });

  it('scopes downloads and deletions, and keeps materials while the filing is under review', async () => {
    const { institution, admin } = await submittedInstitution(t);
    const stranger = await registerAndLogin(t);
    const items = (await admin.get(`/api/institutions/${institution.id}/uploads`)).json().items;
    const material = items[0].id;
    expect((await otherCounty.get(`/api/uploads/${material}`)).statusCode).toBe(403);
    expect((await stranger.admin.get(`/api/uploads/${material}`)).statusCode).toBe(403);
    expect((await stranger.admin.delete(`/api/uploads/${material}`)).statusCode).toBe(403);
    expect((await county.delete(`/api/uploads/${material}`)).statusCode).toBe(403);
    const staff = await t.buildAccount({
      role: 'institution_staff',
      institutionId: institution.id,
      regionCode: institution.regionCode,
    });
    const staffClient = await t.login(staff.username);
    expect((await staffClient.get(`/api/uploads/${material}`)).statusCode).toBe(200);
    expect((await staffClient.delete(`/api/uploads/${material}`)).statusCode).toBe(403);
    const locked = await admin.delete(`/api/uploads/${material}`);
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error).toMatchObject({ code: 'uploads.locked_under_review', status: 'submitted' });
    const photo = await upload(admin, institution.id, 'photo', FILES.png, 'room.png');
    expect((await admin.delete(`/api/uploads/${photo.json().id}`)).statusCode).toBe(204);
    expect((await otherCounty.post(`/api/institutions/${institution.id}/uploads`)).statusCode).toBe(403);
    expect((await county.get('/api/uploads/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});
