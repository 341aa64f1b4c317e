import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.js';
import { hashPassword } from '../../lib/passwords.js';
import type { RequestContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { AM } from '../accounts/accounts.messages.js';
import { createInstitutionAdminInTx, isUsernameTaken, presentAccount } from '../accounts/accounts.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { regionNames } from '../regions/regions.service.js';
import { institutionSnapshot } from './institutions.presenter.js';
import type { RegisterInput } from './institutions.schema.js';
import { insertNewInstitution, prepareNewInstitution, viewInstitution } from './institutions.service.js';

const taken = (username: string) =>
  new AppError(409, AM['accounts.username_taken'], { username }, 'admin.username');

/** Name fields as the request body does (`institution.regionCode`), since the institution is nested. */
function underInstitution(err: unknown): unknown {
  if (!(err instanceof AppError) || !err.field) return err;
  const field = `institution.${err.field}`;
  return new AppError(err.status, err.code, { ...err.params, field }, field, err.details);
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}

/**
 * Public self-registration: an operator registers a draft institution and its administrator
 * account in one transaction (both audited, the new administrator as the actor), then signs in
 * to upload materials and submit the initial filing. A taken username creates nothing.
 */
export async function registerInstitution(db: Db, ctx: RequestContext, input: RegisterInput) {
  const prepared = await prepareNewInstitution(db, input.institution).catch((err: unknown) => {
    throw underInstitution(err);
  });
  if (await isUsernameTaken(db, input.admin.username)) throw taken(input.admin.username);
  const passwordHash = await hashPassword(input.admin.password);
  const { institution, account } = await db
    .transaction(async (tx) => {
      const institution = await insertNewInstitution(tx, prepared);
      const asAdmin = (account: { id: string; username: string; displayName: string }): RequestContext => ({
        ...ctx,
        actor: {
          id: account.id,
          username: account.username,
          displayName: account.displayName,
          role: 'institution_admin',
          regionCode: institution.regionCode,
          institutionId: institution.id,
          mustChangePassword: false,
        },
      });
      const accountId = randomUUID();
      const account = await createInstitutionAdminInTx(
        tx,
        asAdmin({ id: accountId, username: input.admin.username, displayName: input.admin.displayName }),
        {
          id: accountId,
          username: input.admin.username,
          displayName: input.admin.displayName,
          phone: input.admin.phone ?? null,
          passwordHash,
          regionCode: institution.regionCode,
          institutionId: institution.id,
        },
      );
      await recordAudit(tx, asAdmin(account), {
        action: 'institution.register',
        entityType: 'institution',
        entityId: institution.id,
        regionCode: institution.regionCode,
        institutionId: institution.id,
        after: institutionSnapshot(institution, prepared.functions),
      });
      return { institution, account };
    })
    .catch((err: unknown) => {
      if (isUniqueViolation(err)) throw taken(input.admin.username);
      throw err;
    });
  const names = await regionNames(db, [institution.regionCode]);
  return {
    institution: await viewInstitution(db, institution),
    account: presentAccount({
      ...account,
      regionName: names.get(account.regionCode) ?? null,
      institutionName: institution.name,
      lastLoginAt: null,
    }),
  };
}
