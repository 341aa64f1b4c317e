import type { Db } from '../../db/client.js';
import type { RequestContext } from '../../server/context.js';
import { AppError, notFound } from '../../server/errors.js';
import type { Lang } from '../../server/i18n.js';
import {
  type ChildcareClassRules,
  type ClassType,
  checkClassSize,
  checkRatio,
  requiredCarers,
} from '../../standards/childcare-classes.js';
import { mutate } from '../audit/audit.service.js';
import * as repo from './classes.repo.js';
import type { ClassView, CreateClassInput, UpdateClassInput } from './classes.schema.js';
import { classRulesFor, classTypeName, requireCaller, requireInstitution } from './staffing.access.js';
import { isChildcareKind, NON_CHILDCARE_KIND_NAMES, SM } from './staffing.messages.js';

type Carer = { id: string; name: string; role: string };

/** A class as the API shows it: the listed fields, the ratio now, the limits in force. */
export function presentClass(row: repo.ClassRow, carers: Carer[], rules: ChildcareClassRules): ClassView {
  const type = row.type as ClassType;
  const rule = rules[type];
  const required = requiredCarers(row.enrolled, type, rules);
  return {
    id: row.id,
    name: row.name,
    type,
    capacity: row.capacity,
    enrolled: row.enrolled,
    room: row.room,
    carers: carers.map(({ id, name, role }) => ({ id, name, role })),
    ratio: { required, present: carers.length, ok: carers.length >= required },
    limits: {
      maxSize: rule.maxSize,
      minAgeMonths: rule.minAgeMonths,
      maxAgeMonths: rule.maxAgeMonths,
      childrenPerCarer: rule.childrenPerCarer,
    },
  };
}

/**
 * Refuse (409 `class.ratio`, with `required` and `present`) a change that would leave a class's
 * enrolled children with fewer carers than its type requires.
 */
export function assertRatio(
  type: ClassType,
  children: number,
  carers: number,
  rules: ChildcareClassRules,
  lang: Lang,
  field: string,
): void {
  const violation = checkRatio(type, children, carers, rules);
  if (!violation) return;
  const { required, present } = violation.params;
  throw new AppError(
    409,
    SM['class.ratio'],
    { ...violation.params, typeName: classTypeName(type, lang) },
    field,
    { rule: 'class.ratio', required, present },
  );
}

/** The institution's kind decides which class types it may have (STANDARDS §1). */
function assertTypeAllowed(kind: string, type: ClassType, lang: Lang): void {
  if (!isChildcareKind(kind)) {
    const kindName = NON_CHILDCARE_KIND_NAMES[kind as keyof typeof NON_CHILDCARE_KIND_NAMES][lang];
    throw new AppError(400, SM['class.not_childcare'], { kind, kindName }, 'type');
  }
  if (kind === 'home_childcare_point' && type !== 'home_point') {
    throw new AppError(400, SM['class.home_point_only'], { type }, 'type');
  }
  if (kind !== 'home_childcare_point' && type === 'home_point') {
    throw new AppError(400, SM['class.home_point_type'], { type }, 'type');
  }
}

function assertSize(type: ClassType, capacity: number, rules: ChildcareClassRules, lang: Lang): void {
  const violation = checkClassSize(type, capacity, rules);
  if (violation) {
    throw new AppError(
      400,
      SM['class.max_size'],
      { ...violation.params, typeName: classTypeName(type, lang) },
      'capacity',
    );
  }
}

/** A home-based point takes at most the home-point size in all, across its classes. */
async function assertHomePointTotal(
  tx: Parameters<typeof repo.sumHomePointCapacity>[0],
  institutionId: string,
  capacity: number,
  rules: ChildcareClassRules,
  excludeClassId?: string,
): Promise<void> {
  const total = (await repo.sumHomePointCapacity(tx, institutionId, excludeClassId)) + capacity;
  const { maxSize } = rules.home_point;
  if (total > maxSize) throw new AppError(400, SM['class.home_point_total'], { maxSize, total }, 'capacity');
}

/** The classes of an institution with carers, ratio and the limits of the region's rules. */
export async function listClasses(db: Db, ctx: RequestContext, institutionId: string) {
  const { institution } = await requireInstitution(db, ctx, institutionId, 'institutions.staffing.read');
  return { items: await classViews(db, institution.id, institution.regionCode) };
}

async function classViews(db: Db, institutionId: string, regionCode: string, only?: string) {
  const rules = await classRulesFor(db, regionCode);
  const rows = (await repo.listClasses(db, institutionId)).filter((r) => !only || r.id === only);
  const carers = await repo.listAssignedCarers(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) =>
    presentClass(
      row,
      carers.filter((c) => c.classId === row.id),
      rules,
    ),
  );
}

/** Set up a class within the type's size and the institution's kind. */
export async function createClass(
  db: Db,
  ctx: RequestContext,
  institutionId: string,
  input: CreateClassInput,
): Promise<ClassView> {
  const { institution } = await requireInstitution(db, ctx, institutionId, 'institutions.staffing.manage');
  const rules = await classRulesFor(db, institution.regionCode);
  assertTypeAllowed(institution.kind, input.type, ctx.lang);
  assertSize(input.type, input.capacity, rules, ctx.lang);
  const created = await mutate(db, ctx, async (tx, audit) => {
    await repo.lockInstitution(tx, institution.id);
    if (input.type === 'home_point') await assertHomePointTotal(tx, institution.id, input.capacity, rules);
    const row = await repo.insertClass(tx, {
      institutionId: institution.id,
      name: input.name,
      type: input.type,
      capacity: input.capacity,
      room: input.room ?? null,
    });
    await audit({
      action: 'class.create',
      entityType: 'class',
      entityId: row.id,
      regionCode: institution.regionCode,
      institutionId: institution.id,
      after: row,
    });
    return row;
  });
  return presentClass(created, [], rules);
}

async function requireClass(db: Db, ctx: RequestContext, classId: string) {
  requireCaller(ctx, 'institutions.staffing.manage');
  const institutionId = await repo.findClassInstitution(db, classId);
  if (!institutionId) throw notFound(ctx.lang === 'en' ? 'class' : '班级');
  return requireInstitution(db, ctx, institutionId, 'institutions.staffing.manage');
}

/**
 * Rename, retype or resize a class. The new size must fit the type and cover the children
 * enrolled; a new type must still be met by the carers assigned.
 */
export async function updateClass(
  db: Db,
  ctx: RequestContext,
  classId: string,
  input: UpdateClassInput,
): Promise<ClassView> {
  const { institution } = await requireClass(db, ctx, classId);
  const rules = await classRulesFor(db, institution.regionCode);
  await mutate(db, ctx, async (tx, audit) => {
    await repo.lockInstitution(tx, institution.id);
    const before = await repo.findClass(tx, institution.id, classId, true);
    if (!before) throw notFound(ctx.lang === 'en' ? 'class' : '班级');
    const type = input.type ?? (before.type as ClassType);
    const capacity = input.capacity ?? before.capacity;
    if (input.type !== undefined) assertTypeAllowed(institution.kind, type, ctx.lang);
    if (input.type !== undefined || input.capacity !== undefined) assertSize(type, capacity, rules, ctx.lang);
    if (capacity < before.enrolled) {
      throw new AppError(
        400,
        SM['class.capacity_below_enrolled'],
        { capacity, enrolled: before.enrolled },
        'capacity',
      );
    }
    if (type === 'home_point') await assertHomePointTotal(tx, institution.id, capacity, rules, classId);
    if (type !== before.type) {
      assertRatio(type, before.enrolled, await repo.countCarers(tx, classId), rules, ctx.lang, 'type');
    }
    const after = await repo.updateClass(tx, classId, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.type !== undefined ? { type: input.type } : {}),
      ...(input.capacity !== undefined ? { capacity: input.capacity } : {}),
      ...(input.room !== undefined ? { room: input.room } : {}),
    });
    if (!after) {
      throw new AppError(
        400,
        SM['class.capacity_below_enrolled'],
        { capacity, enrolled: before.enrolled },
        'capacity',
      );
    }
    await audit({
      action: 'class.update',
      entityType: 'class',
      entityId: classId,
      regionCode: institution.regionCode,
      institutionId: institution.id,
      before,
      after,
    });
  });
  const [view] = await classViews(db, institution.id, institution.regionCode, classId);
  return view!;
}

/** Delete a class that has no children enrolled (409 otherwise); its carers become unassigned. */
export async function deleteClass(db: Db, ctx: RequestContext, classId: string): Promise<void> {
  const { institution } = await requireClass(db, ctx, classId);
  await mutate(db, ctx, async (tx, audit) => {
    await repo.lockInstitution(tx, institution.id);
    const before = await repo.findClass(tx, institution.id, classId, true);
    if (!before) throw notFound(ctx.lang === 'en' ? 'class' : '班级');
    if (before.enrolled > 0 || !(await repo.deleteEmptyClass(tx, classId))) {
      throw new AppError(409, SM['class.has_children'], { enrolled: before.enrolled }, undefined, {
        enrolled: before.enrolled,
      });
    }
    await audit({
      action: 'class.delete',
      entityType: 'class',
      entityId: classId,
      regionCode: institution.regionCode,
      institutionId: institution.id,
      before,
    });
  });
}
