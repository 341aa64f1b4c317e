import type { Db } from '../../db/client.js';
import type { RequestContext } from '../../server/context.js';
import { addWorkingDays, chinaToday, workingDaysBetween } from '../../standards/working-days.js';
import { requirePermission } from '../accounts/accounts.service.js';
import { type Department, ROLES } from '../accounts/roles.js';
import { requireActor } from '../accounts/scope.js';
import { presentQueueItem } from './filing.presenter.js';
import * as repo from './filing.repo.js';
import type { QueueFilters } from './filing.schema.js';
import { filingClock } from './filing.service.js';
import { nextDeadlineOf, UNDER_REVIEW_STATUSES } from './filing.workflow.js';
import { kindsSupervisedBy } from './institutions.kinds.js';

const QUEUE_LIMIT = 500;

/**
 * The authority's work queue: filings in the caller's region, of kinds their department
 * supervises, waiting for acknowledgement or review, with the next deadline, the working days
 * left on China's calendar (negative when overdue) — soonest deadline first. `dueWithinDays`
 * keeps those due within that many working days (overdue ones included).
 */
export async function filingQueue(db: Db, ctx: RequestContext, filters: QueueFilters) {
  const actor = requireActor(ctx.actor);
  requirePermission(actor, 'filings.review');
  const today = chinaToday(filingClock.now());
  const department = (ROLES[actor.role] as { department?: Department }).department;
  const rows = await repo.listQueue(db, {
    prefix: actor.regionCode,
    kinds: department ? kindsSupervisedBy(department) : null,
    statuses: filters.status ? [filters.status] : UNDER_REVIEW_STATUSES,
    // Deadlines are working days, so "within n working days" is "before the (n+1)-th working day".
    before: filters.dueWithinDays === undefined ? null : addWorkingDays(today, filters.dueWithinDays + 1),
    limit: QUEUE_LIMIT,
  });
  const items = rows.map((row) => {
    const nextDeadline = nextDeadlineOf(row);
    return presentQueueItem(row, {
      nextDeadline,
      workingDaysLeft: nextDeadline ? workingDaysBetween(today, nextDeadline) : null,
      overdue: nextDeadline !== null && nextDeadline < today,
    });
  });
  return { items, total: items.length, today };
}
