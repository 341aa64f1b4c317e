/**
 * Roles as data. An official's level says which length of region code scopes it;
 * `rank` orders who may create whom (only strictly lower ranks, same department).
 */
export const LEVELS = {
  province: { depth: 1, digits: 2 },
  city: { depth: 2, digits: 4 },
  county: { depth: 3, digits: 6 },
  township: { depth: 4, digits: 9 },
  community: { depth: 5, digits: 12 },
} as const;
export type Level = keyof typeof LEVELS;

export const DEPARTMENTS = ['health', 'civil'] as const;
export type Department = (typeof DEPARTMENTS)[number];

interface RoleSpec {
  /** resident · institution · official · admin */
  kind: 'resident' | 'institution' | 'official' | 'admin';
  rank: number;
  /** Officials: the level whose region code scopes them; specialists may sit at any level up to county. */
  level?: Level;
  department?: Department;
  /** Specialists (assessor, inspector) are scoped by a region of any level from county down. */
  specialist?: boolean;
}

export const ROLES = {
  resident: { kind: 'resident', rank: 0 },
  institution_staff: { kind: 'institution', rank: 0 },
  institution_admin: { kind: 'institution', rank: 1 },
  community_worker: { kind: 'official', rank: 1, level: 'community', department: 'civil' },
  assessor: { kind: 'official', rank: 1, department: 'civil', specialist: true },
  inspector: { kind: 'official', rank: 1, specialist: true },
  health_township: { kind: 'official', rank: 2, level: 'township', department: 'health' },
  civil_township: { kind: 'official', rank: 2, level: 'township', department: 'civil' },
  health_county: { kind: 'official', rank: 3, level: 'county', department: 'health' },
  civil_county: { kind: 'official', rank: 3, level: 'county', department: 'civil' },
  health_city: { kind: 'official', rank: 4, level: 'city', department: 'health' },
  civil_city: { kind: 'official', rank: 4, level: 'city', department: 'civil' },
  health_province: { kind: 'official', rank: 5, level: 'province', department: 'health' },
  civil_province: { kind: 'official', rank: 5, level: 'province', department: 'civil' },
  sysadmin: { kind: 'admin', rank: 9 },
} as const satisfies Record<string, RoleSpec>;

export type Role = keyof typeof ROLES;
export const ROLE_KEYS = Object.keys(ROLES) as Role[];

export function roleSpec(role: Role): RoleSpec {
  return ROLES[role];
}

/** Permissions a role holds. Scope still applies on top of every one of them. */
export const PERMISSIONS = {
  'regions.read': ROLE_KEYS,
  'regions.stats': ROLE_KEYS.filter((r) => ROLES[r].kind === 'official' || r === 'sysadmin'),
  'regions.population.import': [
    'health_county',
    'civil_county',
    'health_city',
    'civil_city',
    'health_province',
    'civil_province',
    'sysadmin',
  ],
  'regions.codes.import': ['sysadmin'],
  'accounts.read': ROLE_KEYS.filter(
    (r) => ROLES[r].rank >= 1 && r !== 'community_worker' && !isSpecialist(r),
  ),
  'accounts.manage': ROLE_KEYS.filter(
    (r) => ROLES[r].rank >= 1 && r !== 'community_worker' && !isSpecialist(r),
  ),
  'audit.read': ROLE_KEYS.filter((r) => ROLES[r].rank >= 1 && !isSpecialist(r)),
  /** Read the register (scope still applies: officials their region, institution users their own). */
  'institutions.read': ROLE_KEYS.filter((r) => ROLES[r].kind !== 'resident'),
  /** Create and change institutions of the caller's department (county level and up). */
  'institutions.manage': ROLE_KEYS.filter(
    (r) => r === 'sysadmin' || (ROLES[r].kind === 'official' && ROLES[r].rank >= 3),
  ),
  /** Acknowledge, return and approve filings (county level and up, the supervising department). */
  'filings.review': ROLE_KEYS.filter(
    (r) => r === 'sysadmin' || (ROLES[r].kind === 'official' && ROLES[r].rank >= 3),
  ),
  /**
   * Read an institution's classes, staff (masked), certificates and compliance: its own users, the
   * officials of the department supervising its kind (childcare: health), the system administrator.
   */
  'institutions.staffing.read': [
    'institution_staff',
    'institution_admin',
    'health_township',
    'health_county',
    'health_city',
    'health_province',
    'civil_township',
    'civil_county',
    'civil_city',
    'civil_province',
    'sysadmin',
  ],
  /** Change an institution's classes, staff and certificates: its admin and the system administrator. */
  'institutions.staffing.manage': ['institution_admin', 'sysadmin'],
  /** Read the roster of older people (civil affairs officials, community workers, assessors; scoped). */
  'people.read': ROLE_KEYS.filter(
    (r) => r === 'sysadmin' || ('department' in ROLES[r] && ROLES[r].department === 'civil'),
  ),
  /** Import department files into the roster and resolve its conflicts (civil affairs, county and up). */
  'people.manage': ['civil_county', 'civil_city', 'civil_province', 'sysadmin'],
  /** See a person's full ID number (audited each time). */
  'people.reveal_id': ['civil_county', 'civil_city', 'civil_province', 'sysadmin'],
  /** Keep a household and book care, appointments and meals for its members. */
  'bookings.book': ['resident'],
  /** Publish places (offers), see the institution's bookings and waitlist: its admin and staff. */
  'bookings.manage': ['institution_admin', 'institution_staff', 'sysadmin'],
  /** Roster carers into classes, check children in and out, record health checks, see the room board. */
  'attendance.manage': ['institution_admin', 'institution_staff', 'sysadmin'],
  /** Read one's own notifications (everyone signed in). */
  'notifications.read': ROLE_KEYS,
  /** Record capability assessments (assessors; civil affairs county level and up; scoped). */
  'assessments.manage': ['assessor', 'civil_county', 'civil_city', 'civil_province', 'sysadmin'],
  /** Define a region's programs (subsidies, service quotas) and run evaluations (civil affairs, county and up). */
  'programs.manage': ['civil_county', 'civil_city', 'civil_province', 'sysadmin'],
  /** Define the door-to-door service menu of a region (civil affairs, county and up). */
  'homecare.menu.manage': ['civil_county', 'civil_city', 'civil_province', 'sysadmin'],
  /** Place door-to-door service orders for older people (community workers, civil affairs officials). */
  'homecare.order': [
    'community_worker',
    'civil_township',
    'civil_county',
    'civil_city',
    'civil_province',
    'sysadmin',
  ],
  /** A provider's side of orders: offer menu items, assign caregivers, check in and out (its own users). */
  'homecare.provide': ['institution_admin', 'institution_staff', 'sysadmin'],
  /** Approve or reject visit exceptions and produce settlements (civil affairs, township and up). */
  'homecare.review': ['civil_township', 'civil_county', 'civil_city', 'civil_province', 'sysadmin'],
  /** Record duty-of-care contacts and see the overdue queue (community workers, civil affairs). */
  'care.contacts': [
    'community_worker',
    'civil_township',
    'civil_county',
    'civil_city',
    'civil_province',
    'sysadmin',
  ],
  /** Change a region's settings (rules that differ by region), inside the caller's scope. */
  'settings.manage': ['health_city', 'civil_city', 'health_province', 'civil_province', 'sysadmin'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

function isSpecialist(role: Role): boolean {
  return 'specialist' in ROLES[role] && (ROLES[role] as RoleSpec).specialist === true;
}

export function hasPermission(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** The region-code lengths a role's scope may have. */
export function allowedScopeDigits(role: Role): number[] {
  const spec = ROLES[role] as RoleSpec;
  if (spec.kind === 'admin') return [0, 2, 4, 6, 9, 12];
  if (spec.kind === 'institution') return [12];
  if (spec.kind === 'resident') return [0, 2, 4, 6, 9, 12];
  if (spec.specialist) return [6, 9, 12];
  return [LEVELS[spec.level!].digits];
}
