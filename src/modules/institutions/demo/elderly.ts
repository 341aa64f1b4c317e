import { type BuildContext, buildChildcare } from './childcare.js';
import {
  communityShortName,
  creditCode,
  ELDERLY_BRANDS,
  landlineNumber,
  personName,
  streetAddress,
} from './names.js';
import { isFunctionalZone } from './places.js';
import type { Random } from './random.js';
import { addStaff } from './staff.js';
import type { Row, SeedRows, Site } from './types.js';

type ElderlyKind = 'elderly_care_institution' | 'community_elderly_centre' | 'meal_point';
type Operator = 'public' | 'private_nonprofit' | 'for_profit';

/** One elderly-care provider as planned: kind, site, functions with capacities, prices. */
export interface ElderlyPlan {
  kind: ElderlyKind;
  name: string;
  site: Site;
  operator: Operator;
  functions: Array<{ function: string; capacity: number; unit: string }>;
  prices: Record<string, number>;
  entrustedBy?: string | null;
  existingId?: string | null;
  /** A full team (carers, cook, health staff) instead of a head alone. */
  fullTeam?: boolean;
}

/** Shijiazhuang's urban districts that host community-embedded service complexes. */
const COMPLEX_DISTRICTS = ['130102', '130104', '130105', '130108'];

/**
 * Plan Hebei's elderly care: a community centre in every street and many towns, care homes by
 * the number of people aged 60+ (a welfare home per county, town homes, private homes), and
 * meal points. `skipTownships` have a centre already (the demo accounts' own).
 */
export function planElderly(
  ctx: BuildContext,
  random: Random,
  skipTownships: ReadonlySet<string>,
): ElderlyPlan[] {
  const { places } = ctx;
  const plans: ElderlyPlan[] = [];
  const names = new Set<string>();
  const push = (plan: ElderlyPlan) => {
    if (names.has(plan.name)) plan.name = `${plan.name}（${communityShortName(plan.site.communityName)}）`;
    if (names.has(plan.name)) return;
    names.add(plan.name);
    plans.push(plan);
  };
  for (const county of places.counties.filter((c) => places.pickable(c.code))) {
    const townships = places.childrenOf(county.code).filter((t) => places.childrenOf(t.code).length > 0);
    for (const township of townships) {
      const street = township.name.endsWith('街道');
      if (
        skipTownships.has(township.code) ||
        !random.chance(street ? 1 : township.name.endsWith('镇') ? 0.45 : 0.25)
      )
        continue;
      const site = places.pickSite(random, county.code, { township: township.code, urban: 2 });
      const operator = random.weighted<Operator>(
        ['public', 'private_nonprofit', 'for_profit'],
        [0.4, 0.45, 0.15],
      );
      const functions = [{ function: 'elderly_day_care', capacity: random.int(10, 40), unit: 'day_places' }];
      if (random.chance(0.6))
        functions.push({ function: 'meals', capacity: random.int(20, 60), unit: 'seats' });
      push({
        kind: 'community_elderly_centre',
        name: `${county.name}${township.name}${street ? '社区养老服务中心' : '区域养老服务中心'}`,
        site,
        operator,
        functions,
        prices: {
          day_care: random.int(12, 24) * 50,
          ...(functions.length > 1 ? { meals: random.int(8, 15) } : {}),
        },
        entrustedBy: operator === 'public' && random.chance(0.6) ? `${county.name}民政局` : null,
      });
    }
    const homes = Math.max(1, Math.round(county.aged60Plus / 30_000));
    for (let n = 0; n < homes; n++) {
      const site = places.pickSite(random, county.code);
      const welfare = n === 0 && !isFunctionalZone(county);
      const townHome = !welfare && !site.townshipName.endsWith('街道') && random.chance(0.4);
      push({
        kind: 'elderly_care_institution',
        name: welfare
          ? `${county.name}社会福利院`
          : townHome
            ? `${county.name}${site.townshipName}敬老院`
            : `${county.name}${random.pick(ELDERLY_BRANDS)}${random.pick(['养老院', '颐养中心', '康养中心', '老年公寓'])}`,
        site,
        operator:
          welfare || townHome
            ? 'public'
            : random.weighted<Operator>(['private_nonprofit', 'for_profit'], [0.6, 0.4]),
        functions: [
          {
            function: 'elderly_care',
            capacity: welfare ? random.int(150, 400) : townHome ? random.int(40, 120) : random.int(50, 300),
            unit: 'beds',
          },
        ],
        prices: { bed: random.int(18, 45) * 100 },
      });
    }
    const meals = Math.max(1, Math.round(county.aged60Plus / 35_000));
    for (let n = 0; n < meals; n++) {
      const site = places.pickSite(random, county.code, { urban: 2 });
      push({
        kind: 'meal_point',
        name: `${county.name}${communityShortName(site.communityName)}${random.pick(['老年食堂', '老年助餐点', '长者食堂'])}`,
        site,
        operator: random.weighted<Operator>(['public', 'private_nonprofit', 'for_profit'], [0.3, 0.4, 0.3]),
        functions: [{ function: 'meals', capacity: random.int(20, 80), unit: 'seats' }],
        prices: { meals: random.int(8, 15) },
      });
    }
  }
  return plans;
}

/** Generate an elderly-care provider: particulars, functions, and its head (or a full team). */
export function buildElderly(seed: SeedRows, ctx: BuildContext, plan: ElderlyPlan): Row {
  const { random } = ctx;
  const id = plan.existingId ?? random.uuid();
  const { lng, lat } = ctx.places.pointFor(random, plan.site);
  for (const fn of plan.functions) seed.institution_functions.push({ institution_id: id, ...fn });
  const staff = (role: 'head' | 'carer' | 'cook' | 'health') =>
    addStaff(seed, ctx, { institutionId: id, countyCode: plan.site.countyCode, role, childcare: false });
  staff('head');
  if (plan.fullTeam) {
    for (const role of ['carer', 'carer', 'carer', 'carer', 'cook', 'health'] as const) staff(role);
  }
  const capacityText = plan.functions
    .map(
      (f) =>
        `${{ elderly_care: '床位', elderly_day_care: '日间照料位', meals: '餐位' }[f.function] ?? f.function}${f.capacity}个`,
    )
    .join('，');
  return {
    id,
    name: plan.name,
    kind: plan.kind,
    operator: plan.operator,
    credit_code: creditCode(random, plan.operator, plan.site.countyCode),
    legal_representative: personName(random, random.chance(0.5) ? 'female' : 'male'),
    affordable: plan.operator === 'public',
    price_cap: null,
    region_code: plan.site.communityCode,
    address: `${plan.site.cityName}${plan.site.countyName}${plan.site.townshipName}${streetAddress(random)}`,
    lat,
    lng,
    floor: random.weighted([1, 2], [0.8, 0.2]),
    phone: landlineNumber(random, plan.site.countyCode),
    opening_hours:
      plan.kind === 'elderly_care_institution' ? { daily: '00:00-24:00' } : { daily: '08:00-17:30' },
    care_forms: [],
    prices: plan.prices,
    min_age_months: null,
    max_age_months: null,
    description: `${capacityText}。`,
    chain_operator: null,
    entrusted_by: plan.entrustedBy ?? null,
    grade: null,
    stars: null,
    status: 'draft',
    filed_at: null,
  };
}

/**
 * Community-embedded service complexes in Shijiazhuang's urban districts: childcare classes
 * beside elderly day care, meals and after-school care under one roof.
 */
export function buildComplexes(seed: SeedRows, ctx: BuildContext, random: Random): Row[] {
  const rows: Row[] = [];
  for (const districtCode of COMPLEX_DISTRICTS) {
    if (!ctx.places.pickable(districtCode)) continue;
    const district = ctx.places.get(districtCode);
    for (let n = 0; n < 2; n++) {
      const site = ctx.places.pickSite(random, districtCode, { urban: 4 });
      const row = buildChildcare(seed, ctx, {
        kind: 'service_complex',
        name: `${district.name}${site.townshipName}${n === 0 ? '一老一小服务综合体' : '社区嵌入式服务中心'}`,
        site,
        places: random.int(20, 40),
        operator: 'public',
        affordable: true,
        urban: true,
        entrustedBy: `${district.name}人民政府`,
      });
      const extra = [
        { function: 'elderly_day_care', capacity: random.int(20, 40), unit: 'day_places' },
        { function: 'meals', capacity: random.int(40, 80), unit: 'seats' },
        { function: 'after_school', capacity: random.int(30, 60), unit: 'places' },
        { function: 'health', capacity: 0, unit: 'places' },
      ];
      for (const fn of extra) seed.institution_functions.push({ institution_id: String(row.id), ...fn });
      row.prices = {
        ...(row.prices as Record<string, number>),
        day_care: random.int(12, 20) * 50,
        meals: random.int(8, 12),
      };
      row.description = `社区嵌入式服务设施：托育、老年人日间照料、老年助餐、儿童课后托管、健康服务。${String(row.description)}`;
      rows.push(row);
    }
  }
  return rows;
}
