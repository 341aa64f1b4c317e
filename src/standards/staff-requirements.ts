/**
 * Who may work in a childcare institution (托育机构设置标准（试行）2019, STANDARDS §1): roles, the
 * certificates each must hold, and when those certificates run out. Data plus pure checks, so a
 * staff list shows every missing or expiring certificate before an inspector finds it.
 */

export const STAFF_ROLES = ['head', 'carer', 'health', 'guard', 'cook', 'teacher', 'other'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

type Names = { readonly 'zh-CN': string; readonly en: string };

export const STAFF_ROLE_NAMES = {
  head: { 'zh-CN': '机构负责人', en: 'Head of institution' },
  carer: { 'zh-CN': '保育人员', en: 'Carer' },
  health: { 'zh-CN': '卫生保健人员', en: 'Health staff' },
  guard: { 'zh-CN': '保安人员', en: 'Security guard' },
  cook: { 'zh-CN': '炊事人员', en: 'Cook' },
  teacher: { 'zh-CN': '育婴/早教人员', en: 'Early-education teacher' },
  other: { 'zh-CN': '其他人员', en: 'Other staff' },
} as const satisfies Record<StaffRole, Names>;

/**
 * Certificate kinds with their names and default validity in months (null = does not expire).
 * The default fills in an expiry date when only the issue date was recorded.
 */
export const CERTIFICATE_KINDS = {
  health_certificate: { 'zh-CN': '健康合格证明', en: 'Health certificate', validityMonths: 12 },
  no_criminal_record: {
    'zh-CN': '无犯罪记录证明',
    en: 'No-criminal-record certificate',
    validityMonths: null,
  },
  carer_training: { 'zh-CN': '保育人员培训合格证明', en: 'Carer training certificate', validityMonths: null },
  head_training: { 'zh-CN': '机构负责人培训合格证明', en: 'Head training certificate', validityMonths: null },
  first_aid: { 'zh-CN': '急救培训证书', en: 'First-aid certificate', validityMonths: 36 },
  fire_safety: { 'zh-CN': '消防安全培训证明', en: 'Fire-safety training certificate', validityMonths: null },
  food_safety: { 'zh-CN': '食品安全培训证明', en: 'Food-safety training certificate', validityMonths: null },
  guard_licence: { 'zh-CN': '保安员证', en: 'Security guard licence', validityMonths: null },
  health_staff_training: {
    'zh-CN': '妇幼保健机构卫生保健培训合格证明',
    en: 'Health staff training (maternal and child health institution)',
    validityMonths: null,
  },
  diploma: { 'zh-CN': '学历证书', en: 'Diploma', validityMonths: null },
} as const satisfies Record<string, Names & { validityMonths: number | null }>;
export type CertificateKind = keyof typeof CERTIFICATE_KINDS;
export const CERTIFICATE_KIND_KEYS = Object.keys(CERTIFICATE_KINDS) as CertificateKind[];

/** Education levels, lowest first; the head needs `college` (大专) or higher. */
export const EDUCATION_LEVELS = [
  'primary',
  'junior_secondary',
  'senior_secondary',
  'secondary_vocational',
  'college',
  'bachelor',
  'master',
  'doctorate',
] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

/** Certificates every staff member holds, whatever the role. */
export const CERTIFICATES_FOR_ALL = ['health_certificate', 'no_criminal_record'] as const;

/** Certificates a role needs on top of `CERTIFICATES_FOR_ALL`. */
export const CERTIFICATES_BY_ROLE = {
  head: ['head_training', 'diploma'],
  carer: ['carer_training', 'first_aid', 'fire_safety', 'food_safety'],
  health: ['health_staff_training'],
  guard: ['guard_licence'],
  cook: [],
  teacher: [],
  other: [],
} as const satisfies Record<StaffRole, readonly CertificateKind[]>;

/** What the head needs besides certificates. */
export const HEAD_REQUIREMENTS = { minEducation: 'college', minManagementYears: 3 } as const;

/** Every certificate a staff member in `role` must hold. */
export function requiredCertificates(role: StaffRole): CertificateKind[] {
  return [...CERTIFICATES_FOR_ALL, ...CERTIFICATES_BY_ROLE[role]];
}

export interface StaffCertificate {
  kind: CertificateKind;
  /** YYYY-MM-DD, or null when unknown. */
  issuedOn?: string | null;
  /** YYYY-MM-DD, last day of validity; null = take the kind's default validity from `issuedOn`. */
  expiresOn?: string | null;
}

export interface StaffForCheck {
  role: StaffRole;
  education?: EducationLevel | null;
  managementYears?: number | null;
  certificates: readonly StaffCertificate[];
}

export type StaffRule =
  | 'staff.certificate_missing'
  | 'staff.certificate_expired'
  | 'staff.certificate_expiring'
  | 'staff.head_education'
  | 'staff.head_management_years';

/** One finding about a staff member: a stable rule code, how serious, and the facts behind it. */
export interface StaffIssue {
  rule: StaffRule;
  severity: 'error' | 'warning';
  params: Record<string, string | number | null>;
}

const DAY_MS = 86_400_000;

function dayMs(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

/** The last day a certificate is valid: its own `expiresOn`, else issue date + default validity − 1 day. */
export function certificateExpiry(certificate: StaffCertificate): string | null {
  if (certificate.expiresOn) return certificate.expiresOn;
  const months = CERTIFICATE_KINDS[certificate.kind].validityMonths;
  if (months === null || !certificate.issuedOn) return null;
  const [y, m, d] = certificate.issuedOn.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return new Date(target.getTime() - DAY_MS).toISOString().slice(0, 10);
}

/**
 * Everything wrong, or soon wrong, with one staff member on `today` (YYYY-MM-DD): a required
 * certificate missing or expired is an error; any certificate running out within `warnDays`
 * is a warning (a certificate the role does not need is only ever a warning); a head without
 * a college diploma or 3 years of management is an error. Of several certificates of one kind
 * the one valid longest counts. A certificate is valid through its `expiresOn` day.
 */
export function checkStaff(staff: StaffForCheck, today: string, warnDays = 30): StaffIssue[] {
  const issues: StaffIssue[] = [];
  const required = new Set<CertificateKind>(requiredCertificates(staff.role));
  const latest = new Map<CertificateKind, string | null>();
  for (const cert of staff.certificates) {
    const expiry = certificateExpiry(cert);
    const known = latest.get(cert.kind);
    if (!latest.has(cert.kind) || (known !== null && (expiry === null || expiry > known!)))
      latest.set(cert.kind, expiry);
  }
  for (const kind of required) {
    if (!latest.has(kind))
      issues.push({ rule: 'staff.certificate_missing', severity: 'error', params: { kind } });
  }
  for (const [kind, expiresOn] of latest) {
    if (expiresOn === null) continue;
    const daysLeft = Math.round((dayMs(expiresOn) - dayMs(today)) / DAY_MS);
    if (daysLeft < 0) {
      const severity = required.has(kind) ? 'error' : 'warning';
      issues.push({ rule: 'staff.certificate_expired', severity, params: { kind, expiresOn } });
    } else if (daysLeft <= warnDays) {
      issues.push({
        rule: 'staff.certificate_expiring',
        severity: 'warning',
        params: { kind, expiresOn, daysLeft },
      });
    }
  }
  if (staff.role === 'head') {
    const education = staff.education ?? null;
    const minRank = EDUCATION_LEVELS.indexOf(HEAD_REQUIREMENTS.minEducation);
    if (education === null || EDUCATION_LEVELS.indexOf(education) < minRank) {
      issues.push({
        rule: 'staff.head_education',
        severity: 'error',
        params: { education, required: HEAD_REQUIREMENTS.minEducation },
      });
    }
    const years = staff.managementYears ?? 0;
    if (years < HEAD_REQUIREMENTS.minManagementYears) {
      issues.push({
        rule: 'staff.head_management_years',
        severity: 'error',
        params: { managementYears: years, required: HEAD_REQUIREMENTS.minManagementYears },
      });
    }
  }
  return issues;
}

/**
 * Health staff an institution with `children` enrolled needs: one for every `perChildren`
 * children or part of it (a setting, default 150). Below `perChildren` the one may be part-time;
 * at or above it they are full-time.
 */
export function healthStaffRequired(children: number, perChildren = 150): number {
  if (children <= 0) return 0;
  return Math.ceil(children / perChildren);
}
