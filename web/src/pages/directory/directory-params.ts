import type { DirectoryFilters } from '../../api/directory';

/** The directory's search as it sits in the address bar, so back, reload and sharing keep it. */
export interface DirectorySearch {
  q?: string;
  region?: string;
  kind?: string;
  careForm?: string;
  /** Child's age in completed months. */
  age?: number;
  affordable?: boolean;
  grade?: string;
  places?: boolean;
  lat?: number;
  lng?: number;
  radius?: number;
  sort?: 'distance' | 'name' | 'grade';
  page?: number;
}

const SORTS = ['distance', 'name', 'grade'] as const;

function num(value: string | null): number | undefined {
  if (value === null || value === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** Read the search from URL parameters; anything malformed is left out. */
export function parseSearch(params: URLSearchParams): DirectorySearch {
  const sort = params.get('sort');
  return {
    q: params.get('q') || undefined,
    region: params.get('region') || undefined,
    kind: params.get('kind') || undefined,
    careForm: params.get('careForm') || undefined,
    age: num(params.get('age')),
    affordable: params.get('affordable') === '1' || undefined,
    grade: params.get('grade') || undefined,
    places: params.get('places') === '1' || undefined,
    lat: num(params.get('lat')),
    lng: num(params.get('lng')),
    radius: num(params.get('radius')),
    sort: SORTS.find((s) => s === sort),
    page: num(params.get('page')),
  };
}

/** Write the search back as URL parameters, leaving out what is unset. */
export function toParams(search: DirectorySearch): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    params.set(key, value === true ? '1' : String(value));
  }
  return params;
}

/** The API query for a search; distance sorting needs a point, else results come by name. */
export function toFilters(search: DirectorySearch, page: number, pageSize: number): DirectoryFilters {
  const hasPoint = search.lat !== undefined && search.lng !== undefined;
  return {
    q: search.q,
    regionCode: search.region,
    kind: search.kind,
    careForm: search.careForm,
    ageMonths: search.age,
    affordable: search.affordable,
    grade: search.grade,
    hasPlaces: search.places,
    lat: hasPoint ? search.lat : undefined,
    lng: hasPoint ? search.lng : undefined,
    radiusKm: hasPoint ? search.radius : undefined,
    sort:
      search.sort === 'distance' && !hasPoint
        ? undefined
        : (search.sort ?? (hasPoint ? 'distance' : undefined)),
    page,
    pageSize,
  };
}
