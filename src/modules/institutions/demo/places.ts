import { pointInCounty, randomPointInCounty } from '../../geo/geo.service.js';
import { type Random, seededRandom } from './random.js';
import type { HebeiPlace, Site } from './types.js';

/**
 * Hebei's tree as the demo walks it: cities, counties, townships and communities with their
 * demo populations, and where on the map an institution of a township stands.
 */
export class Places {
  readonly cities: HebeiPlace[] = [];
  readonly counties: HebeiPlace[] = [];
  private readonly byCode = new Map<string, HebeiPlace>();
  private readonly children = new Map<string, HebeiPlace[]>();
  private readonly anchors = new Map<string, [number, number]>();

  constructor(places: readonly HebeiPlace[]) {
    for (const place of places) {
      this.byCode.set(place.code, place);
      if (place.level === 2) this.cities.push(place);
      if (place.level === 3) this.counties.push(place);
      if (place.parentCode) {
        const list = this.children.get(place.parentCode) ?? [];
        list.push(place);
        this.children.set(place.parentCode, list);
      }
    }
  }

  get(code: string): HebeiPlace {
    const place = this.byCode.get(code);
    if (!place) throw new RangeError(`no region ${code} in the demo tree`);
    return place;
  }

  childrenOf(code: string): HebeiPlace[] {
    return this.children.get(code) ?? [];
  }

  /** Whether institutions can be placed in the county: it has a township with communities. */
  pickable(countyCode: string): boolean {
    return this.childrenOf(countyCode).some((t) => this.childrenOf(t.code).length > 0);
  }

  /** A county that is a city district (区), not a functional zone. */
  isDistrict(county: HebeiPlace): boolean {
    return county.name.endsWith('区') && !isFunctionalZone(county);
  }

  /** The site of a given community. */
  siteOf(communityCode: string): Site {
    const community = this.get(communityCode);
    const township = this.get(community.parentCode!);
    const county = this.get(township.parentCode!);
    const city = this.get(county.parentCode!);
    return {
      cityCode: city.code,
      cityName: city.name,
      countyCode: county.code,
      countyName: county.name,
      townshipCode: township.code,
      townshipName: township.name,
      communityCode: community.code,
      communityName: community.name,
    };
  }

  /**
   * A community of the county (or of the given township), drawn in proportion to population;
   * `urban` favours streets (街道) and residents' committees (社区) over towns and villages.
   */
  pickSite(random: Random, countyCode: string, options: { urban?: number; township?: string } = {}): Site {
    const urban = options.urban ?? 1;
    const townships = options.township
      ? [this.get(options.township)]
      : this.childrenOf(countyCode).filter((t) => this.childrenOf(t.code).length > 0);
    const township = random.weighted(
      townships,
      townships.map((t) => (t.residents || 1) * (t.name.endsWith('街道') ? urban : 1)),
    );
    const communities = this.childrenOf(township.code);
    const community = random.weighted(
      communities,
      communities.map((c) => (c.residents || 1) * (/社区|居委会|居民委员会/.test(c.name) ? urban : 1)),
    );
    return this.siteOf(community.code);
  }

  /**
   * A point for an institution of the township: near the township's anchor point, inside the
   * county's polygon (or near the city when the county has none).
   */
  pointFor(random: Random, site: Site): { lng: number; lat: number } {
    let anchor = this.anchors.get(site.townshipCode);
    if (!anchor) {
      anchor = randomPointInCounty(site.countyCode, seededRandom(`anchor ${site.townshipCode}`)) ?? [
        114.5, 38.04,
      ];
      this.anchors.set(site.townshipCode, anchor);
    }
    for (let i = 0; i < 30; i++) {
      const lng = round6(anchor[0] + (random() * 2 - 1) * 0.012);
      const lat = round6(anchor[1] + (random() * 2 - 1) * 0.009);
      if (pointInCounty(site.countyCode, lng, lat) !== false) return { lng, lat };
    }
    return { lng: anchor[0], lat: anchor[1] };
  }
}

/** Development zones, new areas and management areas (codes x7x): no polygon, few residents. */
export function isFunctionalZone(county: HebeiPlace): boolean {
  return county.code[4] === '7' || /开发区|园区|新区|管理区|新城/.test(county.name);
}

function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
