import type { FieldCipher } from '../lib/secrets.js';
import type { Role } from '../modules/accounts/roles.js';
import { classes } from '../modules/institutions/classes.table.js';
import { staff, staffCertificates } from '../modules/institutions/staff.table.js';
import { buildIdNumber } from '../standards/id-number.js';
import { chinaToday } from '../standards/working-days.js';
import type { TestApp, TestClient } from './app.js';
import { seedTestRegions } from './regions.js';

let counter = 0;

/** Insert a class directly (a factory, not the API under test): a toddler class of 10 by default. */
export async function buildClass(
  t: TestApp,
  institutionId: string,
  overrides: {
    name?: string;
    type?: string;
    capacity?: number;
    enrolled?: number;
    room?: string | null;
  } = {},
): Promise<{ id: string }> {
  counter += 1;
  const [row] = await t.database.db
    .insert(classes)
    .values({
      institutionId,
      name: overrides.name ?? `测试班${counter}`,
      type: overrides.type ?? 'toddler',
      capacity: overrides.capacity ?? 10,
      enrolled: overrides.enrolled ?? 0,
      room: overrides.room ?? null,
    })
    .returning({ id: classes.id });
  return { id: row!.id };
}

/** A valid ID number for test staff (never a real person's), different on every call. */
export function testIdNumber(sequence?: number): string {
  counter += 1;
  return buildIdNumber({
    regionCode: '130102',
    birthDate: '1990-05-17',
    sequence: (sequence ?? counter) % 1000,
  });
}

/**
 * Insert a staff member directly, encrypted like the service does: a carer by default,
 * optionally assigned to a class and holding certificates.
 */
export async function buildStaff(
  t: TestApp,
  institutionId: string,
  overrides: {
    name?: string;
    role?: string;
    classId?: string | null;
    status?: string;
    education?: string | null;
    managementYears?: number | null;
    idNumber?: string | null;
    certificates?: { kind: string; issuedOn: string; expiresOn: string | null }[];
  } = {},
): Promise<{ id: string }> {
  counter += 1;
  const idNumber = overrides.idNumber === undefined ? null : overrides.idNumber;
  const cipher: FieldCipher = t.cipher;
  const [row] = await t.database.db
    .insert(staff)
    .values({
      institutionId,
      name: overrides.name ?? `测试员工${counter}`,
      role: overrides.role ?? 'carer',
      classId: overrides.classId ?? null,
      status: overrides.status ?? 'active',
      education: overrides.education ?? null,
      managementYears: overrides.managementYears ?? null,
      idNumberCipher: idNumber ? cipher.encrypt(idNumber) : null,
      idNumberIndex: idNumber ? cipher.blindIndex(idNumber) : null,
    })
    .returning({ id: staff.id });
  for (const cert of overrides.certificates ?? []) {
    await t.database.db.insert(staffCertificates).values({ staffId: row!.id, ...cert });
  }
  return { id: row!.id };
}

/** Who the staffing tests act as: one Changan childcare centre and the people around it. */
export interface StaffingWorld {
  institutionId: string;
  /** A childcare centre in another county (Qiaoxi). */
  qiaoxiInstitutionId: string;
  admin: TestClient;
  staffUser: TestClient;
  otherAdmin: TestClient;
  changanHealth: TestClient;
  changanCivil: TestClient;
  qiaoxiHealth: TestClient;
  sysadmin: TestClient;
}

/** Seed the Hebei slice, two childcare centres and an account of every kind the tests need. */
export async function buildStaffingWorld(t: TestApp): Promise<StaffingWorld> {
  await seedTestRegions(t.database);
  const institutionId = (await t.buildInstitution({ name: '棉一托育中心', regionCode: '130102001001' })).id;
  const qiaoxiInstitutionId = (await t.buildInstitution({ name: '东里托育中心', regionCode: '130104001001' }))
    .id;
  const inst = (role: Role, id: string, regionCode: string) =>
    t.buildAccount({ role, institutionId: id, regionCode });
  const login = async (account: Promise<{ username: string }>) => t.login((await account).username);
  return {
    institutionId,
    qiaoxiInstitutionId,
    admin: await login(inst('institution_admin', institutionId, '130102001001')),
    staffUser: await login(inst('institution_staff', institutionId, '130102001001')),
    otherAdmin: await login(inst('institution_admin', qiaoxiInstitutionId, '130104001001')),
    changanHealth: await login(t.buildAccount({ role: 'health_county', regionCode: '130102' })),
    changanCivil: await login(t.buildAccount({ role: 'civil_county', regionCode: '130102' })),
    qiaoxiHealth: await login(t.buildAccount({ role: 'health_county', regionCode: '130104' })),
    sysadmin: await login(t.buildAccount({ role: 'sysadmin', regionCode: '' })),
  };
}

/** Today in China moved by `days` (YYYY-MM-DD). */
export function dayFromToday(days: number): string {
  return new Date(Date.parse(`${chinaToday()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
