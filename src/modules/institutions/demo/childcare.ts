import { CHILDCARE_CLASS_RULES_2019 } from '../../../standards/childcare-classes.js';
import { healthStaffRequired } from '../../../standards/staff-requirements.js';
import { classTypesFrom, planClasses } from './classes.js';
import { creditCode, landlineNumber, personName, streetAddress } from './names.js';
import type { Places } from './places.js';
import type { Random } from './random.js';
import { addStaff, type StaffContext } from './staff.js';
import type { Row, SeedRows, Site } from './types.js';

/** One childcare institution as the planner decided it: what, where, how big, run by whom. */
export interface ChildcarePlan {
  kind:
    | 'childcare_centre'
    | 'kindergarten_nursery'
    | 'home_childcare_point'
    | 'employer_childcare'
    | 'childcare_guidance_centre'
    | 'training_base'
    | 'service_complex';
  name: string;
  site: Site;
  places: number;
  operator: 'public' | 'private_nonprofit' | 'for_profit';
  affordable: boolean;
  urban: boolean;
  chainOperator?: string | null;
  entrustedBy?: string | null;
  /** An institution that exists already (the demo accounts' own): updated, not inserted. */
  existingId?: string | null;
  /** Make the staff show one expiring and one expired health certificate. */
  showExpiry?: boolean;
}

export interface BuildContext extends StaffContext {
  places: Places;
}

/**
 * Generate a childcare institution: particulars, prices and care forms, its childcare function,
 * classes summing to its places, and staff (head, carers per class to meet the ratio, health
 * staff per 150 children, guards, cooks) with certificates. Returns the institution row, whose
 * status the filing step sets.
 */
export function buildChildcare(seed: SeedRows, ctx: BuildContext, plan: ChildcarePlan): Row {
  const { random } = ctx;
  const id = plan.existingId ?? random.uuid();
  const home = plan.kind === 'home_childcare_point';
  const kindergarten = plan.kind === 'kindergarten_nursery';
  const minAge = home ? 6 : kindergarten ? random.pick([24, 24, 24, 18]) : random.pick([6, 12, 12, 18, 24]);
  const careForms = careFormsFor(random, plan);
  const { lng, lat } = ctx.places.pointFor(random, plan.site);
  const row: Row = {
    id,
    name: plan.name,
    kind: plan.kind,
    operator: plan.operator,
    credit_code: creditCode(random, plan.operator, plan.site.countyCode),
    legal_representative: personName(random, random.chance(0.7) ? 'female' : 'male'),
    affordable: plan.affordable,
    price_cap: null,
    region_code: plan.site.communityCode,
    address: `${plan.site.cityName}${plan.site.countyName}${plan.site.townshipName}${streetAddress(random)}`,
    lat,
    lng,
    floor: random.weighted([1, 2, 3], [0.6, 0.3, 0.1]),
    phone: home ? null : landlineNumber(random, plan.site.countyCode),
    opening_hours: random.chance(0.3)
      ? { weekdays: '07:30-18:00', saturday: '08:00-12:00' }
      : { weekdays: random.pick(['07:30-17:30', '07:30-18:00', '08:00-17:30']) },
    care_forms: careForms,
    prices: {},
    min_age_months: plan.places > 0 ? minAge : null,
    max_age_months: plan.places > 0 ? 36 : null,
    description: null,
    chain_operator: plan.chainOperator ?? null,
    entrusted_by: plan.entrustedBy ?? null,
    grade: null,
    stars: null,
    status: 'draft',
    filed_at: null,
  };
  priceInstitution(random, row, plan, careForms);
  const classes =
    plan.places > 0
      ? planClasses(random, plan.places, home ? ['home_point'] : classTypesFrom(minAge, kindergarten))
      : [];
  // The youngest class actually run decides the youngest age admitted.
  const youngest = home
    ? minAge
    : Math.min(...classes.map((c) => CHILDCARE_CLASS_RULES_2019[c.type].minAgeMonths));
  if (classes.length > 0) row.min_age_months = youngest;
  row.description = describe(plan, youngest, careForms);
  if (plan.places > 0) {
    seed.institution_functions.push({
      institution_id: id,
      function: 'childcare',
      capacity: plan.places,
      unit: 'places',
    });
  }
  const staff = (
    role: Parameters<typeof addStaff>[2]['role'],
    extra: { classId?: string; health?: 'valid' | 'expiring' | 'expired' } = {},
  ) =>
    addStaff(seed, ctx, {
      institutionId: id,
      countyCode: plan.site.countyCode,
      role,
      childcare: true,
      ...extra,
    });

  staff('head', plan.showExpiry ? { health: 'expired' } : {});
  let enrolled = 0;
  classes.forEach((planned, index) => {
    const classId = random.uuid();
    enrolled += planned.enrolled;
    seed.classes.push({
      id: classId,
      institution_id: id,
      name: planned.name,
      type: planned.type,
      capacity: planned.capacity,
      enrolled: planned.enrolled,
      room: `${Math.floor(index / 6) + Number(row.floor)}${String((index % 6) + 1).padStart(2, '0')}`,
    });
    for (let c = 0; c < planned.carers; c++) {
      staff('carer', {
        classId,
        ...(plan.showExpiry && index === 0 && c === 0 ? { health: 'expiring' as const } : {}),
      });
    }
  });
  for (let h = healthStaffRequired(enrolled); h > 0; h--) staff('health');
  if (!home) {
    staff('guard');
    if (enrolled > 150) staff('guard');
    if (careForms.includes('full_day') && plan.places > 0) staff('cook');
  }
  if (plan.kind === 'training_base' || plan.kind === 'childcare_guidance_centre') {
    for (let t = random.int(2, 4); t > 0; t--) staff('teacher');
  }
  return row;
}

function careFormsFor(random: Random, plan: ChildcarePlan): string[] {
  if (plan.places === 0) return [];
  if (plan.kind === 'home_childcare_point') return random.chance(0.5) ? ['full_day', 'hourly'] : ['full_day'];
  const forms = ['full_day'];
  if (random.chance(0.6)) forms.push('half_day');
  if (random.chance(plan.kind === 'childcare_guidance_centre' ? 0.9 : 0.3)) forms.push('hourly');
  if (random.chance(plan.kind === 'childcare_guidance_centre' ? 0.8 : 0.2)) forms.push('temporary');
  return forms;
}

/** Monthly prices per care form; an affordable place is capped at 1,200–2,200 yuan a month. */
function priceInstitution(random: Random, row: Row, plan: ChildcarePlan, careForms: string[]): void {
  const urbanBonus = plan.urban ? 300 : 0;
  let fullDay: number;
  if (plan.affordable) {
    const cap = Math.min(2200, 1200 + urbanBonus + random.int(0, 7) * 100);
    row.price_cap = cap;
    fullDay = cap - random.int(0, 4) * 50;
  } else {
    fullDay = 1800 + urbanBonus + random.int(0, 40) * 50;
  }
  const prices: Record<string, number> = {};
  if (careForms.includes('full_day')) prices.full_day = fullDay;
  if (careForms.includes('half_day')) prices.half_day = Math.round((fullDay * 0.6) / 50) * 50;
  if (careForms.includes('hourly')) prices.hourly = random.int(5, 10) * 5;
  if (careForms.includes('temporary')) prices.temporary = random.int(8, 16) * 10;
  row.prices = prices;
}

const FORM_NAMES: Record<string, string> = {
  full_day: '全日托',
  half_day: '半日托',
  hourly: '计时托',
  temporary: '临时托',
};

function describe(plan: ChildcarePlan, minAge: number, careForms: string[]): string {
  if (plan.kind === 'training_base') return '承担托育从业人员岗前培训、在岗轮训和实操考核。';
  const forms = careForms.map((f) => FORM_NAMES[f]).join('、');
  const ages = `${minAge}–36个月婴幼儿`;
  const affordable = plan.affordable ? '普惠托位，' : '';
  if (plan.kind === 'childcare_guidance_centre') {
    return `区域托育综合服务指导中心：示范托育、家庭养育指导、从业人员培训；提供${forms}，${affordable}招收${ages}。`;
  }
  return `提供${forms}服务，${affordable}招收${ages}，共${plan.places}个托位。`;
}
