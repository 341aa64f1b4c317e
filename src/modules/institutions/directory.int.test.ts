import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { seedTestRegions } from '../../test/regions.js';
import { classes } from './classes.table.js';
import { uploads } from './filing.table.js';
import { institutionFunctions, institutions } from './institutions.table.js';

/** 棉一东社区, Chang'an district, Shijiazhuang: where the searching parent stands. */
const HOME = { lat: 38.05, lng: 114.52 };
/** Degrees of latitude per km. */
const PER_KM = 1 / 111.195;

let t: TestApp;
const ids: Record<string, string> = {};

type NewInstitution = typeof institutions.$inferInsert;

async function institution(key: string, values: Partial<NewInstitution>): Promise<string> {
  const [row] = await t.database.db
    .insert(institutions)
    .values({
      name: `${key}托育中心`,
      kind: 'childcare_centre',
      regionCode: '130102001001',
      address: '石家庄市长安区建设北大街1号',
      status: 'filed',
      lat: HOME.lat,
      lng: HOME.lng,
      ...values,
    })
    .returning({ id: institutions.id });
  ids[key] = row!.id;
  return row!.id;
}

beforeAll(async () => {
  t = await createTestApp();
  await seedTestRegions(t.database);
  // Filed childcare centres at 1, 2, 3 and 8 km north of HOME, a draft next door, an elderly home.
  await institution('一公里', {
    lat: HOME.lat + PER_KM,
    affordable: true,
    priceCap: 1800,
    prices: { full_day: 1800, hourly: 30 },
    careForms: ['full_day', 'hourly'],
    minAgeMonths: 6,
    maxAgeMonths: 36,
    grade: 'A',
    stars: 5,
    phone: '0311-86688888',
    creditCode: '91130102MA0000000X',
    legalRepresentative: '张三',
    description: '社区普惠托育',
    openingHours: { weekdays: '07:30-18:00' },
  });
  await institution('二公里', {
    lat: HOME.lat + 2 * PER_KM,
    careForms: ['full_day'],
    minAgeMonths: 12,
    maxAgeMonths: 36,
    grade: 'C',
  });
  await institution('三公里', { lat: HOME.lat + 3 * PER_KM, careForms: ['half_day'], grade: 'B' });
  await institution('八公里', { lat: HOME.lat + 8 * PER_KM, regionCode: '130104001001' });
  await institution('草稿', { status: 'draft', lat: HOME.lat + 0.5 * PER_KM });
  await institution('颐养', {
    name: '长安颐养院',
    kind: 'elderly_care_institution',
    lat: HOME.lat - PER_KM,
    regionCode: '130102001002',
  });
  await t.database.db.insert(classes).values([
    { institutionId: ids.一公里!, name: '乳儿一班', type: 'infant', capacity: 10, enrolled: 10 },
    { institutionId: ids.一公里!, name: '托小一班', type: 'toddler', capacity: 15, enrolled: 9 },
    { institutionId: ids.一公里!, name: '托小二班', type: 'toddler', capacity: 15, enrolled: 15 },
    { institutionId: ids.二公里!, name: '托大一班', type: 'older_toddler', capacity: 20, enrolled: 20 },
  ]);
  await t.database.db.insert(institutionFunctions).values([
    { institutionId: ids.一公里!, function: 'childcare', capacity: 40, unit: 'places' },
    { institutionId: ids.颐养!, function: 'elderly_care', capacity: 120, unit: 'beds' },
  ]);
});

async function photo(institutionId: string, kind = 'photo'): Promise<string> {
  const bytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 0xff, 0xd9]);
  const sha256 = createHash('sha256').update(bytes).update(kind).update(institutionId).digest('hex');
  const relative = path.join('uploads', sha256.slice(0, 2), `${sha256}.jpg`);
  mkdirSync(path.join(t.config.dataDir, path.dirname(relative)), { recursive: true });
  writeFileSync(path.join(t.config.dataDir, relative), bytes);
  const [row] = await t.database.db
    .insert(uploads)
    .values({
      institutionId,
      kind,
      filename: 'room.jpg',
      mime: 'image/jpeg',
      size: bytes.length,
      sha256,
      storagePath: relative,
    })
    .returning({ id: uploads.id });
  return row!.id;
}

const list = async (query: string) => {
  const res = await t.anonymous.get(`/api/directory?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    items: Array<Record<string, unknown>>;
    total: number;
    page: number;
    pageSize: number;
  };
};
const names = (body: { items: Array<Record<string, unknown>> }) => body.items.map((i) => i.name);

describe('public directory list', () => {
  it('shows filed institutions only, to anyone, by name without a location', async () => {
    const body = await list('');
    expect(body.total).toBe(5);
    expect(names(body)).not.toContain('草稿托育中心');
    expect(body.items.every((i) => i.distanceKm === null)).toBe(true);
  });

  it('keeps those within the radius, nearest first, with straight-line distances', async () => {
    const body = await list(`lat=${HOME.lat}&lng=${HOME.lng}`);
    expect(names(body)).toEqual(['一公里托育中心', '长安颐养院', '二公里托育中心', '三公里托育中心']);
    expect(body.items[0]!.distanceKm).toBeCloseTo(1, 1);
    expect(body.items[3]!.distanceKm).toBeCloseTo(3, 1);
    expect(names(await list(`lat=${HOME.lat}&lng=${HOME.lng}&radiusKm=10`))).toContain('八公里托育中心');
    expect(names(await list(`lat=${HOME.lat}&lng=${HOME.lng}&radiusKm=1.5`))).toHaveLength(2);
  });

  it('shows capacity and free places: classes for childcare, beds for elderly care', async () => {
    const body = await list(`lat=${HOME.lat}&lng=${HOME.lng}`);
    const one = body.items.find((i) => i.name === '一公里托育中心')!;
    expect(one).toMatchObject({
      capacity: 40,
      freePlaces: 6,
      affordable: true,
      priceCap: 1800,
      grade: 'A',
      stars: 5,
    });
    expect(one).toMatchObject({
      regionName: '棉一东社区居民委员会',
      phone: '0311-86688888',
      careForms: ['full_day', 'hourly'],
    });
    expect(one).not.toHaveProperty('creditCode');
    expect(one).not.toHaveProperty('legalRepresentative');
    expect(body.items.find((i) => i.name === '长安颐养院')).toMatchObject({ capacity: 120, freePlaces: 120 });
    expect(body.items.find((i) => i.name === '二公里托育中心')).toMatchObject({
      capacity: 20,
      freePlaces: 0,
    });
  });

  it('filters by kind (several), care form, age, affordability, grade, places, region and name', async () => {
    expect(names(await list('kind=elderly_care_institution'))).toEqual(['长安颐养院']);
    expect((await list('kind=elderly_care_institution,childcare_centre')).total).toBe(5);
    expect(names(await list('careForm=full_day')).sort()).toEqual(['一公里托育中心', '二公里托育中心']);
    // 8 months: only an infant class fits; 30 months: older toddlers (and 二公里 takes 12–36).
    expect(names(await list('ageMonths=8'))).toEqual(['一公里托育中心']);
    expect(names(await list('ageMonths=30'))).toEqual(['二公里托育中心']);
    expect(names(await list('affordable=true'))).toEqual(['一公里托育中心']);
    expect(names(await list('grade=B')).sort()).toEqual(['一公里托育中心', '三公里托育中心']);
    expect(names(await list('hasPlaces=true')).sort()).toEqual(['一公里托育中心', '长安颐养院']);
    expect(names(await list('regionCode=130104'))).toEqual(['八公里托育中心']);
    expect(names(await list(`q=${encodeURIComponent('颐养')}`))).toEqual(['长安颐养院']);
  });

  it('sorts by grade (best first, ungraded last) and pages with the total', async () => {
    const byGrade = await list('sort=grade');
    expect(names(byGrade).slice(0, 3)).toEqual(['一公里托育中心', '三公里托育中心', '二公里托育中心']);
    const page = await list('sort=name&page=2&pageSize=2');
    expect(page).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(page.items).toHaveLength(2);
    expect((await list('page=9&pageSize=2')).items).toEqual([]);
    expect((await list('page=9&pageSize=2')).total).toBe(5);
  });

  it('names the field and rule of a bad query, in the caller language', async () => {
    const noLocation = await t.anonymous.get('/api/directory?sort=distance', { 'accept-language': 'en' });
    expect(noLocation.statusCode).toBe(400);
    expect(noLocation.json().error).toMatchObject({
      field: 'sort',
      message: 'Sorting by distance needs a location (lat, lng)',
    });
    const half = await t.anonymous.get(`/api/directory?lat=${HOME.lat}`);
    expect(half.statusCode).toBe(400);
    expect(half.json().error.field).toBe('lng');
    const kind = await t.anonymous.get('/api/directory?kind=childcare_centre,zoo');
    expect(kind.statusCode).toBe(400);
    expect(kind.json().error.field).toBe('kind');
    expect((await t.anonymous.get('/api/directory?grade=E')).statusCode).toBe(400);
  });
});

describe('public page and photos', () => {
  it('shows a filed institution with functions, places per class type and photos', async () => {
    const photoId = await photo(ids.一公里!);
    await photo(ids.一公里!, 'business_licence');
    const res = await t.anonymous.get(`/api/directory/${ids.一公里}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      name: '一公里托育中心',
      description: '社区普惠托育',
      functions: [{ function: 'childcare', capacity: 40, unit: 'places' }],
      classes: [
        { type: 'infant', capacity: 10, free: 0 },
        { type: 'toddler', capacity: 30, free: 6 },
      ],
      photos: [photoId],
      inspectionSummary: null,
      openingHours: { weekdays: '07:30-18:00' },
    });
  });

  it('answers 404 for drafts, unknown ids and malformed ids alike', async () => {
    for (const id of [ids.草稿, '00000000-0000-0000-0000-000000000000', 'not-an-id']) {
      expect((await t.anonymous.get(`/api/directory/${id}`)).statusCode).toBe(404);
    }
  });

  it('serves photos of filed institutions only, and no other upload', async () => {
    const filed = await photo(ids.三公里!);
    const res = await t.anonymous.get(`/api/directory/photos/${filed}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/jpeg');
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    const licence = await photo(ids.三公里!, 'business_licence');
    expect((await t.anonymous.get(`/api/directory/photos/${licence}`)).statusCode).toBe(404);
    const draft = await photo(ids.草稿!);
    expect((await t.anonymous.get(`/api/directory/photos/${draft}`)).statusCode).toBe(404);
  });
});
