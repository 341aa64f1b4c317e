/**
 * Queries of the institutions register, filing, classes, staff and compliance (docs/API.md).
 * Mutations live with the forms that make them; they invalidate by the keys named here.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { get, withQuery } from './client';
import type {
  Capacity,
  ChildcareClass,
  Compliance,
  Filing,
  FilingQueueItem,
  Institution,
  InstitutionSummary,
  Page,
  Setting,
  StaffMember,
  Upload,
} from './types';

/** Query keys of the institutions pages, so invalidation names what it means. */
export const careKeys = {
  institutions: (filters: object) => ['institutions', 'list', filters] as const,
  institution: (id: string) => ['institutions', 'detail', id] as const,
  /** Everything hanging off one institution (classes, staff, uploads, filings…). */
  ofInstitution: (id: string) => ['institution', id] as const,
  uploads: (id: string) => ['institution', id, 'uploads'] as const,
  capacity: (id: string) => ['institution', id, 'capacity'] as const,
  classes: (id: string) => ['institution', id, 'classes'] as const,
  staff: (id: string) => ['institution', id, 'staff'] as const,
  compliance: (id: string) => ['institution', id, 'compliance'] as const,
  filingsOf: (id: string) => ['institution', id, 'filings'] as const,
  filing: (id: string) => ['filings', 'detail', id] as const,
  queue: (filters: object) => ['filings', 'queue', filters] as const,
};

/** Filters of the register list (and its export). */
export interface InstitutionFilters {
  q?: string;
  kind?: string;
  status?: string;
  regionCode?: string;
  affordable?: boolean;
  page: number;
  pageSize: number;
}

/** The register in the caller's scope, a page at a time. */
export function useInstitutions(filters: InstitutionFilters) {
  return useQuery({
    queryKey: careKeys.institutions(filters),
    queryFn: () => get<Page<InstitutionSummary>>('/api/institutions', { ...filters }),
    placeholderData: keepPreviousData,
  });
}

/** The XLSX export of the register with the same filters as the list (the browser downloads it). */
export function institutionsExportUrl(filters: Omit<InstitutionFilters, 'page' | 'pageSize'>, lang: string) {
  return withQuery('/api/institutions/export.xlsx', { ...filters, lang: lang === 'en' ? 'en' : undefined });
}

/** One institution in full (the caller's own, or one in the official's region). */
export function useInstitution(id: string | null | undefined) {
  return useQuery({
    queryKey: careKeys.institution(id ?? ''),
    queryFn: () => get<Institution>(`/api/institutions/${id}`),
    enabled: !!id,
  });
}

/** Every stored file of an institution (materials, photos, certificate scans). */
export function useUploads(id: string) {
  return useQuery({
    queryKey: careKeys.uploads(id),
    queryFn: () => get<{ items: Upload[] }>(`/api/institutions/${id}/uploads`).then((r) => r.items),
  });
}

/** Licensed, enrolled and free places by class type and function. */
export function useCapacity(id: string) {
  return useQuery({
    queryKey: careKeys.capacity(id),
    queryFn: () => get<Capacity>(`/api/institutions/${id}/capacity`),
  });
}

/** Childcare classes with their carer-ratio check. */
export function useClasses(id: string) {
  return useQuery({
    queryKey: careKeys.classes(id),
    queryFn: () => get<{ items: ChildcareClass[] }>(`/api/institutions/${id}/classes`).then((r) => r.items),
  });
}

/** Staff with masked ID numbers, certificates and findings. */
export function useStaff(id: string) {
  return useQuery({
    queryKey: careKeys.staff(id),
    queryFn: () => get<{ items: StaffMember[] }>(`/api/institutions/${id}/staff`).then((r) => r.items),
  });
}

/** What breaks or soon breaks the standards. */
export function useCompliance(id: string) {
  return useQuery({
    queryKey: careKeys.compliance(id),
    queryFn: () => get<Compliance>(`/api/institutions/${id}/compliance`),
  });
}

/** Every filing of an institution, newest first. */
export function useInstitutionFilings(id: string) {
  return useQuery({
    queryKey: careKeys.filingsOf(id),
    queryFn: () => get<{ items: Filing[] }>(`/api/institutions/${id}/filings`).then((r) => r.items),
  });
}

/** One filing with its materials, allowed actions and events. */
export function useFiling(id: string | null | undefined) {
  return useQuery({
    queryKey: careKeys.filing(id ?? ''),
    queryFn: () => get<Filing>(`/api/filings/${id}`),
    enabled: !!id,
  });
}

/** Filters of the authority's work queue. */
export interface QueueFilters {
  status?: string;
  dueWithinDays?: number;
}

/** Filings of the official's region waiting on the authority, soonest deadline first. */
export function useFilingQueue(filters: QueueFilters = {}, enabled = true) {
  return useQuery({
    queryKey: careKeys.queue(filters),
    queryFn: () => get<{ items: FilingQueueItem[] }>('/api/filings/queue', { ...filters }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Where a stored file is downloaded from (scoped and audited by the server). */
export const uploadUrl = (id: string) => `/api/uploads/${id}`;

/** A rule that differs by region (e.g. `childcare.class_rules`), as in force for `regionCode`. */
export function useSetting<T>(key: string, regionCode?: string) {
  return useQuery({
    queryKey: ['settings', key, regionCode ?? ''],
    queryFn: () => get<Setting<T>>(`/api/settings/${encodeURIComponent(key)}`, { regionCode }),
    staleTime: 10 * 60_000,
  });
}
