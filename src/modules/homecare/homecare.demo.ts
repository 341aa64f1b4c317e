/**
 * Demo door-to-door services: Shijiazhuang's menu — ten subsidised core items ("Top Ten") and
 * four small paid packages ("Four Packages") — defined through the menu service as the city's
 * civil affairs bureau, and the demo community elderly centre offering all of them (a few at its
 * own price) as its admin. No orders or visits. Idempotent: skipped when the city's menu exists.
 */
import { and, count, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import type { RequestContext } from '../../server/context.js';
import { DEMO_INSTITUTIONS } from '../accounts/accounts.demo.js';
import { accounts } from '../accounts/accounts.table.js';
import { toActor } from '../accounts/auth.service.js';
import { institutions } from '../institutions/institutions.table.js';
import { serviceItems } from './homecare.table.js';
import type { CreateItemInput } from './menu.schema.js';
import { createItem, putProviderItems } from './menu.service.js';

/** Shijiazhuang (the city's code): the menu applies in every district below it. */
export const DEMO_MENU_REGION = '1301';

type DemoItem = Omit<CreateItemInput, 'regionPrefix'> & { ownPrice?: number };

/** The "Top Ten" core items: subsidised, drawn on service quotas and allowances. */
const CORE: DemoItem[] = (
  [
    { code: 'SJZ-ZC', name: '助餐（送餐上门）', type: 'meals', durationMinutes: 30, price: 15 },
    {
      code: 'SJZ-ZY',
      name: '助浴（上门助浴）',
      type: 'bathing',
      durationMinutes: 60,
      price: 80,
      ownPrice: 75,
    },
    { code: 'SJZ-ZJ', name: '助洁（居家保洁）', type: 'cleaning', durationMinutes: 120, price: 100 },
    { code: 'SJZ-ZJJ', name: '助急（紧急援助）', type: 'emergency', durationMinutes: 30, price: 30 },
    { code: 'SJZ-ZYI', name: '助医（陪同就医）', type: 'medical', durationMinutes: 120, price: 80 },
    { code: 'SJZ-ZX', name: '助行（助行陪护）', type: 'walking', durationMinutes: 60, price: 40 },
    { code: 'SJZ-TF', name: '探访关爱', type: 'visit', durationMinutes: 30, price: 20 },
    { code: 'SJZ-DB', name: '代办服务（代购、代缴）', type: 'errand', durationMinutes: 60, price: 30 },
    { code: 'SJZ-KF', name: '康复护理', type: 'nursing', durationMinutes: 60, price: 90, ownPrice: 85 },
    { code: 'SJZ-JK', name: '健康管理（血压血糖监测）', type: 'health', durationMinutes: 30, price: 25 },
  ] satisfies Omit<DemoItem, 'category'>[]
).map((i) => ({ ...i, category: 'core' as const }));

/** The "Four Packages": small paid packages, each named. */
const PACKAGES: DemoItem[] = (
  [
    {
      code: 'SJZ-PK-JC',
      name: '生活照料（洗头、理发、修剪指甲）',
      type: 'nursing',
      durationMinutes: 60,
      price: 50,
      packageName: '基础照护包',
    },
    {
      code: 'SJZ-PK-JK',
      name: '家庭医生上门巡诊',
      type: 'medical',
      durationMinutes: 45,
      price: 60,
      packageName: '健康管理包',
    },
    {
      code: 'SJZ-PK-JS',
      name: '心理慰藉与陪伴聊天',
      type: 'emotional',
      durationMinutes: 60,
      price: 40,
      packageName: '精神慰藉包',
    },
    {
      code: 'SJZ-PK-SL',
      name: '适老化改造（评估与安装扶手、防滑）',
      type: 'home_adaptation',
      durationMinutes: 120,
      price: 200,
      packageName: '适老化改造包',
    },
  ] satisfies Omit<DemoItem, 'category'>[]
).map((i) => ({ ...i, category: 'package' as const }));

export const DEMO_MENU: readonly DemoItem[] = [...CORE, ...PACKAGES];

async function contextFor(db: Database['db'], username: string): Promise<RequestContext | null> {
  const [row] = await db.select().from(accounts).where(eq(accounts.username, username));
  return row ? { actor: toActor(row), lang: 'zh-CN', ip: null, userAgent: 'doorstep-demo' } : null;
}

/**
 * Seed the demo menu and provider. Needs the demo accounts (`sjz.civil`, `elderly.admin`) and the
 * demo elderly centre; returns how many menu items and provider items were created (0 when the
 * menu is already there or the demo accounts are missing).
 */
export async function seedDemoHomecare(
  database: Database,
): Promise<{ items: number; providerItems: number }> {
  const db = database.db;
  const none = { items: 0, providerItems: 0 };
  const [existing] = await db
    .select({ n: count() })
    .from(serviceItems)
    .where(and(eq(serviceItems.regionPrefix, DEMO_MENU_REGION)));
  if (Number(existing?.n ?? 0) > 0) return none;
  const city = await contextFor(db, 'sjz.civil');
  const admin = await contextFor(db, 'elderly.admin');
  const [centre] = await db
    .select({ id: institutions.id })
    .from(institutions)
    .where(eq(institutions.name, DEMO_INSTITUTIONS[1].name));
  if (!city || !admin || !centre) return none;
  const offered: { itemId: string; price: number | null }[] = [];
  for (const { ownPrice, ...item } of DEMO_MENU) {
    const created = await createItem(db, city, { ...item, regionPrefix: DEMO_MENU_REGION });
    offered.push({ itemId: created.id, price: ownPrice ?? null });
  }
  const provided = await putProviderItems(db, admin, centre.id, { items: offered });
  return { items: DEMO_MENU.length, providerItems: provided.items.length };
}
