/**
 * Bulk factories for the engine's load tests and its benchmark: resident families (an account, a
 * household, one child checked and vaccinated) each with a signed-in session, written straight
 * into the tables. Signing in is tested on its own; hashing hundreds of passwords would dominate
 * a race. Works on PGlite and PostgreSQL.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Db } from '../../db/client.js';
import { accounts, sessions } from '../accounts/accounts.table.js';
import { hashToken, SESSION_COOKIE } from '../accounts/auth.service.js';
import { householdMembers, households } from '../households/households.table.js';

/** A signed-in session: the cookie to send and the CSRF token its writes need. */
export interface Session {
  accountId: string;
  cookie: string;
  csrfToken: string;
}

export interface LoadFamily extends Session {
  householdId: string;
  childId: string;
}

const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** Sessions for existing accounts, as signing in would store them (only the token's hash is kept). */
export async function insertSessions(db: Db, accountIds: readonly string[]): Promise<Session[]> {
  const made = accountIds.map((accountId) => ({
    accountId,
    token: randomBytes(32).toString('base64url'),
    csrfToken: randomBytes(24).toString('base64url'),
  }));
  const expiresAt = new Date(Date.now() + 12 * 3600_000);
  for (const part of chunks(made)) {
    await db.insert(sessions).values(
      part.map((s) => ({
        tokenHash: hashToken(s.token),
        accountId: s.accountId,
        csrfToken: s.csrfToken,
        expiresAt,
      })),
    );
  }
  return made.map((s) => ({
    accountId: s.accountId,
    cookie: `${SESSION_COOKIE}=${s.token}`,
    csrfToken: s.csrfToken,
  }));
}

/** An account of any role with a session (its password cannot be used to sign in). */
export async function insertAccountSession(
  db: Db,
  values: { role: string; regionCode: string; institutionId?: string | null },
): Promise<Session> {
  const [row] = await db
    .insert(accounts)
    .values({
      username: `load_${randomBytes(8).toString('hex')}`,
      displayName: '负载测试',
      role: values.role,
      regionCode: values.regionCode,
      institutionId: values.institutionId ?? null,
      passwordHash: '!',
    })
    .returning({ id: accounts.id });
  const [session] = await insertSessions(db, [row!.id]);
  return session!;
}

/**
 * `count` resident families, each with one child born on `birthDate`, health-checked on
 * `healthCheckOn` and vaccinated, and a session.
 */
export async function insertFamilies(
  db: Db,
  count: number,
  options: { birthDate: string; healthCheckOn: string; regionCode?: string },
): Promise<LoadFamily[]> {
  const tag = randomBytes(4).toString('hex');
  const families: LoadFamily[] = [];
  for (const part of chunks(Array.from({ length: count }, (_, i) => i))) {
    const accountRows = await db
      .insert(accounts)
      .values(
        part.map((i) => ({
          username: `family_${tag}_${i}`,
          displayName: `家长${i}`,
          role: 'resident',
          regionCode: '',
          passwordHash: '!',
        })),
      )
      .returning({ id: accounts.id });
    const householdRows = await db
      .insert(households)
      .values(
        accountRows.map((a) => ({
          ownerAccountId: a.id,
          regionCode: options.regionCode ?? '130102001001',
        })),
      )
      .returning({ id: households.id, owner: households.ownerAccountId });
    const childRows = await db
      .insert(householdMembers)
      .values(
        householdRows.map((h, i) => ({
          householdId: h.id,
          relation: 'child',
          kind: 'child',
          name: `宝宝${part[i]}`,
          birthDate: options.birthDate,
          vaccinationStatus: 'up_to_date',
          healthCheckOn: options.healthCheckOn,
          healthCheckResult: 'passed',
        })),
      )
      .returning({ id: householdMembers.id, householdId: householdMembers.householdId });
    const childOf = new Map(childRows.map((c) => [c.householdId, c.id]));
    const sessionRows = await insertSessions(
      db,
      householdRows.map((h) => h.owner),
    );
    householdRows.forEach((h, i) => {
      families.push({ ...sessionRows[i]!, householdId: h.id, childId: childOf.get(h.id)! });
    });
  }
  return families;
}

/** Send a request with a session's cookie and CSRF token through `app.inject`. */
export function injectAs(
  app: FastifyInstance,
  session: Session,
  method: 'GET' | 'POST' | 'DELETE',
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return app.inject({
    method,
    url,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, ...headers },
    ...(body === undefined ? {} : { payload: body as object }),
  });
}
