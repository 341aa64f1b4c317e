import type { Db, Executor, Tx } from '../../db/client.js';
import type { RequestContext } from '../../server/context.js';
import { auditLog } from './audit.table.js';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  /** The region of the record touched; decides which officials see the entry. */
  regionCode: string;
  institutionId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Fields never written to the trail, even inside before/after snapshots. */
const REDACTED = new Set(['passwordHash', 'password', 'idNumberCipher', 'csrfToken', 'tokenHash']);

function redact(value: unknown): unknown {
  if (value === null || value === undefined || typeof value !== 'object') return value ?? null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(redact);
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value))
    out[key] = REDACTED.has(key) ? '[redacted]' : redact(inner);
  return out;
}

/** The audit_log row of an entry made in this request (redacted). */
export function auditRow(ctx: RequestContext, entry: AuditEntry) {
  return {
    actorId: ctx.actor?.id ?? null,
    actorName: ctx.actor?.displayName ?? (ctx.actor ? null : 'system'),
    actorRole: ctx.actor?.role ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    regionCode: entry.regionCode,
    institutionId: entry.institutionId ?? null,
    before: redact(entry.before) as never,
    after: redact(entry.after) as never,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
  };
}

/** Write one audit entry on the given executor, which must be the mutation's own transaction. */
export async function recordAudit(tx: Executor, ctx: RequestContext, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values(auditRow(ctx, entry));
}

/**
 * Run a mutation and its audit entries in one transaction: the work and its trail commit
 * together or not at all.
 */
export async function mutate<T>(
  db: Db,
  ctx: RequestContext,
  work: (tx: Tx, audit: (entry: AuditEntry) => Promise<void>) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => work(tx, (entry) => recordAudit(tx, ctx, entry)));
}
