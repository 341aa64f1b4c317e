import type { Institution, InstitutionFunction, InstitutionInput } from '../../api/types';
import { priceItemsFor, sectorsOf } from '../../lib/care-codes';

/** The InstitutionInput fields the form edits (and compares to find what changed). */
export const INPUT_FIELDS = [
  'name',
  'kind',
  'operator',
  'creditCode',
  'legalRepresentative',
  'affordable',
  'priceCap',
  'regionCode',
  'address',
  'lat',
  'lng',
  'floor',
  'phone',
  'openingHours',
  'careForms',
  'prices',
  'minAgeMonths',
  'maxAgeMonths',
  'description',
  'chainOperator',
  'entrustedBy',
] as const satisfies readonly (keyof InstitutionInput)[];

export type EditValues = Omit<InstitutionInput, 'openingHours'> & {
  hours: Record<string, string | undefined>;
  functions: InstitutionFunction[];
};

export function fromInstitution(inst: Institution): EditValues {
  const { openingHours, ...rest } = inst;
  return { ...rest, hours: { ...(openingHours ?? {}) }, functions: inst.functions.map((f) => ({ ...f })) };
}

const text = (value: string | null | undefined) => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};
const num = (value: number | null | undefined) => (value === undefined || value === null ? null : value);

/** Form values as an InstitutionInput: trimmed, empty as null, prices only for what the kind offers. */
export function toInput(values: EditValues): InstitutionInput {
  const careForms = sectorsOf(values.kind).childcare ? (values.careForms ?? []) : [];
  const prices: Record<string, number> = {};
  for (const item of priceItemsFor(values.kind, careForms)) {
    const price = values.prices?.[item];
    if (typeof price === 'number') prices[item] = price;
  }
  const openingHours: Record<string, string> = {};
  for (const [day, value] of Object.entries(values.hours ?? {}))
    if (value?.trim()) openingHours[day] = value.trim();
  return {
    name: values.name.trim(),
    kind: values.kind,
    operator: values.operator,
    creditCode: text(values.creditCode),
    legalRepresentative: text(values.legalRepresentative),
    affordable: !!values.affordable,
    priceCap: values.affordable ? num(values.priceCap) : null,
    regionCode: values.regionCode,
    address: values.address?.trim() ?? '',
    lat: num(values.lat),
    lng: num(values.lng),
    floor: num(values.floor),
    phone: text(values.phone),
    openingHours,
    careForms,
    prices,
    minAgeMonths: num(values.minAgeMonths),
    maxAgeMonths: num(values.maxAgeMonths),
    description: text(values.description),
    chainOperator: text(values.chainOperator),
    entrustedBy: text(values.entrustedBy),
  };
}
