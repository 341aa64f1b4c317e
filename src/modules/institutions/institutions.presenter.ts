import { kindSpec } from './institutions.kinds.js';
import type { FunctionRow, InstitutionRow } from './institutions.repo.js';
import type { InstitutionSummaryView, InstitutionView } from './institutions.schema.js';

/** What the presenter adds to a row: names, functions, counts and the filing the institution is in. */
export interface InstitutionExtras {
  regionName: string | null;
  functions: FunctionRow[];
  classesCount: number;
  staffCount: number;
  currentFiling: { id: string; kind: string; status: string } | null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The capacity a list shows: that of the kind's primary function (childcare places, beds…), if any. */
export function primaryCapacity(kind: string, functions: readonly FunctionRow[]): number | null {
  const primary = kindSpec(kind).primaryFunction;
  if (!primary) return null;
  return functions.find((f) => f.function === primary)?.capacity ?? null;
}

/** A row of the institution list; the fields are listed, nothing else leaves the server. */
export function presentSummary(
  row: InstitutionRow,
  regionName: string | null,
  functions: readonly FunctionRow[],
): InstitutionSummaryView {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    operator: row.operator,
    regionCode: row.regionCode,
    regionName,
    address: row.address,
    status: row.status,
    affordable: row.affordable,
    grade: row.grade,
    stars: row.stars,
    capacity: primaryCapacity(row.kind, functions),
    filedAt: iso(row.filedAt),
  };
}

/** One institution in full; the fields are listed, nothing else leaves the server. */
export function presentInstitution(row: InstitutionRow, extras: InstitutionExtras): InstitutionView {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    operator: row.operator,
    creditCode: row.creditCode,
    legalRepresentative: row.legalRepresentative,
    affordable: row.affordable,
    priceCap: row.priceCap,
    regionCode: row.regionCode,
    regionName: extras.regionName,
    address: row.address,
    lat: row.lat,
    lng: row.lng,
    floor: row.floor,
    phone: row.phone,
    openingHours: row.openingHours,
    careForms: row.careForms,
    prices: row.prices,
    minAgeMonths: row.minAgeMonths,
    maxAgeMonths: row.maxAgeMonths,
    description: row.description,
    chainOperator: row.chainOperator,
    entrustedBy: row.entrustedBy,
    grade: row.grade,
    stars: row.stars,
    status: row.status,
    functions: extras.functions,
    classesCount: extras.classesCount,
    staffCount: extras.staffCount,
    currentFiling: extras.currentFiling,
    filedAt: iso(row.filedAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The audit snapshot of an institution: its registered fields, without timestamps. */
export function institutionSnapshot(row: InstitutionRow, functions?: readonly FunctionRow[]) {
  const { createdAt: _c, updatedAt: _u, ...fields } = row;
  return functions ? { ...fields, functions } : fields;
}
