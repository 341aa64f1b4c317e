/**
 * Filing (备案) materials an institution hands to the authority (STANDARDS §1 for childcare;
 * civil-affairs practice for elderly-care institutions). Data, so the filing form lists exactly
 * what is still missing and the authority names it within 15 working days.
 */

type Names = { readonly 'zh-CN': string; readonly en: string };

/** Every material kind, with what it is in the words of the standard. */
export const FILING_MATERIALS = {
  business_licence: {
    'zh-CN': '营业执照或法人登记证书',
    en: 'Business licence or legal-person registration certificate',
  },
  premises_proof: {
    'zh-CN': '场地证明（自有产权或租期不少于3年）',
    en: 'Proof of premises (owned, or a lease of at least 3 years)',
  },
  staff_qualifications: { 'zh-CN': '人员资格证明', en: 'Staff qualification certificates' },
  staff_health_certificates: { 'zh-CN': '工作人员健康合格证明', en: 'Staff health certificates' },
  health_evaluation: { 'zh-CN': '卫生评价报告', en: 'Health evaluation report' },
  fire_safety: { 'zh-CN': '消防安全检查合格证明', en: 'Fire-safety inspection pass' },
  food_licence: {
    'zh-CN': '食品经营许可证（提供餐饮时）',
    en: 'Food business licence (when meals are served)',
  },
} as const satisfies Record<string, Names>;
export type FilingMaterialKind = keyof typeof FILING_MATERIALS;
export const FILING_MATERIAL_KINDS = Object.keys(FILING_MATERIALS) as FilingMaterialKind[];

/** Materials a childcare institution files (托育机构备案); `food_licence` is added when meals are served. */
export const CHILDCARE_FILING_MATERIALS = [
  'business_licence',
  'premises_proof',
  'staff_qualifications',
  'staff_health_certificates',
  'health_evaluation',
  'fire_safety',
] as const satisfies readonly FilingMaterialKind[];

/** Materials an elderly-care institution files with civil affairs; `food_licence` when meals are served. */
export const ELDERLY_FILING_MATERIALS = [
  'business_licence',
  'premises_proof',
  'fire_safety',
  'staff_qualifications',
] as const satisfies readonly FilingMaterialKind[];

/** Institution kinds filed with civil affairs under the elderly-care list. */
export const ELDERLY_FILING_KINDS = [
  'elderly_care_institution',
  'community_elderly_centre',
  'meal_point',
] as const;

export interface FilingSubject {
  /**
   * Institution kind: the kinds in `ELDERLY_FILING_KINDS` (or any starting with `elderly`) use the
   * civil-affairs list; every other kind, service complexes included, the stricter childcare list.
   */
  kind: string;
  servesMeals: boolean;
}

/** The materials an institution of this kind must file, in the order the form shows them. */
export function requiredMaterials(subject: FilingSubject): FilingMaterialKind[] {
  const elderly =
    (ELDERLY_FILING_KINDS as readonly string[]).includes(subject.kind) || subject.kind.startsWith('elderly');
  const base: readonly FilingMaterialKind[] = elderly ? ELDERLY_FILING_MATERIALS : CHILDCARE_FILING_MATERIALS;
  return subject.servesMeals ? [...base, 'food_licence'] : [...base];
}

/** Required materials not among `presentKinds`, in the order of `required`. */
export function missingMaterials(
  required: readonly FilingMaterialKind[],
  presentKinds: Iterable<string>,
): FilingMaterialKind[] {
  const present = new Set(presentKinds);
  return required.filter((kind) => !present.has(kind));
}
