import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import {
  buildClass,
  buildStaff,
  buildStaffingWorld,
  dayFromToday,
  type StaffingWorld,
  testIdNumber,
} from '../../test/institutions.js';
import { staff } from './staff.table.js';

let t: TestApp;
let w: StaffingWorld;
const EN = { 'accept-language': 'en' };

beforeAll(async () => {
  t = await createTestApp();
  w = await buildStaffingWorld(t);
});

const staffOf = (id: string) => `/api/institutions/${id}/staff`;

describe('ID numbers', () => {
  it('stores them encrypted, shows them masked everywhere, and never in full', async () => {
    const number = testIdNumber(101);
    const res = await w.admin.post(staffOf(w.institutionId), {
      name: '陈保育',
      role: 'carer',
      idNumber: number.toLowerCase(),
      phone: '13812345678',
    });
    expect(res.statusCode).toBe(201);
    const masked = `${number.slice(0, 6)}********${number.slice(-4)}`;
    expect(res.json()).toMatchObject({ name: '陈保育', idNumber: masked, phone: '138****5678' });
    expect(res.body).not.toContain(number.slice(6, 14));

    const list = await w.changanHealth.get(staffOf(w.institutionId));
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(number.slice(6, 14));
    expect(list.json().items.find((s: { name: string }) => s.name === '陈保育').idNumber).toBe(masked);

    const rows = await t.database.db.select().from(staff).where(eq(staff.id, res.json().id));
    expect(JSON.stringify(rows)).not.toContain(number.slice(6, 14));
    expect(t.cipher.decrypt(rows[0]!.idNumberCipher!)).toBe(number);
    expect(rows[0]!.idNumberIndex).toBe(t.cipher.blindIndex(number));
    const audit = await t.database.db.execute(
      sql`select before, after from audit_log where entity_type = 'staff'`,
    );
    expect(JSON.stringify(audit)).not.toContain(number.slice(6, 14));
  });

  it('refuses a second staff member with the same number in the same institution (409), not elsewhere', async () => {
    const number = testIdNumber(202);
    expect(
      (await w.admin.post(staffOf(w.institutionId), { name: '甲', role: 'cook', idNumber: number }))
        .statusCode,
    ).toBe(201);
    const again = await w.admin.post(
      staffOf(w.institutionId),
      { name: '乙', role: 'cook', idNumber: ` ${number} ` },
      EN,
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: 'staff.id_number_taken',
      field: 'idNumber',
      message: 'A staff member of this institution already has this ID number',
    });
    expect(
      (
        await w.otherAdmin.post(staffOf(w.qiaoxiInstitutionId), {
          name: '乙',
          role: 'cook',
          idNumber: number,
        })
      ).statusCode,
    ).toBe(201);
  });

  it('refuses an invalid number with 400 naming idNumber and the reason in both languages', async () => {
    const bad = `${testIdNumber(303).slice(0, 17)}${testIdNumber(303).endsWith('0') ? '1' : '0'}`;
    const zh = await w.admin.post(staffOf(w.institutionId), { name: '丙', role: 'cook', idNumber: bad });
    expect(zh.statusCode).toBe(400);
    expect(zh.json().error).toMatchObject({
      code: 'idnumber.check_digit',
      field: 'idNumber',
      message: '校验码错误',
    });
    const en = await w.admin.post(
      staffOf(w.institutionId),
      { name: '丙', role: 'cook', idNumber: '1234' },
      EN,
    );
    expect(en.json().error).toMatchObject({ code: 'idnumber.length', field: 'idNumber' });
    expect(en.json().error.message).toMatch(/^An ID number has 18 characters/);
  });
});

describe('assigning carers to classes', () => {
  it('assigns carers and teachers to a class of the same institution only', async () => {
    const mine = await buildClass(t, w.institutionId);
    const theirs = await buildClass(t, w.qiaoxiInstitutionId);
    const cook = await w.admin.post(
      staffOf(w.institutionId),
      { name: '厨师', role: 'cook', classId: mine.id },
      EN,
    );
    expect(cook.statusCode).toBe(400);
    expect(cook.json().error).toMatchObject({ code: 'staff.class_role', field: 'classId' });
    expect(cook.json().error.message).toContain('(role: Cook)');
    const foreign = await w.admin.post(staffOf(w.institutionId), {
      name: '外班',
      role: 'carer',
      classId: theirs.id,
    });
    expect(foreign.json().error).toMatchObject({ code: 'staff.class_unknown', field: 'classId' });
    const teacher = await w.admin.post(staffOf(w.institutionId), {
      name: '早教',
      role: 'teacher',
      classId: mine.id,
    });
    expect(teacher.statusCode).toBe(201);
    const [cls] = (await w.admin.get(`/api/institutions/${w.institutionId}/classes`))
      .json()
      .items.filter((c: { id: string }) => c.id === mine.id);
    expect(cls.carers).toEqual([expect.objectContaining({ id: teacher.json().id, name: '早教' })]);
  });
});

describe('the carer ratio when a carer leaves a class', () => {
  it('refuses deleting, unassigning, moving, retiring or re-roling a carer the class still needs', async () => {
    const cls = await buildClass(t, w.institutionId, { type: 'toddler', capacity: 15, enrolled: 10 });
    const other = await buildClass(t, w.institutionId);
    const a = await buildStaff(t, w.institutionId, { classId: cls.id });
    await buildStaff(t, w.institutionId, { classId: cls.id });

    const del = await w.admin.delete(`/api/staff/${a.id}`);
    expect(del.statusCode).toBe(409);
    expect(del.json().error).toMatchObject({
      code: 'class.ratio',
      rule: 'class.ratio',
      required: 2,
      present: 1,
    });
    expect(del.json().error.message).toBe(
      '托小班有 10 名儿童，按 1:5 至少需要 2 名保育人员，保育人员为 1 名',
    );

    const tries: Array<[Record<string, unknown>, string]> = [
      [{ status: 'inactive' }, 'status'],
      [{ classId: null }, 'classId'],
      [{ classId: other.id }, 'classId'],
      [{ role: 'cook', classId: null }, 'classId'],
    ];
    for (const [body, field] of tries) {
      const res = await w.admin.patch(`/api/staff/${a.id}`, body, EN);
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'class.ratio', field, required: 2, present: 1 });
      expect(res.json().error.message).toBe(
        'Toddler class: 10 children need at least 2 carers (1 : 5); carers: 1',
      );
    }
    const reRole = await w.admin.patch(`/api/staff/${a.id}`, { role: 'cook' });
    expect(reRole.json().error).toMatchObject({ code: 'staff.class_role', field: 'classId' });

    await buildStaff(t, w.institutionId, { role: 'teacher', classId: cls.id });
    expect((await w.admin.patch(`/api/staff/${a.id}`, { status: 'inactive' })).statusCode).toBe(200);
    expect((await w.admin.delete(`/api/staff/${a.id}`)).statusCode).toBe(204);
  });
});

describe('certificates and warnings', () => {
  it('defaults a health certificate to 12 months and refuses an expiry before the issue date', async () => {
    const person = await buildStaff(t, w.institutionId, { role: 'cook' });
    const res = await w.admin.post(`/api/staff/${person.id}/certificates`, {
      kind: 'health_certificate',
      issuedOn: '2025-03-01',
      number: 'JK-1',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      kind: 'health_certificate',
      issuedOn: '2025-03-01',
      expiresOn: '2026-02-28',
    });
    const none = await w.admin.post(`/api/staff/${person.id}/certificates`, {
      kind: 'no_criminal_record',
      issuedOn: '2025-03-01',
    });
    expect(none.json().expiresOn).toBeNull();

    const backwards = await w.admin.post(
      `/api/staff/${person.id}/certificates`,
      { kind: 'first_aid', issuedOn: '2025-03-01', expiresOn: '2025-02-01' },
      EN,
    );
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error).toMatchObject({
      code: 'certificate.expires_before_issued',
      field: 'expiresOn',
      message: 'The expiry date 2025-02-01 cannot be before the issue date 2025-03-01',
    });
    const unknown = await w.admin.post(`/api/staff/${person.id}/certificates`, {
      kind: 'driving',
      issuedOn: '2025-03-01',
    });
    expect(unknown.json().error).toMatchObject({ code: 'validation.enum', field: 'kind' });

    expect((await w.admin.delete(`/api/certificates/${res.json().id}`)).statusCode).toBe(204);
    expect((await w.otherAdmin.delete(`/api/certificates/${none.json().id}`)).statusCode).toBe(403);
  });

  it('warns 30 days ahead of an expiry, not 31, and flags what is missing or expired', async () => {
    const cook = await buildStaff(t, w.institutionId, {
      name: '预警厨师',
      role: 'cook',
      certificates: [
        { kind: 'health_certificate', issuedOn: dayFromToday(-300), expiresOn: dayFromToday(30) },
        { kind: 'no_criminal_record', issuedOn: dayFromToday(-300), expiresOn: null },
        { kind: 'food_safety', issuedOn: dayFromToday(-300), expiresOn: dayFromToday(31) },
      ],
    });
    const expired = await buildStaff(t, w.institutionId, {
      role: 'guard',
      certificates: [
        { kind: 'health_certificate', issuedOn: dayFromToday(-400), expiresOn: dayFromToday(-1) },
      ],
    });
    const items = (await w.admin.get(staffOf(w.institutionId), EN)).json().items;
    const mine = items.find((s: { id: string }) => s.id === cook.id);
    expect(mine.warnings).toEqual([
      {
        rule: 'staff.certificate_expiring',
        severity: 'warning',
        message: `Health certificate expires on ${dayFromToday(30)} (30 days left)`,
        params: { kind: 'health_certificate', expiresOn: dayFromToday(30), daysLeft: 30 },
      },
    ]);
    expect(mine.certificates.map((c: { daysLeft: number | null }) => c.daysLeft).sort()).toEqual(
      [30, 31, null].sort(),
    );
    const guard = (await w.admin.get(staffOf(w.institutionId)))
      .json()
      .items.find((s: { id: string }) => s.id === expired.id);
    expect(
      guard.warnings.map((i: { rule: string; severity: string; message: string }) => [
        i.rule,
        i.severity,
        i.message,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['staff.certificate_missing', 'error', '缺少无犯罪记录证明'],
        ['staff.certificate_missing', 'error', '缺少保安员证'],
        ['staff.certificate_expired', 'error', `健康合格证明已于 ${dayFromToday(-1)} 过期`],
      ]),
    );
  });

  it("names the head's missing diploma and management years in both languages", async () => {
    const head = await w.admin.post(staffOf(w.institutionId), {
      name: '园长',
      role: 'head',
      education: 'senior_secondary',
      managementYears: 1,
    });
    expect(head.statusCode).toBe(201);
    const zh = head.json().warnings.filter((i: { rule: string }) => i.rule.startsWith('staff.head_'));
    expect(zh.map((i: { message: string }) => i.message)).toEqual([
      '机构负责人应具有大专及以上学历',
      '机构负责人应有 3 年以上管理经验（现为 1 年）',
    ]);
    const fixed = await w.admin.patch(
      `/api/staff/${head.json().id}`,
      { education: 'college', managementYears: 3 },
      EN,
    );
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json().warnings.map((i: { rule: string }) => i.rule)).not.toContain('staff.head_education');
    const en = (await w.admin.patch(`/api/staff/${head.json().id}`, { managementYears: 2 }, EN)).json()
      .warnings;
    expect(en.find((i: { rule: string }) => i.rule === 'staff.head_management_years').message).toBe(
      'The head needs 3+ years of management experience (has 2)',
    );
  });
});

describe('who may see and change staff', () => {
  it('lets institution staff read but not write, and keeps other institutions and counties out', async () => {
    expect((await w.staffUser.get(staffOf(w.institutionId))).statusCode).toBe(200);
    expect((await w.staffUser.post(staffOf(w.institutionId), { name: 'x', role: 'cook' })).statusCode).toBe(
      403,
    );
    expect(
      (await w.changanHealth.post(staffOf(w.institutionId), { name: 'x', role: 'cook' })).statusCode,
    ).toBe(403);
    expect((await w.otherAdmin.get(staffOf(w.institutionId))).statusCode).toBe(403);
    expect((await w.qiaoxiHealth.get(staffOf(w.institutionId))).statusCode).toBe(403);
    const someone = await buildStaff(t, w.institutionId, { role: 'cook' });
    expect((await w.otherAdmin.patch(`/api/staff/${someone.id}`, { name: 'x' })).statusCode).toBe(403);
    expect((await w.staffUser.delete(`/api/staff/${someone.id}`)).statusCode).toBe(403);
    expect(
      (
        await w.staffUser.post(`/api/staff/${someone.id}/certificates`, {
          kind: 'diploma',
          issuedOn: '2020-01-01',
        })
      ).statusCode,
    ).toBe(403);
    expect((await w.sysadmin.patch(`/api/staff/${someone.id}`, { phone: '13900001111' })).json().phone).toBe(
      '139****1111',
    );
  });
});
