/**
 * The demo resident's family: the demo account `resident` (张丽) in 棉一东社区, Jianbei street,
 * Chang'an district, Shijiazhuang, with two toddlers (20 and 30 months old on the day the demo is
 * loaded, vaccinations up to date, admission health check passed a month ago), their grandmother
 * (72, on the pick-up list) and the resident herself. Birth dates follow the day of seeding, so the
 * children always fit the toddler and older-toddler classes. Idempotent: nothing happens when the
 * account is missing or already has a household.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import type { FieldCipher } from '../../lib/secrets.js';
import { systemContext } from '../../server/context.js';
import { buildIdNumber } from '../../standards/id-number.js';
import { chinaToday } from '../../standards/working-days.js';
import { accounts } from '../accounts/accounts.table.js';
import { mutate } from '../audit/audit.service.js';
import { addMonths } from '../bookings/days.js';
import { memberSnapshot, sealIdNumber } from './households.presenter.js';
import * as repo from './households.repo.js';
import { memberKind } from './households.rules.js';

export const DEMO_RESIDENT = 'resident';
export const DEMO_HOUSEHOLD_REGION = '130102001001';

interface DemoMember {
  relation: string;
  name: string;
  ageMonths: number;
  /** Sequence part of the (made-up, valid) ID number: odd = male, even = female. */
  sequence: number;
  canPickUp: boolean;
  child?: boolean;
}

const FAMILY: readonly DemoMember[] = [
  { relation: 'self', name: '张丽', ageMonths: 33 * 12 + 4, sequence: 226, canPickUp: true },
  { relation: 'child', name: '刘一诺', ageMonths: 30, sequence: 18, canPickUp: false, child: true },
  { relation: 'child', name: '刘一航', ageMonths: 20, sequence: 21, canPickUp: false, child: true },
  { relation: 'grandparent', name: '王秀兰', ageMonths: 72 * 12 + 5, sequence: 64, canPickUp: true },
];

/** Give the demo resident a household and family; returns the number of members created. */
export async function seedDemoHouseholds(database: Database, cipher: FieldCipher): Promise<number> {
  const db = database.db;
  const [owner] = await db.select().from(accounts).where(eq(accounts.username, DEMO_RESIDENT));
  if (owner?.role !== 'resident') return 0;
  if (await repo.findHouseholdOf(db, owner.id)) return 0;
  const today = chinaToday();
  const checkedOn = addMonths(today, -1);
  return mutate(db, { ...systemContext(), userAgent: 'doorstep-demo' }, async (tx, audit) => {
    const household = await repo.insertHousehold(tx, {
      ownerAccountId: owner.id,
      regionCode: DEMO_HOUSEHOLD_REGION,
      address: '长安区建北街道棉一东社区 3 号楼 2 单元 501',
    });
    const members = [];
    for (const m of FAMILY) {
      const birthDate = addMonths(today, -m.ageMonths);
      const row = await repo.insertMember(tx, {
        householdId: household.id,
        relation: m.relation,
        kind: memberKind(birthDate, today),
        name: m.name,
        sex: m.sequence % 2 === 1 ? 'male' : 'female',
        birthDate,
        ...sealIdNumber(cipher, buildIdNumber({ regionCode: '130102', birthDate, sequence: m.sequence })),
        phone: m.relation === 'self' ? owner.phone : null,
        ...(m.child
          ? {
              vaccinationStatus: 'up_to_date',
              vaccinationCheckedOn: checkedOn,
              healthCheckOn: checkedOn,
              healthCheckResult: 'passed',
            }
          : {}),
        canPickUp: m.canPickUp,
      });
      members.push(memberSnapshot(row));
    }
    await audit({
      action: 'household.create',
      entityType: 'household',
      entityId: household.id,
      regionCode: DEMO_HOUSEHOLD_REGION,
      after: { regionCode: DEMO_HOUSEHOLD_REGION, members, source: 'demo' },
    });
    return members.length;
  });
}
