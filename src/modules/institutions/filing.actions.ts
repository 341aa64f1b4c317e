import type { Tx } from '../../db/client.js';
import type { RequestContext } from '../../server/context.js';
import { AppError, conflict } from '../../server/errors.js';
import { addWorkingDays } from '../../standards/working-days.js';
import { actionName, actionNames, FM, statusName } from './filing.messages.js';
import type * as repo from './filing.repo.js';
import type { ActionInput } from './filing.schema.js';
import {
  ACKNOWLEDGE_WITHIN_WORKING_DAYS,
  ALLOWED_ACTIONS_BY_STATUS,
  type FilingAction,
  type FilingStatus,
  REVIEW_WITHIN_WORKING_DAYS,
} from './filing.workflow.js';
import * as institutionsRepo from './institutions.repo.js';
import { applyParticularChanges } from './institutions.service.js';

/**
 * What each filing action does besides moving the status: what it writes on the filing, what it
 * must carry, and what approval does to the register. The service applies these in one transaction.
 */

/** The 409 for an action the filing's status does not allow, with the status and its allowed actions. */
export const notAllowed = (status: string, action: FilingAction, lang: RequestContext['lang']) => {
  const allowed = (ALLOWED_ACTIONS_BY_STATUS as Record<string, readonly string[]>)[status] ?? [];
  return conflict(
    FM['filing.action_not_allowed'],
    {
      status: statusName(status, lang),
      action: actionName(action, lang),
      allowed: actionNames(allowed, lang),
    },
    { status, allowedActions: [...allowed] },
  );
};

/** What an action writes on the filing besides its status. */
export function changesFor(
  action: FilingAction,
  filing: repo.FilingRow,
  input: ActionInput,
  now: Date,
): Partial<repo.FilingValues> {
  switch (action) {
    case 'submit':
    case 'resubmit':
      return {
        submittedAt: now,
        acknowledgeBy: addWorkingDays(now, ACKNOWLEDGE_WITHIN_WORKING_DAYS),
        reviewBy: addWorkingDays(now, REVIEW_WITHIN_WORKING_DAYS),
        acknowledgedAt: null,
        round: action === 'resubmit' ? filing.round + 1 : filing.round,
      };
    case 'acknowledge':
      return { acknowledgedAt: now, ...(input.comment ? { comment: input.comment } : {}) };
    case 'return':
      return {
        returnedAt: now,
        missingMaterials: input.missingMaterials ?? [],
        comment: input.comment ?? null,
      };
    case 'approve':
      return { decidedAt: now, ...(input.comment ? { comment: input.comment } : {}) };
    case 'withdraw':
      return {};
  }
}

/** Check what an action must carry: a return names materials and says why. */
export function assertActionInput(action: FilingAction, input: ActionInput): void {
  if (action !== 'return') return;
  if (!input.missingMaterials?.length)
    throw new AppError(400, FM['filing.return_needs_materials'], {}, 'missingMaterials');
  if (!input.comment)
    throw new AppError(400, FM['filing.return_needs_comment'], { field: 'comment' }, 'comment');
}

/** What approving does to the register: file it, apply the changes, or deregister it. */
export async function applyToInstitution(
  tx: Tx,
  loaded: { filing: repo.FilingRow; institution: institutionsRepo.InstitutionRow },
  to: FilingStatus,
  now: Date,
) {
  const { filing, institution } = loaded;
  if (filing.kind === 'initial') {
    return institutionsRepo.updateInstitution(tx, institution.id, {
      status: to,
      ...(to === 'filed' ? { filedAt: now } : {}),
    });
  }
  if (to !== 'filed') return null;
  if (filing.kind === 'change') return applyParticularChanges(tx, institution, filing.changes ?? {});
  return institutionsRepo.updateInstitution(tx, institution.id, { status: 'deregistered' });
}
