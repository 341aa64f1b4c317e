/**
 * Shapes of the institutions, filing, classes/staff/compliance and public directory APIs
 * (docs/API.md). Re-exported from types.ts; kept apart so each file stays readable.
 */
import type { FilingAction, FilingStatus } from '../lib/care-codes';

export interface InstitutionFunction {
  function: string;
  capacity: number;
  unit: string;
}

/** What an operator or official fills in; the server checks every rule. */
export interface InstitutionInput {
  name: string;
  kind: string;
  operator: string;
  creditCode?: string | null;
  legalRepresentative?: string | null;
  affordable: boolean;
  /** Monthly full-day price cap in yuan for affordable places. */
  priceCap?: number | null;
  /** 12 digits: the community the institution sits in. */
  regionCode: string;
  address: string;
  lat?: number | null;
  lng?: number | null;
  floor?: number | null;
  phone?: string | null;
  /** e.g. { weekdays: '07:30-18:00', saturday: '08:00-12:00' } */
  openingHours?: Record<string, string>;
  careForms?: string[];
  /** Monthly prices in yuan per care form. */
  prices?: Record<string, number>;
  minAgeMonths?: number | null;
  maxAgeMonths?: number | null;
  description?: string | null;
  chainOperator?: string | null;
  entrustedBy?: string | null;
}

/** The filing an institution has open (or last had), as the institution record names it. */
export interface FilingRef {
  id: string;
  kind: string;
  status: FilingStatus;
  submittedAt?: string | null;
}

export interface Institution extends InstitutionInput {
  id: string;
  status: string;
  regionName: string | null;
  functions: InstitutionFunction[];
  classesCount: number;
  staffCount: number;
  currentFiling: FilingRef | null;
  filedAt: string | null;
  createdAt: string;
  updatedAt?: string;
  grade?: string | null;
  stars?: number | null;
}

export interface InstitutionSummary {
  id: string;
  name: string;
  kind: string;
  operator: string;
  regionCode: string;
  regionName: string | null;
  address: string;
  status: string;
  affordable: boolean;
  grade: string | null;
  stars: number | null;
  /** Childcare places or beds. */
  capacity: number | null;
  filedAt: string | null;
}

export interface Upload {
  id: string;
  kind: string;
  filename: string;
  mime: string;
  size: number;
  uploadedAt: string;
}

export interface FilingMaterial {
  kind: string;
  /** The material named in the caller's language. */
  name?: string;
  required: boolean;
  present: boolean;
  uploads: Upload[];
}

export interface FilingEvent {
  action: string;
  fromStatus: string;
  toStatus: string;
  actorName: string | null;
  comment: string | null;
  at: string;
}

export interface Filing {
  id: string;
  institutionId: string;
  institutionName: string;
  kind: string;
  status: FilingStatus;
  countyCode: string;
  changes: Record<string, unknown> | null;
  missingMaterials: string[];
  comment: string | null;
  submittedAt: string | null;
  /** YYYY-MM-DD: acknowledge within 5 working days of submission. */
  acknowledgeBy: string | null;
  /** YYYY-MM-DD: name missing materials within 15 working days. */
  reviewBy: string | null;
  acknowledgedAt: string | null;
  returnedAt: string | null;
  decidedAt: string | null;
  round: number;
  materials: FilingMaterial[];
  allowedActions: FilingAction[];
  events: FilingEvent[];
}

export interface FilingQueueItem {
  id: string;
  institutionId: string;
  institutionName: string;
  institutionKind: string;
  regionCode: string;
  kind: string;
  status: FilingStatus;
  countyCode: string;
  submittedAt: string | null;
  acknowledgeBy: string | null;
  reviewBy: string | null;
  round: number;
  nextDeadline: string | null;
  workingDaysLeft: number | null;
  overdue: boolean;
}

export interface ClassRatio {
  required: number;
  present: number;
  ok: boolean;
}

export interface ChildcareClass {
  id: string;
  name: string;
  type: string;
  capacity: number;
  enrolled: number;
  room: string | null;
  /** Carers assigned to the class (counted for the ratio). */
  carers: { id: string; name: string; role: string }[];
  ratio: ClassRatio;
  limits: { maxSize: number; minAgeMonths: number; maxAgeMonths: number; childrenPerCarer: number };
}

export interface Certificate {
  id: string;
  staffId: string;
  kind: string;
  /** The kind named in the caller's language. */
  kindName: string;
  number: string | null;
  issuedOn: string;
  /** null = does not expire. */
  expiresOn: string | null;
  /** Days from today (China) to the last valid day; negative once expired. */
  daysLeft: number | null;
}

/** A finding about one staff member (a missing or expiring certificate, the head's qualifications). */
export interface StaffWarning {
  rule: string;
  severity: 'error' | 'warning';
  message: string;
  params: Record<string, string | number | null>;
}

export interface StaffMember {
  id: string;
  name: string;
  role: string;
  roleName: string;
  /** Masked by the server. */
  idNumber: string | null;
  /** Masked by the server. */
  phone: string | null;
  education: string | null;
  managementYears: number | null;
  classId: string | null;
  className: string | null;
  hiredOn: string | null;
  status: string;
  certificates: Certificate[];
  warnings: StaffWarning[];
}

export interface ComplianceIssue {
  rule: string;
  severity: 'error' | 'warning';
  message: string;
  params: Record<string, string | number | boolean | null>;
  /** What the finding is about. */
  subject: { type: 'institution' | 'class' | 'staff'; id: string; name: string };
}

export interface Compliance {
  ok: boolean;
  issues: ComplianceIssue[];
}

export interface CapacityRow {
  classType: string;
  classes: number;
  licensed: number;
  enrolled: number;
  free: number;
}

export interface Capacity {
  childcare: CapacityRow[];
  functions: (InstitutionFunction & { used?: number; free?: number })[];
}

/** One institution in the public directory (filed institutions only). */
export interface DirectoryItem {
  id: string;
  name: string;
  kind: string;
  address: string;
  regionCode: string;
  regionName: string | null;
  lat: number | null;
  lng: number | null;
  distanceKm: number | null;
  affordable: boolean;
  priceCap: number | null;
  prices: Record<string, number>;
  careForms: string[];
  grade: string | null;
  stars: number | null;
  capacity: number | null;
  freePlaces: number | null;
  minAgeMonths: number | null;
  maxAgeMonths: number | null;
  phone: string | null;
  openingHours: Record<string, string>;
}

export interface DirectoryDetail extends DirectoryItem {
  description: string | null;
  functions: InstitutionFunction[];
  classes: { type: string; capacity: number; free: number }[];
  /** Upload ids, shown through /api/directory/photos/:uploadId. */
  photos: string[];
  inspectionSummary: unknown | null;
}

/** A GeoJSON FeatureCollection of a region's children; feature `id` is the region code. */
export interface GeoFeatureCollection {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    id?: string | number;
    properties: Record<string, unknown> & { name?: string; code?: string };
    geometry: unknown;
  }[];
}

export interface Setting<T = unknown> {
  key: string;
  regionPrefix: string;
  effectiveFrom: string;
  value: T;
}
