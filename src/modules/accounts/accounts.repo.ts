import { and, count, eq, gt, ilike, like, or, type SQL, sql } from 'drizzle-orm';
import { batcher, perKey } from '../../db/batcher.js';
import type { Db, Executor } from '../../db/client.js';
import { institutions } from '../institutions/institutions.table.js';
import { regions, regionYears } from '../regions/regions.table.js';
import type { AccountListFilters } from './accounts.schema.js';
import { accounts, sessions } from './accounts.table.js';
import type { Scope } from './scope.js';

export type AccountRow = typeof accounts.$inferSelect;
export type AccountWithNames = AccountRow & {
  regionName: string | null;
  institutionName: string | null;
  lastLoginAt: Date | null;
};

/** The SQL condition that keeps a query inside the caller's scope. */
function scopeCondition(scope: Scope): SQL {
  if (scope.kind === 'region') return like(accounts.regionCode, `${scope.prefix}%`);
  if (scope.kind === 'institution') return eq(accounts.institutionId, scope.institutionId);
  return eq(accounts.id, scope.accountId);
}

const currentYear = sql`(select ${regionYears.year} from ${regionYears} where ${regionYears.isCurrent} = 1 limit 1)`;

function selectWithNames(db: Executor) {
  return db
    .select({
      account: accounts,
      regionName: regions.name,
      institutionName: institutions.name,
      lastLoginAt: sql<Date | null>`(select max(${sessions.createdAt}) from ${sessions} where ${sessions.accountId} = ${accounts.id})`,
    })
    .from(accounts)
    .leftJoin(regions, and(eq(regions.code, accounts.regionCode), eq(regions.year, currentYear)))
    .leftJoin(institutions, eq(institutions.id, accounts.institutionId));
}

function flatten(row: {
  account: AccountRow;
  regionName: string | null;
  institutionName: string | null;
  lastLoginAt: Date | string | null;
}): AccountWithNames {
  return {
    ...row.account,
    regionName: row.regionName,
    institutionName: row.institutionName,
    lastLoginAt: row.lastLoginAt ? new Date(row.lastLoginAt) : null,
  };
}

/** Authentication only: the one lookup that cannot be scoped, since nobody is signed in yet. */
export async function findAccountForLogin(db: Executor, username: string): Promise<AccountRow | undefined> {
  const [row] = await db.select().from(accounts).where(eq(accounts.username, username)).limit(1);
  return row;
}

export async function findAccountInScope(
  db: Executor,
  scope: Scope,
  id: string,
): Promise<AccountWithNames | undefined> {
  const [row] = await selectWithNames(db)
    .where(and(eq(accounts.id, id), scopeCondition(scope)))
    .limit(1);
  return row ? flatten(row) : undefined;
}

/** Whether an account with this id exists at all (to tell 404 from 403). */
export async function accountExists(db: Executor, id: string): Promise<boolean> {
  const [row] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, id)).limit(1);
  return Boolean(row);
}

export async function listAccounts(
  db: Executor,
  scope: Scope,
  filters: AccountListFilters,
): Promise<{ items: AccountWithNames[]; total: number }> {
  const conditions: SQL[] = [scopeCondition(scope)];
  if (filters.q) {
    const pattern = `%${filters.q.replace(/[%_\\]/g, '\\$&')}%`;
    conditions.push(or(ilike(accounts.username, pattern), ilike(accounts.displayName, pattern))!);
  }
  if (filters.role) conditions.push(eq(accounts.role, filters.role));
  if (filters.regionCode) conditions.push(like(accounts.regionCode, `${filters.regionCode}%`));
  if (filters.status === 'locked') conditions.push(gt(accounts.lockedUntil, sql`now()`));
  else if (filters.status) conditions.push(eq(accounts.status, filters.status));
  const where = and(...conditions);
  const [rows, [totalRow]] = await Promise.all([
    selectWithNames(db)
      .where(where)
      .orderBy(accounts.regionCode, accounts.username)
      .limit(filters.pageSize)
      .offset((filters.page - 1) * filters.pageSize),
    db.select({ total: count() }).from(accounts).where(where),
  ]);
  return { items: rows.map(flatten), total: Number(totalRow?.total ?? 0) };
}

export async function usernameTaken(db: Executor, username: string): Promise<boolean> {
  const [row] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(sql`lower(${accounts.username}) = lower(${username})`)
    .limit(1);
  return Boolean(row);
}

export async function insertAccount(db: Executor, values: typeof accounts.$inferInsert): Promise<AccountRow> {
  const [row] = await db.insert(accounts).values(values).returning();
  return row!;
}

export async function updateAccount(
  db: Executor,
  id: string,
  values: Partial<typeof accounts.$inferInsert>,
): Promise<AccountRow> {
  const [row] = await db
    .update(accounts)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(accounts.id, id))
    .returning();
  return row!;
}

/** Count a failed sign-in atomically; lock the account once the threshold is reached. */
export async function recordFailedLogin(
  db: Executor,
  id: string,
  threshold: number,
  lockMinutes: number,
): Promise<AccountRow> {
  const [row] = await db
    .update(accounts)
    .set({
      failedLogins: sql`${accounts.failedLogins} + 1`,
      lockedUntil: sql`case when ${accounts.failedLogins} + 1 >= ${threshold}
        then now() + make_interval(mins => ${lockMinutes}) else ${accounts.lockedUntil} end`,
    })
    .where(eq(accounts.id, id))
    .returning();
  return row!;
}

export async function regionExists(db: Executor, code: string): Promise<boolean> {
  const [row] = await db
    .select({ code: regions.code })
    .from(regions)
    .where(and(eq(regions.code, code), eq(regions.year, currentYear)))
    .limit(1);
  return Boolean(row);
}

export async function findInstitutionRegion(db: Executor, id: string): Promise<string | undefined> {
  const [row] = await db
    .select({ regionCode: institutions.regionCode })
    .from(institutions)
    .where(eq(institutions.id, id))
    .limit(1);
  return row?.regionCode;
}

// ---- sessions ----

export type SessionRow = typeof sessions.$inferSelect;

export async function insertSession(db: Executor, values: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(values);
}

const findSessionsStatement = (db: Db) =>
  db
    .select({ session: sessions, account: accounts })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .where(sql`${sessions.tokenHash} = ANY (${sql.placeholder('tokenHashes')}::text[])`)
    .prepare('find_sessions');

type FoundSession = { session: SessionRow; account: AccountRow };

/**
 * The session lookup runs on every request: prepared on the server once per connection, and the
 * lookups of requests arriving together are sent as one statement (src/db/batcher.ts).
 */
const sessionLookups = perKey((db: Db) => {
  const statement = findSessionsStatement(db);
  return batcher(
    async (tokenHashes: string[]) => {
      const rows = await statement.execute({ tokenHashes });
      const byHash = new Map(rows.map((r) => [r.session.tokenHash, r]));
      return tokenHashes.map((h) => byHash.get(h));
    },
    { maxBatch: 256, maxInFlight: 4 },
  );
});

export async function findSession(db: Db, tokenHash: string): Promise<FoundSession | undefined> {
  return sessionLookups(db)(tokenHash);
}

export async function touchSession(db: Executor, tokenHash: string): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSession(db: Executor, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** End every session of an account except, optionally, the one in use. */
export async function deleteSessionsOfAccount(
  db: Executor,
  accountId: string,
  keepTokenHash?: string,
): Promise<void> {
  const condition = keepTokenHash
    ? and(eq(sessions.accountId, accountId), sql`${sessions.tokenHash} <> ${keepTokenHash}`)
    : eq(sessions.accountId, accountId);
  await db.delete(sessions).where(condition);
}
