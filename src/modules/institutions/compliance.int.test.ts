import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { requiredCertificates, type StaffRole } from '../../standards/staff-requirements.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import {
  buildClass,
  buildStaff,
  buildStaffingWorld,
  dayFromToday,
  type StaffingWorld,
} from '../../test/institutions.js';
import { institutions } from './institutions.table.js';

let t: TestApp;
let w: StaffingWorld;
const EN = { 'accept-language': 'en' };

beforeAll(async () => {
  t = await createTestApp();
  w = await buildStaffingWorld(t);
});

/** Every certificate the role needs, valid for a year. */
const validCertificates = (role: StaffRole) =>
  requiredCertificates(role).map((kind) => ({
    kind,
    issuedOn: dayFromToday(-10),
    expiresOn: dayFromToday(355),
  }));

async function compliantInstitution(regionCode = '130102001001') {
  const id = (await t.buildInstitution({ regionCode })).id;
  await t.database.db.update(institutions).set({ floor: 2 }).where(eq(institutions.id, id));
  const cls = await buildClass(t, id, { type: 'toddler', capacity: 15, enrolled: 10 });
  await buildStaff(t, id, {
    role: 'head',
    education: 'bachelor',
    managementYears: 5,
    certificates: validCertificates('head'),
  });
  await buildStaff(t, id, { role: 'health', certificates: validCertificates('health') });
  for (let i = 0; i < 2; i += 1)
    await buildStaff(t, id, { classId: cls.id, certificates: validCertificates('carer') });
  return id;
}

type Issue = { rule: string; severity: string; message: string; subject: { type: string; name: string } };

describe('GET /api/institutions/:id/compliance', () => {
  it('finds nothing wrong with an institution that meets every rule', async () => {
    const id = await compliantInstitution();
    const res = await w.sysadmin.get(`/api/institutions/${id}/compliance`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, issues: [] });
  });

  it('lists every class, staff, head, health-staff and siting issue, in the caller language', async () => {
    const id = (await t.buildInstitution({ name: '问题托育中心' })).id;
    await t.database.db.update(institutions).set({ floor: 4 }).where(eq(institutions.id, id));
    const big = await buildClass(t, id, { name: '超大班', type: 'toddler', capacity: 16, enrolled: 16 });
    await buildClass(t, id, { name: '满员班', type: 'older_toddler', capacity: 20, enrolled: 20 });
    for (let i = 0; i < 5; i += 1)
      await buildClass(t, id, { type: 'older_toddler', capacity: 20, enrolled: 20 });
    await buildStaff(t, id, {
      name: '刘保育',
      classId: big.id,
      certificates: validCertificates('carer').slice(1),
    });

    const res = await w.changanHealth.get(`/api/institutions/${id}/compliance`, EN);
    expect(res.statusCode).toBe(200);
    const { ok, issues } = res.json() as { ok: boolean; issues: Issue[] };
    expect(ok).toBe(false);
    const find = (rule: string, subject?: string) =>
      issues.find((i) => i.rule === rule && (!subject || i.subject.name === subject));
    expect(find('class.max_size', '超大班')).toMatchObject({
      severity: 'error',
      message: 'Toddler class: at most 15 children; 16 places is too many (childcare standard)',
      subject: { type: 'class' },
    });
    expect(find('class.ratio', '超大班')?.message).toBe(
      'Toddler class: 16 children need at least 4 carers (1 : 5); carers: 1',
    );
    expect(find('class.ratio', '满员班')?.message).toContain('20 children need at least 3 carers (1 : 7)');
    expect(find('staff.certificate_missing', '刘保育')).toMatchObject({
      severity: 'error',
      message: 'Missing: Health certificate',
      subject: { type: 'staff' },
    });
    expect(find('compliance.head_missing')).toMatchObject({
      severity: 'error',
      subject: { type: 'institution', name: '问题托育中心' },
    });
    expect(find('compliance.health_staff')?.message).toBe(
      '136 children enrolled need at least 1 health staff (one per 150); there are 0',
    );
    expect(find('siting.floor_too_high')?.message).toBe('Fire-safety siting: Not on the 4th floor or above');

    const zh = (await w.admin.get(`/api/institutions/${id}/compliance`)).statusCode;
    expect(zh).toBe(403);
    const zhIssues = (await w.sysadmin.get(`/api/institutions/${id}/compliance`)).json().issues as Issue[];
    expect(zhIssues.find((i) => i.rule === 'compliance.head_missing')?.message).toBe(
      '机构没有在岗的机构负责人',
    );
    expect(zhIssues.find((i) => i.rule === 'siting.floor_too_high')?.message).toBe(
      '消防选址：不得设置在四层及四层以上',
    );
  });

  it('needs a second health staff member from 151 children, and warns when the floor is unknown', async () => {
    const id = await compliantInstitution();
    for (let i = 0; i < 8; i += 1) {
      const cls = await buildClass(t, id, { type: 'older_toddler', capacity: 20, enrolled: 18 });
      for (let j = 0; j < 3; j += 1)
        await buildStaff(t, id, { classId: cls.id, certificates: validCertificates('carer') });
    }
    await t.database.db.update(institutions).set({ floor: null }).where(eq(institutions.id, id));
    const { ok, issues } = (await w.sysadmin.get(`/api/institutions/${id}/compliance`)).json();
    expect(ok).toBe(false);
    expect(issues.map((i: Issue) => [i.rule, i.severity])).toEqual([
      ['compliance.health_staff', 'error'],
      ['compliance.floor_unknown', 'warning'],
    ]);
    expect(issues[0].message).toBe(
      '在托 154 名儿童需要至少 2 名卫生保健人员（每 150 名儿童 1 名），现有 1 名',
    );
  });

  it('refuses another county, another institution, and the other department', async () => {
    const url = `/api/institutions/${w.institutionId}/compliance`;
    expect((await w.qiaoxiHealth.get(url)).statusCode).toBe(403);
    expect((await w.otherAdmin.get(url)).statusCode).toBe(403);
    expect((await w.changanCivil.get(url)).statusCode).toBe(403);
    expect((await w.staffUser.get(url)).statusCode).toBe(200);
  });
});

describe('GET /api/compliance/expiring', () => {
  let changanCert: string;
  beforeAll(async () => {
    const here = (await t.buildInstitution({ name: '长安证书机构', regionCode: '130102002' })).id;
    const there = (await t.buildInstitution({ name: '桥西证书机构', regionCode: '130104001001' })).id;
    await buildStaff(t, here, {
      name: '快到期',
      certificates: [
        { kind: 'health_certificate', issuedOn: dayFromToday(-355), expiresOn: dayFromToday(10) },
      ],
    });
    await buildStaff(t, here, {
      name: '已过期',
      certificates: [{ kind: 'first_aid', issuedOn: dayFromToday(-1000), expiresOn: dayFromToday(-5) }],
    });
    await buildStaff(t, here, {
      name: '已续期',
      certificates: [
        { kind: 'health_certificate', issuedOn: dayFromToday(-400), expiresOn: dayFromToday(-30) },
        { kind: 'health_certificate', issuedOn: dayFromToday(-30), expiresOn: dayFromToday(335) },
      ],
    });
    await buildStaff(t, here, {
      name: '已离职',
      status: 'inactive',
      certificates: [
        { kind: 'health_certificate', issuedOn: dayFromToday(-355), expiresOn: dayFromToday(3) },
      ],
    });
    await buildStaff(t, here, {
      name: '下月到期',
      certificates: [
        { kind: 'health_certificate', issuedOn: dayFromToday(-340), expiresOn: dayFromToday(25) },
      ],
    });
    await buildStaff(t, there, {
      name: '桥西员工',
      certificates: [
        { kind: 'health_certificate', issuedOn: dayFromToday(-355), expiresOn: dayFromToday(8) },
      ],
    });
    const own = await buildStaff(t, w.institutionId, {
      name: '本园员工',
      certificates: [
        { kind: 'health_certificate', issuedOn: dayFromToday(-355), expiresOn: dayFromToday(12) },
      ],
    });
    changanCert = own.id;
  });

  type Item = {
    staffName: string;
    institutionName: string;
    daysLeft: number;
    expired: boolean;
    kindName: string;
  };

  it('shows an official the certificates of their region, soonest first, with names', async () => {
    const res = await w.changanHealth.get('/api/compliance/expiring?days=30');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Item[];
    expect(items.map((i) => [i.staffName, i.daysLeft, i.expired])).toEqual([
      ['已过期', -5, true],
      ['快到期', 10, false],
      ['本园员工', 12, false],
      ['下月到期', 25, false],
    ]);
    expect(items[1]).toMatchObject({ institutionName: '长安证书机构', kindName: '健康合格证明' });
    expect(res.json()).toMatchObject({ total: 4, days: 30 });

    const soon = (await w.changanHealth.get('/api/compliance/expiring?days=10')).json().items as Item[];
    expect(soon.map((i) => i.staffName)).toEqual(['已过期', '快到期']);
    const qiaoxi = (await w.qiaoxiHealth.get('/api/compliance/expiring')).json().items as Item[];
    expect(qiaoxi.map((i) => i.staffName)).toEqual(['桥西员工']);
  });

  it("shows an institution admin their own, and an official of the other department none of childcare's", async () => {
    const own = (await w.admin.get('/api/compliance/expiring', EN)).json().items as Item[];
    expect(own.map((i) => [i.staffName, i.institutionName, i.kindName])).toEqual([
      ['本园员工', '棉一托育中心', 'Health certificate'],
    ]);
    expect(changanCert).toBeTruthy();
    expect((await w.changanCivil.get('/api/compliance/expiring')).json().items).toEqual([]);
  });

  it('refuses a bad number of days with a 400 naming the field', async () => {
    const res = await w.admin.get('/api/compliance/expiring?days=999', EN);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'validation.too_big.number', field: 'days' });
  });
});
