import { beforeAll, describe, expect, it } from 'vitest';
import { CHILDCARE_CLASS_RULES_2019 } from '../../standards/childcare-classes.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { buildClass, buildStaff, buildStaffingWorld, type StaffingWorld } from '../../test/institutions.js';
import { regionSettings } from '../settings/settings.table.js';
import { institutionFunctions } from './institutions.table.js';

let t: TestApp;
let w: StaffingWorld;
const EN = { 'accept-language': 'en' };

beforeAll(async () => {
  t = await createTestApp();
  w = await buildStaffingWorld(t);
});

const classesOf = (id: string) => `/api/institutions/${id}/classes`;

describe('class sizes of STANDARDS §1', () => {
  const cases = [
    ['infant', 10, '乳儿班最多 10 名儿童', 'Infant class: at most 10 children; 11 places is too many'],
    ['toddler', 15, '托小班最多 15 名儿童', 'Toddler class: at most 15 children; 16 places is too many'],
    ['older_toddler', 20, '托大班最多 20 名儿童', 'Older toddler class: at most 20 children'],
    ['mixed', 18, '混龄班最多 18 名儿童', 'Mixed-age class: at most 18 children'],
  ] as const;
  for (const [type, maxSize, zh, en] of cases) {
    it(`sets up a ${type} class of ${maxSize} and refuses ${maxSize + 1}, naming the rule in both languages`, async () => {
      const ok = await w.admin.post(classesOf(w.institutionId), {
        name: `${type}-ok`,
        type,
        capacity: maxSize,
      });
      expect(ok.statusCode).toBe(201);
      expect(ok.json()).toMatchObject({ type, capacity: maxSize, enrolled: 0, limits: { maxSize } });

      const body = { name: `${type}-big`, type, capacity: maxSize + 1 };
      const zhRes = await w.admin.post(classesOf(w.institutionId), body);
      expect(zhRes.statusCode).toBe(400);
      expect(zhRes.json().error).toMatchObject({ code: 'class.max_size', field: 'capacity' });
      expect(zhRes.json().error.message).toContain(zh);
      const enRes = await w.admin.post(classesOf(w.institutionId), body, EN);
      expect(enRes.json().error.message).toContain(en);
    });
  }

  it('lists classes with carers, the ratio for the children enrolled and the limits in force', async () => {
    const inst = (await t.buildInstitution({ regionCode: '130102001002' })).id;
    const admin = await t.login(
      (await t.buildAccount({ role: 'institution_admin', institutionId: inst, regionCode: '130102001002' }))
        .username,
    );
    const cls = await buildClass(t, inst, { name: '托小一班', type: 'toddler', capacity: 15, enrolled: 11 });
    await buildStaff(t, inst, { name: '李老师', classId: cls.id });
    await buildStaff(t, inst, { name: '王老师', role: 'teacher', classId: cls.id });
    await buildStaff(t, inst, { name: '赵老师', classId: cls.id, status: 'inactive' });
    const res = await admin.get(classesOf(inst));
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      {
        id: cls.id,
        name: '托小一班',
        type: 'toddler',
        capacity: 15,
        enrolled: 11,
        room: null,
        carers: [
          expect.objectContaining({ name: '李老师', role: 'carer' }),
          expect.objectContaining({ name: '王老师', role: 'teacher' }),
        ],
        ratio: { required: 3, present: 2, ok: false },
        limits: { maxSize: 15, minAgeMonths: 12, maxAgeMonths: 24, childrenPerCarer: 5 },
      },
    ]);
  });
});

describe('which institutions have which classes', () => {
  it('lets a home-based point have only home-point classes, 5 children in all', async () => {
    const point = (await t.buildInstitution({ kind: 'home_childcare_point' })).id;
    const toddler = await w.sysadmin.post(classesOf(point), { name: 'a', type: 'toddler', capacity: 3 }, EN);
    expect(toddler.statusCode).toBe(400);
    expect(toddler.json().error).toMatchObject({ code: 'class.home_point_only', field: 'type' });
    expect(toddler.json().error.message).toBe(
      'A home-based childcare point may only have home-point classes',
    );

    expect(
      (await w.sysadmin.post(classesOf(point), { name: 'a', type: 'home_point', capacity: 3 })).statusCode,
    ).toBe(201);
    const over = await w.sysadmin.post(classesOf(point), { name: 'b', type: 'home_point', capacity: 3 });
    expect(over.statusCode).toBe(400);
    expect(over.json().error).toMatchObject({ code: 'class.home_point_total', field: 'capacity' });
    expect(over.json().error.message).toBe('家庭托育点合计最多收托 5 名儿童，各班托位合计将为 6');
    expect(
      (await w.sysadmin.post(classesOf(point), { name: 'b', type: 'home_point', capacity: 2 })).statusCode,
    ).toBe(201);
  });

  it('keeps home-point classes to home-based points', async () => {
    const res = await w.admin.post(classesOf(w.institutionId), {
      name: 'h',
      type: 'home_point',
      capacity: 3,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'class.home_point_type', field: 'type' });
  });

  it('gives elderly care institutions, elderly centres and meal points no classes', async () => {
    for (const [kind, zh, en] of [
      [
        'elderly_care_institution',
        '养老机构不设托育班级',
        'An institution of kind "Elderly care institution" has no childcare classes',
      ],
      [
        'community_elderly_centre',
        '社区养老服务中心不设托育班级',
        'An institution of kind "Community elderly centre" has no childcare classes',
      ],
      ['meal_point', '助餐点不设托育班级', 'An institution of kind "Meal point" has no childcare classes'],
    ]) {
      const id = (await t.buildInstitution({ kind: kind! })).id;
      const body = { name: 'x', type: 'toddler', capacity: 5 };
      const zhRes = await w.sysadmin.post(classesOf(id), body);
      expect(zhRes.statusCode).toBe(400);
      expect(zhRes.json().error).toMatchObject({ code: 'class.not_childcare', field: 'type', message: zh });
      expect((await w.sysadmin.post(classesOf(id), body, EN)).json().error.message).toBe(en);
    }
  });
});

describe('changing and deleting classes', () => {
  it('refuses a capacity below the children enrolled, and a size above the type', async () => {
    const cls = await buildClass(t, w.institutionId, { capacity: 12, enrolled: 8 });
    const below = await w.admin.patch(`/api/classes/${cls.id}`, { capacity: 5 }, EN);
    expect(below.statusCode).toBe(400);
    expect(below.json().error).toMatchObject({
      code: 'class.capacity_below_enrolled',
      field: 'capacity',
      message: 'Places (5) cannot be fewer than the children enrolled (8)',
    });
    const above = await w.admin.patch(`/api/classes/${cls.id}`, { capacity: 16 });
    expect(above.json().error).toMatchObject({ code: 'class.max_size', field: 'capacity' });
    const ok = await w.admin.patch(`/api/classes/${cls.id}`, { capacity: 8, name: '改名', room: '101' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ capacity: 8, name: '改名', room: '101', enrolled: 8 });
  });

  it('refuses a new type the carers assigned cannot cover', async () => {
    const cls = await buildClass(t, w.institutionId, { type: 'toddler', capacity: 10, enrolled: 10 });
    await buildStaff(t, w.institutionId, { classId: cls.id });
    await buildStaff(t, w.institutionId, { classId: cls.id });
    const res = await w.admin.patch(`/api/classes/${cls.id}`, { type: 'infant' }, EN);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'class.ratio',
      field: 'type',
      rule: 'class.ratio',
      required: 4,
      present: 2,
    });
    expect(res.json().error.message).toBe(
      'Infant class: 10 children need at least 4 carers (1 : 3); carers: 2',
    );
  });

  it('deletes an empty class, not one with children (409)', async () => {
    const full = await buildClass(t, w.institutionId, { enrolled: 2 });
    const refused = await w.admin.delete(`/api/classes/${full.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'class.has_children',
      message: '班级还有 2 名在托儿童，不能删除',
    });
    const empty = await buildClass(t, w.institutionId);
    const carer = await buildStaff(t, w.institutionId, { classId: empty.id });
    expect((await w.admin.delete(`/api/classes/${empty.id}`)).statusCode).toBe(204);
    const staff = (await w.admin.get(`/api/institutions/${w.institutionId}/staff`)).json().items;
    expect(staff.find((s: { id: string }) => s.id === carer.id).classId).toBeNull();
  });
});

describe('a region overriding the class rules (Shenzhen-style mixed 1 : 6)', () => {
  it('changes the mixed ratio for that region only', async () => {
    await t.database.db.insert(regionSettings).values({
      key: 'childcare.class_rules',
      regionPrefix: '130102',
      value: {
        ...CHILDCARE_CLASS_RULES_2019,
        mixed: { ...CHILDCARE_CLASS_RULES_2019.mixed, childrenPerCarer: 6 },
      },
    });
    const here = (await t.buildInstitution({ regionCode: '130102002' })).id;
    const there = (await t.buildInstitution({ regionCode: '130104001001' })).id;
    for (const id of [here, there]) {
      const cls = await buildClass(t, id, { type: 'mixed', capacity: 18, enrolled: 12 });
      await buildStaff(t, id, { classId: cls.id });
      await buildStaff(t, id, { classId: cls.id });
    }
    const [mine] = (await w.sysadmin.get(classesOf(here))).json().items;
    expect(mine).toMatchObject({
      ratio: { required: 2, present: 2, ok: true },
      limits: { childrenPerCarer: 6 },
    });
    const [theirs] = (await w.sysadmin.get(classesOf(there))).json().items;
    expect(theirs).toMatchObject({
      ratio: { required: 3, present: 2, ok: false },
      limits: { childrenPerCarer: 5 },
    });
  });
});

describe('capacity', () => {
  it('sums places per class type and lists the registered functions', async () => {
    const id = (await t.buildInstitution({ kind: 'service_complex' })).id;
    await buildClass(t, id, { type: 'toddler', capacity: 15, enrolled: 10 });
    await buildClass(t, id, { type: 'toddler', capacity: 12, enrolled: 12 });
    await buildClass(t, id, { type: 'infant', capacity: 9, enrolled: 1 });
    await t.database.db.insert(institutionFunctions).values([
      { institutionId: id, function: 'childcare', capacity: 36, unit: 'places' },
      { institutionId: id, function: 'elderly_day_care', capacity: 20, unit: 'day_places' },
    ]);
    const res = await w.changanCivil.get(`/api/institutions/${id}/capacity`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      childcare: [
        { classType: 'infant', classes: 1, licensed: 9, enrolled: 1, free: 8 },
        { classType: 'toddler', classes: 2, licensed: 27, enrolled: 22, free: 5 },
      ],
      functions: [
        { function: 'childcare', capacity: 36, unit: 'places' },
        { function: 'elderly_day_care', capacity: 20, unit: 'day_places' },
      ],
    });
    expect((await w.qiaoxiHealth.get(`/api/institutions/${id}/capacity`)).statusCode).toBe(403);
  });
});

describe('who may see and change classes', () => {
  it('lets the admin, health officials in scope and the system administrator read', async () => {
    for (const client of [w.admin, w.staffUser, w.changanHealth, w.sysadmin]) {
      expect((await client.get(classesOf(w.institutionId))).statusCode).toBe(200);
    }
  });

  it('refuses another county, another institution and the other department', async () => {
    expect((await w.qiaoxiHealth.get(classesOf(w.institutionId))).statusCode).toBe(403);
    expect((await w.otherAdmin.get(classesOf(w.institutionId))).statusCode).toBe(403);
    expect((await w.changanCivil.get(classesOf(w.institutionId))).statusCode).toBe(403);
  });

  it('lets only the institution admin and the system administrator write', async () => {
    const body = { name: '新班', type: 'toddler', capacity: 10 };
    expect((await w.staffUser.post(classesOf(w.institutionId), body)).statusCode).toBe(403);
    expect((await w.changanHealth.post(classesOf(w.institutionId), body)).statusCode).toBe(403);
    expect((await w.otherAdmin.post(classesOf(w.institutionId), body)).statusCode).toBe(403);
    const cls = await buildClass(t, w.institutionId);
    expect((await w.otherAdmin.patch(`/api/classes/${cls.id}`, { name: 'x' })).statusCode).toBe(403);
    expect((await w.staffUser.delete(`/api/classes/${cls.id}`)).statusCode).toBe(403);
    expect((await w.sysadmin.post(classesOf(w.institutionId), body)).statusCode).toBe(201);
  });

  it('answers 404 for an institution or class that does not exist', async () => {
    const none = '00000000-0000-4000-8000-000000000000';
    expect((await w.sysadmin.get(classesOf(none))).statusCode).toBe(404);
    expect((await w.sysadmin.patch(`/api/classes/${none}`, { name: 'x' })).statusCode).toBe(404);
  });
});
