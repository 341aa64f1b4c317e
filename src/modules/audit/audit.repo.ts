import { and, count, desc, eq, gte, like, lt, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Scope } from '../accounts/scope.js';
import type { AuditFilters } from './audit.schema.js';
import { auditLog } from './audit.table.js';

function scopeCondition(scope: Scope): SQL {
  if (scope.kind === 'region') return like(auditLog.regionCode, `${scope.prefix}%`);
  if (scope.kind === 'institution') return eq(auditLog.institutionId, scope.institutionId);
  return eq(auditLog.actorId, scope.accountId);
}

/** Day `YYYY-MM-DD` for `to` means up to the end of that day. */
function endOf(value: string): Date {
  return value.length === 10
    ? new Date(new Date(`${value}T00:00:00Z`).getTime() + 86_400_000)
    : new Date(value);
}

/** The trail of the caller's scope, newest first. */
export async function listAuditEntries(db: Executor, scope: Scope, filters: AuditFilters) {
  const conditions: SQL[] = [scopeCondition(scope)];
  if (filters.entityType) conditions.push(eq(auditLog.entityType, filters.entityType));
  if (filters.entityId) conditions.push(eq(auditLog.entityId, filters.entityId));
  if (filters.actorId) conditions.push(eq(auditLog.actorId, filters.actorId));
  if (filters.action) conditions.push(like(auditLog.action, `${filters.action.replace(/[%_\\]/g, '\\$&')}%`));
  if (filters.regionCode) conditions.push(like(auditLog.regionCode, `${filters.regionCode}%`));
  if (filters.from) conditions.push(gte(auditLog.at, new Date(filters.from)));
  if (filters.to) conditions.push(lt(auditLog.at, endOf(filters.to)));
  const where = and(...conditions);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(filters.pageSize)
      .offset((filters.page - 1) * filters.pageSize),
    db.select({ total: count() }).from(auditLog).where(where),
  ]);
  return { items, total: Number(total?.total ?? 0) };
}
