import type { Db } from '../../db/client.js';
import type { RequestContext } from '../../server/context.js';
import {
  type ChildcareClassRules,
  type ClassType,
  requiredCarers,
} from '../../standards/childcare-classes.js';
import { chinaToday } from '../../standards/working-days.js';
import { mutate } from '../audit/audit.service.js';
import type { InstitutionFacts } from '../institutions/classes.repo.js';
import { classRulesFor, requireInstitution } from '../institutions/staffing.access.js';
import * as attendance from './attendance.repo.js';
import type { RoomView } from './attendance.schema.js';
import * as presence from './presence.repo.js';
import { activeClasses, type ClassRow } from './rosters.repo.js';

type Child = Awaited<ReturnType<typeof attendance.childrenPresent>>[number];
type Carer = Awaited<ReturnType<typeof presence.carersPresent>>[number];

/**
 * One room now: children checked in and not out, carers signed in and not out, the carers the
 * region's ratio requires for those children, and the rules broken (STANDARDS §1: at any moment
 * the carers present meet the ratio for the children present; never more children than places).
 */
export function presentRoom(
  cls: ClassRow,
  children: Child[],
  carers: Carer[],
  expected: number,
  rules: ChildcareClassRules,
): RoomView {
  const type = cls.type as ClassType;
  const required = requiredCarers(children.length, type, rules);
  const problems: RoomView['problems'] = [];
  if (carers.length < required) problems.push('class.ratio');
  if (children.length > cls.capacity) problems.push('class.max_size');
  return {
    classId: cls.id,
    name: cls.name,
    type,
    room: cls.room,
    childrenPresent: children.length,
    carersPresent: carers.length,
    requiredCarers: required,
    sizeLimit: cls.capacity,
    childrenPerCarer: rules[type].childrenPerCarer,
    ok: problems.length === 0,
    problems,
    expected,
    children: children.map((c) => ({
      memberId: c.memberId,
      name: c.name,
      checkedInAt: c.checkedInAt?.toISOString() ?? '',
    })),
    carers: carers.map((c) => ({ staffId: c.staffId, name: c.name, inAt: c.inAt.toISOString() })),
  };
}

/** Every active room of the institution as it stands, on `day`. */
export async function roomsNow(db: Db, institution: InstitutionFacts, day: string, classId?: string) {
  const [rules, classRows, children, carers, expected] = await Promise.all([
    classRulesFor(db, institution.regionCode),
    activeClasses(db, institution.id, classId),
    attendance.childrenPresent(db, institution.id, day),
    presence.carersPresent(db, institution.id, day),
    attendance.expectedCounts(db, institution.id, day),
  ]);
  return classRows.map((cls) =>
    presentRoom(
      cls,
      children.filter((c) => c.classId === cls.id),
      carers.filter((c) => c.classId === cls.id),
      expected.get(cls.id) ?? 0,
      rules,
    ),
  );
}

/** The live room board (polled by the web app). Listing the children present is an audited read. */
export async function roomBoard(db: Db, ctx: RequestContext, institutionId: string, now = new Date()) {
  const { institution } = await requireInstitution(db, ctx, institutionId, 'attendance.manage');
  const day = chinaToday(now);
  const rooms = await roomsNow(db, institution, day);
  await mutate(db, ctx, (_tx, audit) =>
    audit({
      action: 'room_board.read',
      entityType: 'institution',
      entityId: institution.id,
      regionCode: institution.regionCode,
      institutionId: institution.id,
      after: { day, children: rooms.reduce((n, r) => n + r.childrenPresent, 0) },
    }),
  );
  return { at: now.toISOString(), day, rooms };
}
