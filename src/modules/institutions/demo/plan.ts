import type { ChildcarePlan } from './childcare.js';
import {
  CENTRE_SUFFIXES,
  CHAINS,
  CHILDCARE_BRANDS,
  chineseNumber,
  communityShortName,
  employerName,
  personName,
} from './names.js';
import { isFunctionalZone, type Places } from './places.js';
import { apportion, type Random } from './random.js';
import type { HebeiPlace } from './types.js';

/** Hebei's childcare network as reported for 2022 (STANDARDS §7): institutions and places. */
export const HEBEI_CHILDCARE = { institutions: 1273, places: 138_200 } as const;

/** Cities with a county-level guidance centre besides their own (Taizhou-style county centres). */
const COUNTY_GUIDANCE_CITIES = ['1301', '1302', '1304', '1306', '1309', '1310'];
/** Cities with a training base for childcare staff. */
const TRAINING_BASE_CITIES = ['1301', '1302', '1304', '1306'];

type Kind = ChildcarePlan['kind'];

/**
 * Decide Hebei's childcare institutions: one guidance centre per city and in a few counties,
 * training bases in the big cities, and the rest spread over the counties in proportion to
 * population (city districts weigh more), as centres, kindergarten nursery classes, home-based
 * points and employer nurseries. Places add up to `HEBEI_CHILDCARE.places` with `fixed` (the
 * institutions that exist already) counted in.
 */
export function planChildcare(
  places: Places,
  random: Random,
  fixed: readonly ChildcarePlan[],
): ChildcarePlan[] {
  const names = new Set(fixed.map((p) => p.name));
  const counties = places.counties.filter((c) => places.pickable(c.code));
  const plans: ChildcarePlan[] = [];
  const add = (
    kind: Kind,
    county: HebeiPlace,
    name: (site: ChildcarePlan['site']) => string,
    places0: number,
  ) => {
    const site = places.pickSite(random, county.code, { urban: 3 });
    const unique = uniqueName(names, name(site), site);
    const urban = places.isDistrict(county);
    plans.push({
      kind,
      name: unique,
      site,
      places: places0,
      urban,
      ...operatorFor(random, kind, county.name),
    });
  };

  for (const city of places.cities) {
    const main = mainDistrict(places, city.code, counties);
    if (!main) continue;
    add('childcare_guidance_centre', main, () => `${city.name}托育综合服务指导中心`, random.int(60, 120));
    if (TRAINING_BASE_CITIES.includes(city.code)) {
      add('training_base', main, () => `${city.name}托育从业人员实训基地`, 0);
    }
    if (COUNTY_GUIDANCE_CITIES.includes(city.code)) {
      const county = counties
        .filter((c) => c.parentCode === city.code && !places.isDistrict(c) && !isFunctionalZone(c))
        .sort((a, b) => b.residents - a.residents)[0];
      if (county)
        add(
          'childcare_guidance_centre',
          county,
          () => `${county.name}托育综合服务指导中心`,
          random.int(40, 90),
        );
    }
  }

  const remaining = HEBEI_CHILDCARE.institutions - plans.length - fixed.length;
  const weights = counties.map(
    (c) => (c.residents || 1) * (places.isDistrict(c) ? 1.35 : isFunctionalZone(c) ? 0.5 : 1),
  );
  const quotas = apportion(remaining + fixed.length, weights);
  counties.forEach((county, i) => {
    const quota = quotas[i]! - fixed.filter((p) => p.site.countyCode === county.code).length;
    const district = places.isDistrict(county);
    for (let n = 0; n < quota; n++) {
      const kind = random.weighted<Kind>(
        ['childcare_centre', 'kindergarten_nursery', 'home_childcare_point', 'employer_childcare'],
        district ? [0.64, 0.16, 0.12, 0.08] : [0.58, 0.27, 0.08, 0.07],
      );
      add(kind, county, (site) => nameFor(random, kind, site), sizeFor(random, kind));
    }
  });
  // Fill the reported total: centres share what the other kinds and the fixed ones leave.
  const centres = plans.filter((p) => p.kind === 'childcare_centre');
  const others = [...plans.filter((p) => p.kind !== 'childcare_centre'), ...fixed];
  const left = HEBEI_CHILDCARE.places - others.reduce((sum, p) => sum + p.places, 0);
  const sizes = apportion(
    left,
    centres.map((p) => (p.urban ? 1.3 : 1) * (0.45 + 1.1 * random())),
  );
  centres.forEach((plan, i) => {
    plan.places = sizes[i]!;
  });
  return plans;
}

function mainDistrict(places: Places, cityCode: string, counties: HebeiPlace[]): HebeiPlace | undefined {
  return counties
    .filter((c) => c.parentCode === cityCode && places.isDistrict(c))
    .sort((a, b) => b.residents - a.residents)[0];
}

function sizeFor(random: Random, kind: Kind): number {
  if (kind === 'home_childcare_point') return 5;
  if (kind === 'employer_childcare') return random.int(20, 60);
  if (kind === 'kindergarten_nursery') return random.int(20, 75);
  return 0;
}

/** Operator, affordability, chain and entrusting authority by kind (about half of places affordable). */
function operatorFor(random: Random, kind: Kind, countyName: string) {
  const operator =
    kind === 'childcare_guidance_centre' || kind === 'training_base'
      ? 'public'
      : random.weighted(
          ['public', 'private_nonprofit', 'for_profit'] as const,
          kind === 'kindergarten_nursery'
            ? [0.6, 0.25, 0.15]
            : kind === 'employer_childcare'
              ? [0.3, 0.7, 0]
              : kind === 'home_childcare_point'
                ? [0, 0.3, 0.7]
                : [0.1, 0.35, 0.55],
        );
  const affordable =
    kind === 'home_childcare_point'
      ? random.chance(0.2)
      : operator === 'public' || random.chance(operator === 'private_nonprofit' ? 0.6 : 0.2);
  return {
    operator,
    affordable: kind === 'training_base' ? false : affordable,
    chainOperator:
      kind === 'childcare_centre' && operator === 'for_profit' && random.chance(0.15)
        ? random.pick(CHAINS)
        : null,
    entrustedBy:
      kind === 'childcare_centre' && operator === 'public' && random.chance(0.5)
        ? `${countyName}卫生健康局`
        : null,
  };
}

function nameFor(random: Random, kind: Kind, site: ChildcarePlan['site']): string {
  const community = communityShortName(site.communityName);
  switch (kind) {
    case 'kindergarten_nursery':
      return random.pick([
        `${site.countyName}${site.townshipName}中心幼儿园托班`,
        `${site.countyName}第${chineseNumber(random.int(1, 9))}幼儿园托班`,
        `${site.countyName}实验幼儿园托育部`,
        `${site.townshipName}${community}幼儿园托班`,
      ]);
    case 'home_childcare_point':
      return `${site.townshipName}${community}${personName(random, 'female').slice(0, 1)}老师家庭托育点`;
    case 'employer_childcare':
      return `${employerName(random, site.countyName, site.cityName.replace(/市$/, ''))}${random.pick(['职工托育中心', '职工子女托育园'])}`;
    default:
      return `${site.countyName}${site.townshipName}${random.pick(CHILDCARE_BRANDS)}${random.pick(CENTRE_SUFFIXES)}`;
  }
}

/** A name not used yet: the community in brackets, then a branch number, tell namesakes apart. */
export function uniqueName(names: Set<string>, name: string, site: ChildcarePlan['site']): string {
  let candidate = name;
  if (names.has(candidate)) candidate = `${name}（${communityShortName(site.communityName)}）`;
  for (let n = 2; names.has(candidate); n++) candidate = `${name}（${chineseNumber(n)}部）`;
  names.add(candidate);
  return candidate;
}
