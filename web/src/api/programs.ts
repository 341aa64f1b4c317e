import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from './client';

export interface Eligibility {
  minAge?: number;
  maxAge?: number;
  anyFlags?: string[];
  allFlags?: string[];
  grades?: string[];
  residence?: string;
}

export type Benefit =
  | { kind: 'monthly_amount'; amount: number }
  | { kind: 'service_quota'; minutesPerMonth: number; items?: string[] }
  | { kind: 'cost_share'; percent: number; capPerMonth: number }
  | { kind: 'meal_discount'; perMeal: number; mealsPerMonth?: number };

export interface Program {
  id: string;
  regionPrefix: string;
  code: string;
  name: string;
  description: string | null;
  eligibility: Eligibility;
  benefit: Benefit;
  autoEnrol: boolean;
  startsOn: string;
  endsOn: string | null;
  status: 'active' | 'retired';
  editable: boolean;
  eligibleCount: number;
  enrolledCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface ProgramInput {
  regionPrefix?: string;
  code?: string;
  name: string;
  description?: string | null;
  eligibility: Eligibility;
  benefit: Benefit;
  autoEnrol: boolean;
  startsOn: string;
  endsOn?: string | null;
  status?: 'active' | 'retired';
}

export interface EvaluateResult {
  regionCode: string;
  onDay: string;
  evaluated: number;
  eligible: number;
  enrolled: number;
  ended: number;
}

export interface EntitlementsResult {
  month: string;
  regionCode: string;
  created: number;
  total: number;
}

export interface CoverageCounts {
  eligible: number;
  enrolled: number;
  served: number;
  eligibleNotEnrolled: number;
  enrolledNotServed: number;
  enrolledNotEligible: number;
}

export interface CoverageView {
  regionCode: string;
  month: string;
  programs: { id: string; code: string; name: string; kind: string; autoEnrol: boolean; services: boolean }[];
  townships: (CoverageCounts & { code: string; name: string | null })[];
  totals: CoverageCounts;
}

export const COVERAGE_LISTS = [
  'eligible_not_enrolled',
  'enrolled_not_served',
  'enrolled_not_eligible',
] as const;
export type CoverageList = (typeof COVERAGE_LISTS)[number];

export interface CoverageItem {
  list: CoverageList;
  personId: string;
  name: string;
  idNumber: string;
  regionCode: string;
  townshipCode: string;
  programId: string;
  programCode: string;
  programName: string;
  autoEnrol: boolean;
  enrolmentId: string | null;
  enrolledOn: string | null;
  failed: string[];
}

export interface CoverageFilters {
  regionCode?: string;
  month?: string;
  programId?: string;
}

export function usePrograms(regionCode?: string) {
  return useQuery({
    queryKey: ['programs', 'list', regionCode ?? ''],
    queryFn: () => api<{ items: Program[] }>(withQuery('/api/programs', { regionCode })),
  });
}

export function useSaveProgram(id: string | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ProgramInput) =>
      id
        ? api<Program>(`/api/programs/${id}`, { method: 'PATCH', body })
        : api<Program>('/api/programs', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['programs'] }),
  });
}

export function useEvaluateProgram() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<EvaluateResult>(`/api/programs/${id}/evaluate`, { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['programs'] }),
  });
}

export function useGenerateEntitlements() {
  return useMutation({
    mutationFn: ({ id, month }: { id: string; month: string }) =>
      api<EntitlementsResult>(`/api/programs/${id}/entitlements`, { method: 'POST', query: { month } }),
  });
}

export function useEnrol() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ programId, personId }: { programId: string; personId: string }) =>
      api(`/api/programs/${programId}/enrolments`, { method: 'POST', body: { personId } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['programs'] }),
  });
}

export function useEndEnrolment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      programId,
      enrolmentId,
      reason,
    }: {
      programId: string;
      enrolmentId: string;
      reason: string;
    }) =>
      api(`/api/programs/${programId}/enrolments/${enrolmentId}/end`, { method: 'POST', body: { reason } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['programs'] }),
  });
}

export function useCoverage(filters: CoverageFilters) {
  return useQuery({
    queryKey: ['programs', 'coverage', filters],
    queryFn: () => api<CoverageView>(withQuery('/api/programs/coverage', { ...filters })),
  });
}

export function useCoveragePeople(
  filters: CoverageFilters & { list: CoverageList; page: number; pageSize: number },
) {
  return useQuery({
    queryKey: ['programs', 'coverage-people', filters],
    queryFn: () =>
      api<{ items: CoverageItem[]; total: number; page: number; pageSize: number }>(
        withQuery('/api/programs/coverage/people', { ...filters }),
      ),
  });
}

export interface PersonProgram {
  program: Pick<Program, 'id' | 'regionPrefix' | 'code' | 'name' | 'benefit' | 'autoEnrol' | 'status'>;
  eligibility: { eligible: boolean; reasons: string[]; evaluatedAt: string | null };
  enrolments: {
    id: string;
    status: 'enrolled' | 'ended';
    enrolledOn: string;
    endedOn: string | null;
    endedReason: string | null;
  }[];
  entitlements: {
    month: string;
    amount: number;
    quotaMinutes: number;
    used: number;
    usedMinutes: number;
    left: number;
    leftMinutes: number;
  }[];
}

/** A person's programs: eligibility with reasons, enrolments, entitlements used and left. */
export function usePersonPrograms(personId: string | null) {
  return useQuery({
    queryKey: ['programs', 'person', personId],
    enabled: Boolean(personId),
    queryFn: () => api<{ personId: string; items: PersonProgram[] }>(`/api/roster/${personId}/programs`),
  });
}
