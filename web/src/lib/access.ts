import type { Me } from '../api/types';

const INSTITUTION_ROLES = ['institution_admin', 'institution_staff'] as const;

/**
 * What the institutions pages may show this account, from the permissions in /api/auth/me
 * (src/modules/accounts/roles.ts). The server checks every request again; this only decides
 * what is offered.
 */
export function careAccess(me: Me) {
  const { role, institutionId } = me.account;
  const has = (permission: string) => me.permissions.includes(permission);
  const isInstitutionUser = (INSTITUTION_ROLES as readonly string[]).includes(role) && !!institutionId;
  return {
    /** "My institution" menu: an institution account's own record. */
    ownInstitution: isInstitutionUser,
    /** Edit the own profile, upload materials, submit filings, manage classes and staff. */
    manageOwn: isInstitutionUser && has('institutions.staffing.manage'),
    /** The register of institutions in the official's region. */
    register: !isInstitutionUser && has('institutions.read'),
    /** Classes, staff and compliance of an institution (officials of the supervising departments). */
    staffingRead: has('institutions.staffing.read'),
    /** Import institutions from a spreadsheet into the register. */
    importRegister: !isInstitutionUser && has('institutions.manage'),
    /** The filing work queue (acknowledge, return, approve). */
    reviewFilings: !isInstitutionUser && has('filings.review'),
  };
}

export type CareAccess = ReturnType<typeof careAccess>;
