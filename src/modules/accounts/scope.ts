import type { Actor } from '../../server/context.js';
import { outOfScope, unauthenticated } from '../../server/errors.js';
import { ROLES } from './roles.js';

/**
 * What part of the data a caller may see. Officials and the system administrator see a
 * region-code prefix; institution users see their institution; residents see themselves.
 */
export type Scope =
  | { kind: 'region'; prefix: string }
  | { kind: 'institution'; institutionId: string; regionCode: string }
  | { kind: 'self'; accountId: string };

export function scopeOf(actor: Actor): Scope {
  const kind = ROLES[actor.role].kind;
  if (kind === 'official' || kind === 'admin') return { kind: 'region', prefix: actor.regionCode };
  if (kind === 'institution' && actor.institutionId) {
    return { kind: 'institution', institutionId: actor.institutionId, regionCode: actor.regionCode };
  }
  return { kind: 'self', accountId: actor.id };
}

/** The region prefix an official works in; null for callers without a region scope. */
export function regionPrefixOf(actor: Actor): string | null {
  const scope = scopeOf(actor);
  return scope.kind === 'region' ? scope.prefix : null;
}

/** True when `code` lies inside the caller's region (the region itself or below it). */
export function isRegionInScope(actor: Actor, code: string): boolean {
  const prefix = regionPrefixOf(actor);
  return prefix !== null && code.startsWith(prefix);
}

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw unauthenticated();
  return actor;
}

/** Throw 403 naming the caller's scope unless `code` lies inside it. */
export function assertRegionInScope(actor: Actor, code: string): void {
  if (!isRegionInScope(actor, code))
    throw outOfScope(regionPrefixOf(actor) ?? actor.institutionId ?? actor.username);
}
