import type { Executor } from '../../db/client.js';
import type { Actor, RequestContext } from '../../server/context.js';
import { notFound, outOfScope } from '../../server/errors.js';
import { requirePermission } from '../accounts/accounts.service.js';
import type { Permission } from '../accounts/roles.js';
import { regionPrefixOf, requireActor } from '../accounts/scope.js';
import { PGM } from './programs.messages.js';
import * as repo from './programs.repo.js';

/** The caller, holding `permission`, and the region prefix they work in (officials, sysadmin). */
export function regionCaller(ctx: RequestContext, permission: Permission): { actor: Actor; prefix: string } {
  const actor = requireActor(ctx.actor);
  requirePermission(actor, permission);
  const prefix = regionPrefixOf(actor);
  if (prefix === null) throw outOfScope(actor.username);
  return { actor, prefix };
}

/** True when one region contains the other (or they are the same). */
export function related(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}

/**
 * The part of a program's region a caller works on: the program's region when the caller's
 * covers it, the caller's when it lies inside the program's; 403 when the two do not meet.
 */
export function workingRegion(programPrefix: string, scopePrefix: string): string {
  if (programPrefix.startsWith(scopePrefix)) return programPrefix;
  if (scopePrefix.startsWith(programPrefix)) return scopePrefix;
  throw outOfScope(scopePrefix);
}

/** A program the caller may see (404 unknown, 403 when it does not concern the caller's region). */
export async function visibleProgram(ex: Executor, prefix: string, id: string): Promise<repo.ProgramRow> {
  const program = await repo.findProgram(ex, id);
  if (!program) throw notFound(PGM['programs.program']);
  if (!related(program.regionPrefix, prefix)) throw outOfScope(prefix);
  return program;
}

/** A program the caller may change: it lies inside the caller's region. */
export async function ownProgram(ex: Executor, prefix: string, id: string): Promise<repo.ProgramRow> {
  const program = await visibleProgram(ex, prefix, id);
  if (!program.regionPrefix.startsWith(prefix)) throw outOfScope(prefix);
  return program;
}

/** A regionCode filter must lie inside the caller's region (403 otherwise); default the region itself. */
export function regionFilter(prefix: string, regionCode: string | undefined): string {
  if (regionCode === undefined) return prefix;
  if (!regionCode.startsWith(prefix)) throw outOfScope(prefix);
  return regionCode;
}
