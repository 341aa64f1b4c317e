import type { Db } from '../../db/client.js';
import type { RequestContext } from '../../server/context.js';
import { AppError, notFound } from '../../server/errors.js';
import { chinaToday } from '../../standards/working-days.js';
import { mutate } from '../audit/audit.service.js';
import { CARER_ROLES, type InstitutionFacts } from '../institutions/classes.repo.js';
import { requireCaller, requireInstitution } from '../institutions/staffing.access.js';
import { AM } from './attendance.messages.js';
import { chinaClock } from './attendance.presenter.js';
import * as repo from './presence.repo.js';
import { roomsNow } from './room-board.service.js';
import { activeClasses } from './rosters.repo.js';

/** The staff member (404) in the caller's scope (403). */
async function requireStaff(db: Db, ctx: RequestContext, staffId: string) {
  requireCaller(ctx, 'attendance.manage');
  const member = await repo.findStaff(db, staffId);
  if (!member) throw notFound(ctx.lang === 'en' ? 'staff member' : '工作人员');
  const { institution } = await requireInstitution(db, ctx, member.institutionId, 'attendance.manage');
  return { member, institution };
}

async function present(
  db: Db,
  institution: InstitutionFacts,
  row: repo.PresenceRow,
  names: { staffName: string; className: string },
) {
  const [room] = await roomsNow(db, institution, row.day, row.classId);
  return {
    id: row.id,
    staffId: row.staffId,
    ...names,
    classId: row.classId,
    day: row.day,
    inAt: row.inAt.toISOString(),
    outAt: row.outAt?.toISOString() ?? null,
    room: {
      classId: row.classId,
      childrenPresent: room?.childrenPresent ?? 0,
      carersPresent: room?.carersPresent ?? 0,
      requiredCarers: room?.requiredCarers ?? 0,
      ok: room?.ok ?? true,
    },
  };
}

/**
 * A carer signs in to a room for today. Only active carers and teachers of the class's
 * institution; one room at a time (409 `presence.already_in` until they sign out).
 */
export async function signIn(
  db: Db,
  ctx: RequestContext,
  input: { staffId: string; classId: string },
  now = new Date(),
) {
  const { member, institution } = await requireStaff(db, ctx, input.staffId);
  const [cls] = await activeClasses(db, institution.id, input.classId);
  if (!cls) throw new AppError(400, AM['presence.class_unknown'], {}, 'classId');
  if (member.status !== 'active' || !(CARER_ROLES as readonly string[]).includes(member.role)) {
    throw new AppError(409, AM['presence.staff_not_carer'], { name: member.name }, 'staffId', {
      rule: 'presence.staff_not_carer',
    });
  }
  const day = chinaToday(now);
  const row = await mutate(db, ctx, async (tx, audit) => {
    await repo.findStaff(tx, member.id, true);
    const open = await repo.openPresence(tx, member.id, day);
    if (open) {
      const params = { name: member.name, className: open.className, at: chinaClock(open.presence.inAt) };
      throw new AppError(409, AM['presence.already_in'], params, 'staffId', {
        rule: 'presence.already_in',
        classId: open.presence.classId,
      });
    }
    const inserted = await repo.insertPresence(tx, {
      institutionId: institution.id,
      classId: cls.id,
      staffId: member.id,
      day,
      inAt: now,
    });
    await audit({
      action: 'staff_presence.in',
      entityType: 'staff',
      entityId: member.id,
      regionCode: institution.regionCode,
      institutionId: institution.id,
      after: inserted,
    });
    return inserted;
  });
  return present(db, institution, row, { staffName: member.name, className: cls.name });
}

/** A carer signs out of the room they are in; the room board shows at once what that leaves. */
export async function signOut(db: Db, ctx: RequestContext, input: { staffId: string }, now = new Date()) {
  const { member, institution } = await requireStaff(db, ctx, input.staffId);
  const day = chinaToday(now);
  const { row, className } = await mutate(db, ctx, async (tx, audit) => {
    await repo.findStaff(tx, member.id, true);
    const open = await repo.openPresence(tx, member.id, day);
    if (!open) {
      throw new AppError(409, AM['presence.not_in'], { name: member.name }, 'staffId', {
        rule: 'presence.not_in',
      });
    }
    const closed = await repo.closePresence(tx, open.presence.id, now);
    await audit({
      action: 'staff_presence.out',
      entityType: 'staff',
      entityId: member.id,
      regionCode: institution.regionCode,
      institutionId: institution.id,
      before: open.presence,
      after: closed,
    });
    return { row: closed, className: open.className };
  });
  return present(db, institution, row, { staffName: member.name, className });
}
