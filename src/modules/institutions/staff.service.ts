import type { Db, Tx } from '../../db/client.js';
import type { FieldCipher } from '../../lib/secrets.js';
import type { RequestContext } from '../../server/context.js';
import { AppError, notFound } from '../../server/errors.js';
import type { Lang } from '../../server/i18n.js';
import type { ChildcareClassRules, ClassType } from '../../standards/childcare-classes.js';
import {
  type CertificateKind,
  checkStaff,
  type EducationLevel,
  type StaffIssue,
  type StaffRole,
} from '../../standards/staff-requirements.js';
import { chinaToday } from '../../standards/working-days.js';
import { mutate } from '../audit/audit.service.js';
import {
  CARER_ROLES,
  countCarers,
  findClass,
  type InstitutionFacts,
  lockInstitution,
} from './classes.repo.js';
import { assertRatio } from './classes.service.js';
import { presentCertificate, presentIssue, presentStaff, staffSnapshot } from './staff.presenter.js';
import * as repo from './staff.repo.js';
import type { CreateStaffInput, StaffView, UpdateStaffInput } from './staff.schema.js';
import {
  classRulesFor,
  requireCaller,
  requireInstitution,
  staffRoleName,
  warningDaysFor,
} from './staffing.access.js';
import { isChildcareKind, SM } from './staffing.messages.js';

/**
 * What the standards find about one staff member on `today`. Childcare institutions get every
 * rule of STANDARDS §1; other kinds only hear about certificates that expired or soon expire.
 */
export function staffIssues(
  row: repo.StaffRow,
  certificates: repo.CertificateRow[],
  institutionKind: string,
  today: string,
  warnDays: number,
): StaffIssue[] {
  if (row.status !== 'active') return [];
  const issues = checkStaff(
    {
      role: row.role as StaffRole,
      education: row.education as EducationLevel | null,
      managementYears: row.managementYears,
      certificates: certificates.map((c) => ({
        kind: c.kind as CertificateKind,
        issuedOn: c.issuedOn,
        expiresOn: c.expiresOn,
      })),
    },
    today,
    warnDays,
  );
  if (isChildcareKind(institutionKind)) return issues;
  return issues.filter(
    (i) => i.rule === 'staff.certificate_expired' || i.rule === 'staff.certificate_expiring',
  );
}

/** The staff of an institution with certificates and the findings on each, as the API shows them. */
export async function staffViews(
  db: Db,
  cipher: FieldCipher,
  lang: Lang,
  institution: InstitutionFacts,
  only?: string,
): Promise<StaffView[]> {
  const today = chinaToday();
  const warnDays = await warningDaysFor(db, institution.regionCode);
  const rows = (await repo.listStaff(db, institution.id)).filter((r) => !only || r.staff.id === only);
  const certificates = await repo.listCertificates(
    db,
    rows.map((r) => r.staff.id),
  );
  return rows.map(({ staff, className }) => {
    const own = certificates.filter((c) => c.staffId === staff.id);
    return presentStaff(staff, {
      className,
      certificates: own.map((c) => presentCertificate(c, today, lang)),
      warnings: staffIssues(staff, own, institution.kind, today, warnDays).map((i) => presentIssue(i, lang)),
      cipher,
      lang,
    });
  });
}

export async function listStaff(db: Db, cipher: FieldCipher, ctx: RequestContext, institutionId: string) {
  const { institution } = await requireInstitution(db, ctx, institutionId, 'institutions.staffing.read');
  return { items: await staffViews(db, cipher, ctx.lang, institution) };
}

/** Only carers and teachers go into a class, and only a class of their own institution. */
async function assertAssignable(tx: Tx, institutionId: string, classId: string, role: string, lang: Lang) {
  if (!(await findClass(tx, institutionId, classId))) {
    throw new AppError(400, SM['staff.class_unknown'], { classId }, 'classId');
  }
  if (!(CARER_ROLES as readonly string[]).includes(role)) {
    throw new AppError(400, SM['staff.class_role'], { role, roleName: staffRoleName(role, lang) }, 'classId');
  }
}

/** The encrypted number and its blind index; 409 when a colleague already has the number. */
async function sealIdNumber(
  tx: Tx,
  cipher: FieldCipher,
  institutionId: string,
  normalized: string | null,
  excludeStaffId?: string,
) {
  if (!normalized) return { idNumberCipher: null, idNumberIndex: null };
  const idNumberIndex = cipher.blindIndex(normalized);
  if (await repo.idNumberTaken(tx, institutionId, idNumberIndex, excludeStaffId)) {
    throw new AppError(409, SM['staff.id_number_taken'], {}, 'idNumber');
  }
  return { idNumberCipher: cipher.encrypt(normalized), idNumberIndex };
}

const counts = (row: Pick<repo.StaffRow, 'status' | 'role' | 'classId'>) =>
  row.status === 'active' && row.classId !== null && (CARER_ROLES as readonly string[]).includes(row.role);

/**
 * Refuse taking a carer out of a class (deleted, moved, unassigned, off duty, other role) when
 * the class's enrolled children would be left with fewer carers than its type requires.
 */
async function assertCarerMayLeave(
  tx: Tx,
  institution: InstitutionFacts,
  before: repo.StaffRow,
  after: Pick<repo.StaffRow, 'status' | 'role' | 'classId'> | null,
  rules: ChildcareClassRules,
  lang: Lang,
  field: string,
) {
  if (!counts(before)) return;
  if (after && counts(after) && after.classId === before.classId) return;
  const cls = await findClass(tx, institution.id, before.classId!, true);
  if (!cls) return;
  const remaining = await countCarers(tx, cls.id, before.id);
  assertRatio(cls.type as ClassType, cls.enrolled, remaining, rules, lang, field);
}

/** Add a staff member; the ID number is stored encrypted with a blind index, never in plain text. */
export async function createStaff(
  db: Db,
  cipher: FieldCipher,
  ctx: RequestContext,
  institutionId: string,
  input: CreateStaffInput,
): Promise<StaffView> {
  const { institution } = await requireInstitution(db, ctx, institutionId, 'institutions.staffing.manage');
  const created = await mutate(db, ctx, async (tx, audit) => {
    await lockInstitution(tx, institution.id);
    if (input.classId) await assertAssignable(tx, institution.id, input.classId, input.role, ctx.lang);
    const sealed = await sealIdNumber(tx, cipher, institution.id, input.idNumber ?? null);
    const row = await repo.insertStaff(tx, {
      institutionId: institution.id,
      name: input.name,
      role: input.role,
      ...sealed,
      phone: input.phone ?? null,
      education: input.education ?? null,
      managementYears: input.managementYears ?? null,
      classId: input.classId ?? null,
      hiredOn: input.hiredOn ?? null,
    });
    await audit({
      action: 'staff.create',
      entityType: 'staff',
      entityId: row.id,
      regionCode: institution.regionCode,
      institutionId: institution.id,
      after: staffSnapshot(row),
    });
    return row;
  });
  const [view] = await staffViews(db, cipher, ctx.lang, institution, created.id);
  return view!;
}

/** The institution of a staff member, once the caller may manage its staff (401/403/404 otherwise). */
export async function requireStaffInstitution(db: Db, ctx: RequestContext, staffId: string) {
  requireCaller(ctx, 'institutions.staffing.manage');
  const institutionId = await repo.findStaffInstitution(db, staffId);
  if (!institutionId) throw notFound(ctx.lang === 'en' ? 'staff member' : '工作人员');
  return requireInstitution(db, ctx, institutionId, 'institutions.staffing.manage');
}

/** Lock the institution and then the staff member's row, in that order, for the transaction. */
export async function lockStaff(tx: Tx, institution: InstitutionFacts, staffId: string, lang: Lang) {
  await lockInstitution(tx, institution.id);
  const row = await repo.findStaff(tx, institution.id, staffId, true);
  if (!row) throw notFound(lang === 'en' ? 'staff member' : '工作人员');
  return row;
}

/** Change a staff member: particulars, ID number, class assignment, role or status. */
export async function updateStaff(
  db: Db,
  cipher: FieldCipher,
  ctx: RequestContext,
  staffId: string,
  input: UpdateStaffInput,
): Promise<StaffView> {
  const { institution } = await requireStaffInstitution(db, ctx, staffId);
  const rules = await classRulesFor(db, institution.regionCode);
  await mutate(db, ctx, async (tx, audit) => {
    const before = await lockStaff(tx, institution, staffId, ctx.lang);
    const role = input.role ?? before.role;
    const classId = input.classId !== undefined ? input.classId : before.classId;
    const status = input.status ?? before.status;
    if (classId && (classId !== before.classId || role !== before.role)) {
      await assertAssignable(tx, institution.id, classId, role, ctx.lang);
    }
    const field =
      input.status !== undefined && status !== before.status
        ? 'status'
        : input.classId !== undefined
          ? 'classId'
          : 'role';
    await assertCarerMayLeave(tx, institution, before, { role, classId, status }, rules, ctx.lang, field);
    const sealed =
      input.idNumber !== undefined
        ? await sealIdNumber(tx, cipher, institution.id, input.idNumber, staffId)
        : {};
    const { idNumber: _ignored, ...plain } = input;
    const after = await repo.updateStaff(tx, staffId, { ...plain, ...sealed });
    await audit({
      action: 'staff.update',
      entityType: 'staff',
      entityId: staffId,
      regionCode: institution.regionCode,
      institutionId: institution.id,
      before: staffSnapshot(before),
      after: staffSnapshot(after),
    });
  });
  const [view] = await staffViews(db, cipher, ctx.lang, institution, staffId);
  return view!;
}

/** Remove a staff member, unless their class would then break the carer ratio. */
export async function deleteStaff(db: Db, ctx: RequestContext, staffId: string): Promise<void> {
  const { institution } = await requireStaffInstitution(db, ctx, staffId);
  const rules = await classRulesFor(db, institution.regionCode);
  await mutate(db, ctx, async (tx, audit) => {
    const before = await lockStaff(tx, institution, staffId, ctx.lang);
    await assertCarerMayLeave(tx, institution, before, null, rules, ctx.lang, 'id');
    await repo.deleteStaff(tx, staffId);
    await audit({
      action: 'staff.delete',
      entityType: 'staff',
      entityId: staffId,
      regionCode: institution.regionCode,
      institutionId: institution.id,
      before: staffSnapshot(before),
    });
  });
}
