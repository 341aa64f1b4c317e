import { maskPhone } from '../../lib/mask.js';
import type { FieldCipher } from '../../lib/secrets.js';
import { type Lang, translate } from '../../server/i18n.js';
import { maskIdNumber } from '../../standards/id-number.js';
import type { StaffIssue } from '../../standards/staff-requirements.js';
import type { CertificateRow, StaffRow } from './staff.repo.js';
import type { CertificateView, StaffIssueView, StaffView } from './staff.schema.js';
import { certificateKindName, staffRoleName } from './staffing.access.js';

const DAY_MS = 86_400_000;

/** Whole days from `today` to `day` (both YYYY-MM-DD); negative when `day` has passed. */
export function daysBetween(today: string, day: string): number {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
}

/** A certificate as the API shows it, with the kind named and the days left. */
export function presentCertificate(row: CertificateRow, today: string, lang: Lang): CertificateView {
  return {
    id: row.id,
    staffId: row.staffId,
    kind: row.kind,
    kindName: certificateKindName(row.kind, lang),
    number: row.number,
    issuedOn: row.issuedOn,
    expiresOn: row.expiresOn,
    daysLeft: row.expiresOn ? daysBetween(today, row.expiresOn) : null,
  };
}

/** A finding of `checkStaff` (or of compliance), translated, with the kind named in the message. */
export function presentIssue(issue: StaffIssue, lang: Lang): StaffIssueView {
  const kind = issue.params.kind;
  const params = {
    ...issue.params,
    ...(typeof kind === 'string' ? { kindName: certificateKindName(kind, lang) } : {}),
  };
  return {
    rule: issue.rule,
    severity: issue.severity,
    message: translate(issue.rule, lang, params),
    params: issue.params,
  };
}

/**
 * A staff member as the API shows them. The ID number is decrypted only to be masked
 * (`130102********1234`) and the phone is masked: neither leaves the server in full.
 */
export function presentStaff(
  row: StaffRow,
  extra: {
    className: string | null;
    certificates: CertificateView[];
    warnings: StaffIssueView[];
    cipher: FieldCipher;
    lang: Lang;
  },
): StaffView {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    roleName: staffRoleName(row.role, extra.lang),
    idNumber: row.idNumberCipher ? maskIdNumber(extra.cipher.decrypt(row.idNumberCipher)) : null,
    phone: maskPhone(row.phone),
    education: row.education,
    managementYears: row.managementYears,
    classId: row.classId,
    className: extra.className,
    hiredOn: row.hiredOn,
    status: row.status,
    certificates: extra.certificates,
    warnings: extra.warnings,
  };
}

/** What the audit trail keeps of a staff member: no ID number, not even its cipher; phone masked. */
export function staffSnapshot(row: StaffRow) {
  return {
    name: row.name,
    role: row.role,
    idNumber: row.idNumberCipher ? '[recorded]' : null,
    phone: maskPhone(row.phone),
    education: row.education,
    managementYears: row.managementYears,
    classId: row.classId,
    hiredOn: row.hiredOn,
    status: row.status,
  };
}
