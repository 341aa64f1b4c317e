import type { Actor } from '../../server/context.js';
import { forbidden } from '../../server/errors.js';
import { hasPermission } from '../accounts/roles.js';
import { assertRegionInScope, isRegionInScope } from '../accounts/scope.js';

/**
 * Who may read population statistics: officials and the system administrator, each only
 * inside their own region (403 naming their scope otherwise). The tree itself is public.
 */
export function assertCanReadStats(actor: Actor, code: string): void {
  if (!hasPermission(actor.role, 'regions.stats')) throw forbidden();
  assertRegionInScope(actor, code);
}

/**
 * Who may import population figures: county officials and above and the system administrator.
 * `null` is the system itself (CLI, seeding), which may import anywhere.
 */
export function assertCanImportPopulation(actor: Actor | null): void {
  if (actor && !hasPermission(actor.role, 'regions.population.import')) throw forbidden();
}

/** Whether a row's region lies inside the importer's scope (always for the system). */
export function mayImportFor(actor: Actor | null, code: string): boolean {
  return actor === null || isRegionInScope(actor, code);
}
