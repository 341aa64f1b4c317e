import type { Actor } from '../../server/context.js';
import { hasPermission } from '../accounts/roles.js';
import { ACTION_SIDE, type FilingAction, type FilingSide } from './filing.workflow.js';
import { supervisesKind } from './institutions.policy.js';

/**
 * Which side of a filing the caller can act for. The institution side is the institution's own
 * administrator; the authority side is a county-or-higher official of the supervising department
 * whose region contains the filing's county (the county itself, its city or its province), or the
 * system administrator.
 */
export function sidesOf(
  actor: Actor,
  filing: { institutionId: string; countyCode: string },
  institutionKind: string,
): Set<FilingSide> {
  const sides = new Set<FilingSide>();
  if (actor.role === 'institution_admin' && actor.institutionId === filing.institutionId)
    sides.add('institution');
  if (
    hasPermission(actor.role, 'filings.review') &&
    supervisesKind(actor, institutionKind) &&
    filing.countyCode.startsWith(actor.regionCode)
  ) {
    sides.add('authority');
  }
  return sides;
}

/** Whether the caller can take `action` given the sides they act for (the status is checked apart). */
export function mayTake(sides: ReadonlySet<FilingSide>, action: FilingAction): boolean {
  return sides.has(ACTION_SIDE[action]);
}
