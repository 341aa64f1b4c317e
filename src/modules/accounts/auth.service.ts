import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/client.js';
import { DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from '../../lib/passwords.js';
import type { Config } from '../../server/config.js';
import type { Actor, RequestContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { mutate, recordAudit } from '../audit/audit.service.js';
import { AM } from './accounts.messages.js';
import * as repo from './accounts.repo.js';
import type { AccountView } from './accounts.schema.js';
import { getAccount } from './accounts.service.js';
import type { Role } from './roles.js';
import { requireActor } from './scope.js';

export const SESSION_COOKIE = 'doorstep_session';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function toActor(row: repo.AccountRow): Actor {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role as Role,
    regionCode: row.regionCode,
    institutionId: row.institutionId,
    mustChangePassword: row.mustChangePassword === 1,
  };
}

export interface LoginResult {
  token: string;
  csrfToken: string;
  account: AccountView;
  maxAgeSeconds: number;
}

/**
 * Check a username and password. Failures are counted; after `lockoutThreshold` in a row the
 * account is locked for `lockoutMinutes`. An unknown username costs the same time as a wrong password.
 */
export async function login(
  db: Db,
  config: Config,
  ctx: RequestContext,
  username: string,
  password: string,
): Promise<LoginResult> {
  const row = await repo.findAccountForLogin(db, username);
  if (!row) {
    await verifyPassword(password, await DUMMY_HASH_PROMISE);
    throw new AppError(401, AM['auth.invalid_credentials']);
  }
  const lockedUntil = () => ({
    until: `${row.lockedUntil!.toISOString().replace('T', ' ').slice(0, 16)} UTC`,
  });
  if (row.lockedUntil && row.lockedUntil.getTime() > Date.now()) {
    throw new AppError(423, AM['auth.locked'], lockedUntil(), undefined, {
      lockedUntil: row.lockedUntil.toISOString(),
    });
  }
  if (!(await verifyPassword(password, row.passwordHash))) {
    const after = await mutate(db, { ...ctx, actor: null }, async (tx, audit) => {
      const updated = await repo.recordFailedLogin(
        tx,
        row.id,
        config.lockoutThreshold,
        config.lockoutMinutes,
      );
      const nowLocked = Boolean(updated.lockedUntil && updated.lockedUntil.getTime() > Date.now());
      await audit({
        action: nowLocked ? 'session.locked' : 'session.login_failed',
        entityType: 'account',
        entityId: row.id,
        regionCode: row.regionCode,
        institutionId: row.institutionId,
        after: { failedLogins: updated.failedLogins, lockedUntil: updated.lockedUntil },
      });
      return updated;
    });
    if (after.lockedUntil && after.lockedUntil.getTime() > Date.now()) {
      row.lockedUntil = after.lockedUntil;
      throw new AppError(423, AM['auth.locked'], lockedUntil(), undefined, {
        lockedUntil: after.lockedUntil.toISOString(),
      });
    }
    throw new AppError(401, AM['auth.invalid_credentials']);
  }
  if (row.status !== 'active') throw new AppError(403, AM['auth.disabled']);
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const maxAgeSeconds = config.sessionMaxHours * 3600;
  const actor = toActor(row);
  await mutate(db, { ...ctx, actor }, async (tx, audit) => {
    await repo.insertSession(tx, {
      tokenHash: hashToken(token),
      accountId: row.id,
      csrfToken,
      expiresAt: new Date(Date.now() + maxAgeSeconds * 1000),
      ip: ctx.ip,
      userAgent: ctx.userAgent,
    });
    if (row.failedLogins > 0 || row.lockedUntil)
      await repo.updateAccount(tx, row.id, { failedLogins: 0, lockedUntil: null });
    await audit({
      action: 'session.login',
      entityType: 'account',
      entityId: row.id,
      regionCode: row.regionCode,
      institutionId: row.institutionId,
    });
  });
  const account = await getAccount(db, { ...ctx, actor }, row.id);
  return { token, csrfToken, account, maxAgeSeconds };
}

export interface ResolvedSession {
  actor: Actor;
  csrfToken: string;
  tokenHash: string;
}

/**
 * Resolve a session cookie to its account. Sessions end after `sessionIdleMinutes` without
 * activity or `sessionMaxHours` in all, and whenever the account is disabled.
 */
export async function resolveSession(db: Db, config: Config, token: string): Promise<ResolvedSession | null> {
  const tokenHash = hashToken(token);
  const found = await repo.findSession(db, tokenHash);
  if (!found) return null;
  const now = Date.now();
  const idleLimit = found.session.lastSeenAt.getTime() + config.sessionIdleMinutes * 60_000;
  if (found.session.expiresAt.getTime() <= now || idleLimit <= now || found.account.status !== 'active') {
    await repo.deleteSession(db, tokenHash);
    return null;
  }
  if (now - found.session.lastSeenAt.getTime() > 60_000) await repo.touchSession(db, tokenHash);
  return { actor: toActor(found.account), csrfToken: found.session.csrfToken, tokenHash };
}

export async function logout(db: Db, ctx: RequestContext, tokenHash: string): Promise<void> {
  const actor = requireActor(ctx.actor);
  await mutate(db, ctx, async (tx, audit) => {
    await repo.deleteSession(tx, tokenHash);
    await audit({
      action: 'session.logout',
      entityType: 'account',
      entityId: actor.id,
      regionCode: actor.regionCode,
    });
  });
}

/** Change one's own password; every other session of the account ends. */
export async function changePassword(
  db: Db,
  ctx: RequestContext,
  tokenHash: string,
  currentPassword: string,
  newPassword: string,
): Promise<void> {
  const actor = requireActor(ctx.actor);
  const row = await repo.findAccountForLogin(db, actor.username);
  if (!row || !(await verifyPassword(currentPassword, row.passwordHash))) {
    throw new AppError(400, AM['auth.wrong_current_password'], {}, 'currentPassword');
  }
  if (currentPassword === newPassword) throw new AppError(400, AM['auth.password_same'], {}, 'newPassword');
  const passwordHash = await hashPassword(newPassword);
  await mutate(db, ctx, async (tx, audit) => {
    await repo.updateAccount(tx, actor.id, {
      passwordHash,
      mustChangePassword: 0,
      passwordChangedAt: new Date(),
    });
    await repo.deleteSessionsOfAccount(tx, actor.id, tokenHash);
    await audit({
      action: 'account.change_password',
      entityType: 'account',
      entityId: actor.id,
      regionCode: actor.regionCode,
      institutionId: actor.institutionId,
    });
  });
}

export { recordAudit };
