/** Shapes the doorstep API answers with (see docs/API.md). */

export type AccountStatus = 'active' | 'disabled';

export interface Account {
  id: string;
  username: string;
  displayName: string;
  role: string;
  regionCode: string;
  regionName: string | null;
  institutionId: string | null;
  institutionName: string | null;
  /** Already masked by the server, e.g. 138****5678. */
  phone: string | null;
  status: AccountStatus;
  locked: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  mustChangePassword: boolean;
  createdAt: string;
}

export interface Me {
  account: Account;
  csrfToken: string;
  permissions: string[];
}

export interface LoginResult {
  account: Account;
  csrfToken: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface RoleInfo {
  role: string;
  kind: 'resident' | 'institution' | 'official' | 'admin';
  level: string | null;
  department: string | null;
  rank: number;
  creatable: boolean;
}

export interface Region {
  code: string;
  name: string;
  /** 1 province · 2 city · 3 county · 4 township/street · 5 village/community */
  level: number;
  parentCode: string | null;
  childCount: number;
}

export interface RegionSearchHit extends Region {
  fullName: string;
}

export interface RegionDetail extends Region {
  /** Ancestors, province first. */
  path: Region[];
}

export interface Population {
  year: number;
  residents: number;
  childrenUnder3: number;
  aged60Plus: number;
  aged80Plus: number;
  source: string | null;
}

export interface RegionStats {
  code: string;
  name: string;
  year: number;
  population: Population | null;
  children: (Region & { population: Population | null })[];
}

export interface AuditEntry {
  id: number | string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  regionCode: string;
  before: unknown;
  after: unknown;
  ip: string | null;
  userAgent: string | null;
}

/** Result of a dry-run or real import (population, institutions): nothing is written when any row is bad. */
export interface ImportResult {
  dryRun: boolean;
  rows: number;
  valid: number;
  written: number;
  errors: { row: number; field: string; message: string }[];
}

export * from './care-types';
