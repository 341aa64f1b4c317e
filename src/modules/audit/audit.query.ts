import type { Db } from '../../db/client.js';
import type { RequestContext } from '../../server/context.js';
import { requirePermission } from '../accounts/accounts.service.js';
import { assertRegionInScope, requireActor, scopeOf } from '../accounts/scope.js';
import { listAuditEntries } from './audit.repo.js';
import type { AuditFilters } from './audit.schema.js';

/** Read the trail: officials see entries about records in their region, institution admins their institution's. */
export async function listAudit(db: Db, ctx: RequestContext, filters: AuditFilters) {
  const actor = requireActor(ctx.actor);
  requirePermission(actor, 'audit.read');
  const scope = scopeOf(actor);
  if (filters.regionCode && scope.kind === 'region') assertRegionInScope(actor, filters.regionCode);
  const { items, total } = await listAuditEntries(db, scope, filters);
  return {
    items: items.map((row) => ({
      id: row.id,
      at: row.at.toISOString(),
      actorId: row.actorId,
      actorName: row.actorName,
      actorRole: row.actorRole,
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      regionCode: row.regionCode,
      before: row.before,
      after: row.after,
      ip: row.ip,
      userAgent: row.userAgent,
    })),
    total,
    page: filters.page,
    pageSize: filters.pageSize,
  };
}
