import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.js';
import { maskPhone } from '../../lib/mask.js';
import { hashPassword } from '../../lib/passwords.js';
import type { FieldCipher } from '../../lib/secrets.js';
import type { Config } from '../../server/config.js';
import type { Actor, RequestContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { chinaToday } from '../../standards/working-days.js';
import { insertAccount, usernameTaken } from '../accounts/accounts.repo.js';
import { type LoginResult, login } from '../accounts/auth.service.js';
import { mutate } from '../audit/audit.service.js';
import { HM } from './households.messages.js';
import { memberSnapshot, sealIdNumber } from './households.presenter.js';
import * as repo from './households.repo.js';
import { assertMemberDates, memberKind, resolveIdentity } from './households.rules.js';
import type { SignupInput } from './households.schema.js';
import { assertCommunity } from './households.service.js';

const phoneTaken = (phone: string) =>
  new AppError(409, HM['residents.phone_taken'], { phone: maskPhone(phone) }, 'phone');

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}

/**
 * Resident self sign-up (no sign-in needed): the mobile number becomes the username. Creates the
 * account (role `resident`), its household and the resident's own member row (`relation: self`,
 * on the pick-up list) in one transaction, audited with the new resident as the actor, then signs
 * in exactly as `POST /api/auth/login` does. A number already registered creates nothing (409).
 */
export async function signup(
  db: Db,
  config: Config,
  cipher: FieldCipher,
  ctx: RequestContext,
  input: SignupInput,
): Promise<LoginResult> {
  const today = chinaToday();
  const identity = resolveIdentity(input, ctx.lang);
  assertMemberDates({ birthDate: identity.birthDate }, today);
  await assertCommunity(db, input.regionCode);
  if (await usernameTaken(db, input.phone)) throw phoneTaken(input.phone);
  const passwordHash = await hashPassword(input.password);
  const regionCode = input.regionCode ?? '';
  const actor: Actor = {
    id: randomUUID(),
    username: input.phone,
    displayName: input.name,
    role: 'resident',
    regionCode,
    institutionId: null,
    mustChangePassword: false,
  };
  await mutate(db, { ...ctx, actor }, async (tx, audit) => {
    const account = await insertAccount(tx, {
      id: actor.id,
      username: input.phone,
      displayName: input.name,
      role: 'resident',
      regionCode,
      phone: input.phone,
      passwordHash,
    });
    const household = await repo.insertHousehold(tx, {
      ownerAccountId: account.id,
      regionCode: input.regionCode ?? null,
      address: input.address ?? null,
    });
    const self = await repo.insertMember(tx, {
      householdId: household.id,
      relation: 'self',
      kind: memberKind(identity.birthDate, today),
      name: input.name,
      sex: identity.sex,
      birthDate: identity.birthDate,
      ...sealIdNumber(cipher, identity.idNumber),
      phone: input.phone,
      canPickUp: true,
    });
    await audit({
      action: 'resident.signup',
      entityType: 'account',
      entityId: account.id,
      regionCode,
      after: { username: maskPhone(account.username), role: account.role, regionCode, source: 'signup' },
    });
    await audit({
      action: 'household.create',
      entityType: 'household',
      entityId: household.id,
      regionCode,
      after: { regionCode: household.regionCode, address: household.address, self: memberSnapshot(self) },
    });
  }).catch((err: unknown) => {
    if (isUniqueViolation(err)) throw phoneTaken(input.phone);
    throw err;
  });
  return login(db, config, ctx, input.phone, input.password);
}
