import { count } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { hashPassword } from '../../lib/passwords.js';
import { systemContext } from '../../server/context.js';
import { recordAudit } from '../audit/audit.service.js';
import { institutions } from '../institutions/institutions.table.js';
import { accounts } from './accounts.table.js';
import type { Role } from './roles.js';

/** The password of every demo account (README lists them). */
export const DEMO_PASSWORD = 'doorstep2026';

/** Demo institutions the institution accounts belong to (the institutions module adds Hebei's full register). */
export const DEMO_INSTITUTIONS = [
  {
    key: 'childcare',
    name: '长安区建北街道阳光托育中心',
    kind: 'childcare_centre',
    regionCode: '130102001001',
  },
  {
    key: 'elderly',
    name: '长安区建北街道社区养老服务中心',
    kind: 'community_elderly_centre',
    regionCode: '130102001002',
  },
] as const;

interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  regionCode?: string;
  institution?: (typeof DEMO_INSTITUTIONS)[number]['key'];
  /** What the account is for, shown in the README and at start-up. */
  note: string;
}

/** One demo account for every role, in Hebei (Shijiazhuang, Chang'an district) unless noted. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    username: 'admin',
    displayName: '系统管理员',
    role: 'sysadmin',
    regionCode: '',
    note: 'system administrator, whole country',
  },
  {
    username: 'hebei.health',
    displayName: '河北省卫健委',
    role: 'health_province',
    regionCode: '13',
    note: 'Hebei health commission',
  },
  {
    username: 'hebei.civil',
    displayName: '河北省民政厅',
    role: 'civil_province',
    regionCode: '13',
    note: 'Hebei civil affairs',
  },
  {
    username: 'sjz.health',
    displayName: '石家庄市卫健委',
    role: 'health_city',
    regionCode: '1301',
    note: 'Shijiazhuang health commission',
  },
  {
    username: 'sjz.civil',
    displayName: '石家庄市民政局',
    role: 'civil_city',
    regionCode: '1301',
    note: 'Shijiazhuang civil affairs',
  },
  {
    username: 'changan.health',
    displayName: '长安区卫健局',
    role: 'health_county',
    regionCode: '130102',
    note: "Chang'an district health bureau",
  },
  {
    username: 'changan.civil',
    displayName: '长安区民政局',
    role: 'civil_county',
    regionCode: '130102',
    note: "Chang'an district civil affairs",
  },
  {
    username: 'qiaoxi.health',
    displayName: '桥西区卫健局',
    role: 'health_county',
    regionCode: '130104',
    note: 'Qiaoxi district health bureau (a neighbouring county)',
  },
  {
    username: 'jianbei.health',
    displayName: '建北街道卫生健康办',
    role: 'health_township',
    regionCode: '130102001',
    note: 'Jianbei street, health',
  },
  {
    username: 'jianbei.civil',
    displayName: '建北街道民政办',
    role: 'civil_township',
    regionCode: '130102001',
    note: 'Jianbei street, civil affairs',
  },
  {
    username: 'mianyi.worker',
    displayName: '棉一东社区工作者',
    role: 'community_worker',
    regionCode: '130102001001',
    note: 'community worker',
  },
  {
    username: 'changan.assessor',
    displayName: '长安区能力评估员',
    role: 'assessor',
    regionCode: '130102',
    note: 'elderly capability assessor',
  },
  {
    username: 'changan.inspector',
    displayName: '长安区监督检查员',
    role: 'inspector',
    regionCode: '130102',
    note: 'inspector (quality, fire safety)',
  },
  {
    username: 'sunshine.admin',
    displayName: '阳光托育中心园长',
    role: 'institution_admin',
    institution: 'childcare',
    note: 'childcare centre head',
  },
  {
    username: 'sunshine.staff',
    displayName: '阳光托育中心保育员',
    role: 'institution_staff',
    institution: 'childcare',
    note: 'childcare carer',
  },
  {
    username: 'elderly.admin',
    displayName: '社区养老服务中心主任',
    role: 'institution_admin',
    institution: 'elderly',
    note: 'elderly care centre head',
  },
  {
    username: 'elderly.carer',
    displayName: '养老服务中心护理员',
    role: 'institution_staff',
    institution: 'elderly',
    note: 'caregiver: door-to-door visits on a phone',
  },
  {
    username: 'resident',
    displayName: '张丽（居民）',
    role: 'resident',
    regionCode: '130102001001',
    note: 'resident, parent of a toddler',
  },
];

/** Create the demo institutions and accounts once (nothing happens when any account exists). */
export async function seedDemoAccounts(database: Database): Promise<number> {
  const db = database.db;
  const [existing] = await db.select({ n: count() }).from(accounts);
  if (Number(existing?.n ?? 0) > 0) return 0;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const ctx = systemContext();
  await db.transaction(async (tx) => {
    const institutionIds = new Map<string, string>();
    for (const inst of DEMO_INSTITUTIONS) {
      const [row] = await tx
        .insert(institutions)
        .values({ name: inst.name, kind: inst.kind, regionCode: inst.regionCode, status: 'filed' })
        .returning({ id: institutions.id });
      institutionIds.set(inst.key, row!.id);
    }
    for (const demo of DEMO_ACCOUNTS) {
      const institution = demo.institution
        ? DEMO_INSTITUTIONS.find((i) => i.key === demo.institution)!
        : null;
      const [row] = await tx
        .insert(accounts)
        .values({
          username: demo.username,
          displayName: demo.displayName,
          role: demo.role,
          regionCode: institution ? institution.regionCode : (demo.regionCode ?? ''),
          institutionId: institution ? institutionIds.get(institution.key)! : null,
          phone: `1380311${String(DEMO_ACCOUNTS.indexOf(demo)).padStart(4, '0')}`,
          passwordHash,
        })
        .returning();
      await recordAudit(tx, ctx, {
        action: 'account.create',
        entityType: 'account',
        entityId: row!.id,
        regionCode: row!.regionCode,
        institutionId: row!.institutionId,
        after: { username: row!.username, role: row!.role, regionCode: row!.regionCode, source: 'demo' },
      });
    }
  });
  return DEMO_ACCOUNTS.length;
}
