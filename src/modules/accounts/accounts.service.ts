import type { Db, Executor, Tx } from '../../db/client.js';
import { maskPhone } from '../../lib/mask.js';
import { hashPassword } from '../../lib/passwords.js';
import type { Actor, RequestContext } from '../../server/context.js';
import { AppError, forbidden, M, notFound } from '../../server/errors.js';
import { mutate, recordAudit } from '../audit/audit.service.js';
import { AM } from './accounts.messages.js';
import { assertRegionFitsRole, canCreateRole, canManageAccount } from './accounts.policy.js';
import * as repo from './accounts.repo.js';
import type {
  AccountListFilters,
  AccountView,
  CreateAccountInput,
  UpdateAccountInput,
} from './accounts.schema.js';
import { hasPermission, PERMISSIONS, type Permission, ROLE_KEYS, ROLES, type Role } from './roles.js';
import { assertRegionInScope, requireActor, scopeOf } from './scope.js';

/** The fields of an account that leave the server; the phone number is masked. */
export function presentAccount(row: repo.AccountWithNames): AccountView {
  const locked = Boolean(row.lockedUntil && row.lockedUntil.getTime() > Date.now());
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    regionCode: row.regionCode,
    regionName: row.regionName,
    institutionId: row.institutionId,
    institutionName: row.institutionName,
    phone: maskPhone(row.phone),
    status: row.status,
    locked,
    lockedUntil: locked ? row.lockedUntil!.toISOString() : null,
    lastLoginAt: row.lastLoginAt ? row.lastLoginAt.toISOString() : null,
    mustChangePassword: row.mustChangePassword === 1,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Snapshot for the audit trail (no hash, no token). */
function snapshot(row: repo.AccountRow) {
  return {
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    regionCode: row.regionCode,
    institutionId: row.institutionId,
    phone: maskPhone(row.phone),
    status: row.status,
    lockedUntil: row.lockedUntil,
  };
}

export function requirePermission(actor: Actor, permission: Permission): void {
  if (!hasPermission(actor.role, permission)) throw forbidden();
}

/** Every permission the role holds, for the web app's menus. */
export function permissionsOf(role: Role): string[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((permission) => hasPermission(role, permission));
}

/** Fetch an account the caller may see: 404 when none exists, 403 when it lies outside the scope. */
export async function getAccount(db: Db, ctx: RequestContext, id: string): Promise<AccountView> {
  const actor = requireActor(ctx.actor);
  const row = await repo.findAccountInScope(db, scopeOf(actor), id);
  if (row) return presentAccount(row);
  if (actor.id !== id) requirePermission(actor, 'accounts.read');
  if (await repo.accountExists(db, id))
    throw forbidden(M['error.out_of_scope'], { scope: actor.regionCode || '*' });
  throw notFound(ctx.lang === 'en' ? 'account' : '账号');
}

export async function listAccounts(db: Db, ctx: RequestContext, filters: AccountListFilters) {
  const actor = requireActor(ctx.actor);
  requirePermission(actor, 'accounts.read');
  const scope = scopeOf(actor);
  if (filters.regionCode && scope.kind === 'region') assertRegionInScope(actor, filters.regionCode);
  const { items, total } = await repo.listAccounts(db, scope, filters);
  return { items: items.map(presentAccount), total, page: filters.page, pageSize: filters.pageSize };
}

/** Roles with whether the caller may create each: the account form offers only those. */
export function listRoles(ctx: RequestContext) {
  const actor = requireActor(ctx.actor);
  return {
    items: ROLE_KEYS.map((role) => {
      const spec = ROLES[role] as { kind: string; rank: number; level?: string; department?: string };
      return {
        role,
        kind: spec.kind,
        level: spec.level ?? null,
        department: spec.department ?? null,
        rank: spec.rank,
        creatable: hasPermission(actor.role, 'accounts.manage') && canCreateRole(actor, role),
      };
    }),
  };
}

/** Create an account inside the caller's scope, of a role below the caller's. */
export async function createAccount(
  db: Db,
  ctx: RequestContext,
  input: CreateAccountInput,
): Promise<AccountView> {
  const actor = requireActor(ctx.actor);
  requirePermission(actor, 'accounts.manage');
  const role = input.role as Role;
  if (!canCreateRole(actor, role))
    throw new AppError(403, AM['accounts.role_not_creatable'], { role }, 'role');
  let regionCode = input.regionCode ?? '';
  let institutionId: string | null = null;
  if (ROLES[role].kind === 'institution') {
    institutionId = input.institutionId ?? (actor.role === 'institution_admin' ? actor.institutionId : null);
    if (!institutionId) throw new AppError(400, AM['accounts.institution_required'], {}, 'institutionId');
    if (actor.role === 'institution_admin' && institutionId !== actor.institutionId) {
      throw new AppError(403, AM['accounts.role_not_creatable'], { role }, 'institutionId');
    }
    const institutionRegion = await repo.findInstitutionRegion(db, institutionId);
    if (!institutionRegion) throw new AppError(400, AM['accounts.institution_unknown'], {}, 'institutionId');
    regionCode = institutionRegion;
  } else {
    assertRegionFitsRole(role, regionCode);
    if (regionCode && !(await repo.regionExists(db, regionCode))) {
      throw new AppError(400, AM['accounts.region_unknown'], { code: regionCode }, 'regionCode');
    }
  }
  if (ROLES[actor.role].kind !== 'institution') assertRegionInScope(actor, regionCode);
  if (await repo.usernameTaken(db, input.username)) {
    throw new AppError(409, AM['accounts.username_taken'], { username: input.username }, 'username');
  }
  const passwordHash = await hashPassword(input.password);
  const row = await mutate(db, ctx, async (tx, audit) => {
    const created = await repo.insertAccount(tx, {
      username: input.username,
      displayName: input.displayName,
      role,
      regionCode,
      institutionId,
      phone: input.phone ?? null,
      passwordHash,
      mustChangePassword: 1,
      createdBy: actor.id,
    });
    await audit({
      action: 'account.create',
      entityType: 'account',
      entityId: created.id,
      regionCode,
      institutionId,
      after: snapshot(created),
    });
    return created;
  });
  return getAccount(db, ctx, row.id);
}

/** Whether a username is in use (any case), for forms that create accounts elsewhere. */
export function isUsernameTaken(db: Executor, username: string): Promise<boolean> {
  return repo.usernameTaken(db, username);
}

/**
 * Create the first administrator of a newly registered institution inside the caller's
 * transaction, so the institution and its account commit together; audited as account.create.
 */
export async function createInstitutionAdminInTx(
  tx: Tx,
  ctx: RequestContext,
  values: {
    id: string;
    username: string;
    displayName: string;
    phone: string | null;
    passwordHash: string;
    regionCode: string;
    institutionId: string;
  },
): Promise<repo.AccountRow> {
  const created = await repo.insertAccount(tx, {
    ...values,
    role: 'institution_admin',
    mustChangePassword: 0,
  });
  await recordAudit(tx, ctx, {
    action: 'account.create',
    entityType: 'account',
    entityId: created.id,
    regionCode: created.regionCode,
    institutionId: created.institutionId,
    after: snapshot(created),
  });
  return created;
}

/** Load an account the caller may manage, or refuse. */
async function getManageable(db: Db, ctx: RequestContext, id: string): Promise<repo.AccountWithNames> {
  const actor = requireActor(ctx.actor);
  requirePermission(actor, 'accounts.manage');
  await getAccount(db, ctx, id);
  const row = (await repo.findAccountInScope(db, scopeOf(actor), id))!;
  if (!canManageAccount(actor, row)) {
    throw new AppError(
      403,
      id === actor.id ? AM['accounts.cannot_disable_self'] : AM['accounts.cannot_manage'],
    );
  }
  return row;
}

export async function updateAccount(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: UpdateAccountInput,
): Promise<AccountView> {
  const before = await getManageable(db, ctx, id);
  await mutate(db, ctx, async (tx, audit) => {
    const after = await repo.updateAccount(tx, id, {
      ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
      ...(input.phone !== undefined ? { phone: input.phone } : {}),
      ...(input.status !== undefined ? { status: input.status } : {}),
    });
    if (input.status === 'disabled') await repo.deleteSessionsOfAccount(tx, id);
    await audit({
      action:
        input.status && input.status !== before.status
          ? `account.${input.status === 'disabled' ? 'disable' : 'enable'}`
          : 'account.update',
      entityType: 'account',
      entityId: id,
      regionCode: after.regionCode,
      institutionId: after.institutionId,
      before: snapshot(before),
      after: snapshot(after),
    });
  });
  return getAccount(db, ctx, id);
}

/** Set a new password for someone else; they must change it at their next sign-in. */
export async function resetPassword(
  db: Db,
  ctx: RequestContext,
  id: string,
  newPassword: string,
): Promise<void> {
  const before = await getManageable(db, ctx, id);
  const passwordHash = await hashPassword(newPassword);
  await mutate(db, ctx, async (tx, audit) => {
    await repo.updateAccount(tx, id, {
      passwordHash,
      mustChangePassword: 1,
      failedLogins: 0,
      lockedUntil: null,
      passwordChangedAt: new Date(),
    });
    await repo.deleteSessionsOfAccount(tx, id);
    await audit({
      action: 'account.reset_password',
      entityType: 'account',
      entityId: id,
      regionCode: before.regionCode,
      institutionId: before.institutionId,
    });
  });
}

export async function unlockAccount(db: Db, ctx: RequestContext, id: string): Promise<AccountView> {
  const before = await getManageable(db, ctx, id);
  await mutate(db, ctx, async (tx, audit) => {
    const after = await repo.updateAccount(tx, id, { failedLogins: 0, lockedUntil: null });
    await audit({
      action: 'account.unlock',
      entityType: 'account',
      entityId: id,
      regionCode: after.regionCode,
      institutionId: after.institutionId,
      before: snapshot(before),
      after: snapshot(after),
    });
  });
  return getAccount(db, ctx, id);
}
