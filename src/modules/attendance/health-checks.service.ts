import type { Db } from '../../db/client.js';
import type { RequestContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { chinaToday } from '../../standards/working-days.js';
import { mutate } from '../audit/audit.service.js';
import { requireCaller } from '../institutions/staffing.access.js';
import { notify } from '../notifications/notifications.service.js';
import { AM, CHECK_NAMES } from './attendance.messages.js';
import { presentRecord, type StoredCheck } from './attendance.presenter.js';
import * as repo from './attendance.repo.js';
import type { HealthCheckInput } from './attendance.schema.js';
import { checkedInRecord } from './attendance.service.js';

/**
 * Record the morning or midday check (晨午检) of a child checked in that day. Recording a check
 * again replaces it (a re-measurement), with the earlier one kept in the audit trail. Abnormal
 * findings are required and are told to the family at once (STANDARDS §1).
 */
export async function recordHealthCheck(
  db: Db,
  ctx: RequestContext,
  input: HealthCheckInput,
  now = new Date(),
) {
  const actor = requireCaller(ctx, 'attendance.manage');
  const findings = input.findings?.trim() || null;
  if (input.result === 'abnormal' && !findings) {
    throw new AppError(400, AM['attendance.findings_required'], {}, 'findings');
  }
  const day = input.day ?? chinaToday(now);
  const { record, institution, member } = await checkedInRecord(db, ctx, input.memberId, day);
  const check: StoredCheck = {
    temperature: Math.round(input.temperature * 10) / 10,
    result: input.result,
    findings,
    checkedBy: actor.displayName,
    checkedById: actor.id,
    at: now.toISOString(),
  };
  const column = input.check === 'morning' ? 'morningCheck' : 'middayCheck';
  const account = input.result === 'abnormal' ? await repo.householdOwner(db, member.householdId) : undefined;
  const updated = await mutate(db, ctx, async (tx, audit) => {
    const locked = await repo.findRecord(tx, member.id, day, true);
    const row = await repo.updateRecord(tx, record.id, { [column]: check });
    await audit({
      action: 'attendance.health_check',
      entityType: 'attendance_record',
      entityId: row.id,
      regionCode: institution.regionCode,
      institutionId: institution.id,
      before: { check: input.check, value: locked?.[column] ?? null },
      after: { check: input.check, value: check },
    });
    if (account) {
      await notify(tx, {
        accountId: account,
        kind: 'notify.health_check_abnormal',
        params: {
          member: member.name,
          check: CHECK_NAMES[input.check][ctx.lang],
          findings: `${findings}（${check.temperature.toFixed(1)}℃）`,
          temperature: check.temperature,
          institution: institution.name,
        },
        entityType: 'attendance_record',
        entityId: row.id,
      });
    }
    return row;
  });
  const names = await repo.memberNames(db, [updated.droppedOffBy, updated.pickedUpBy]);
  return presentRecord(updated, names);
}
