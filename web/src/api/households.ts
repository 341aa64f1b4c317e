/**
 * Residents and households (docs/API.md "Residents and households"): sign-up, the resident's own
 * household and its members. ID numbers and phones come back masked; the server decides kinds
 * and the health report's validity.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiError, del, get, patch, post } from './client';
import type { LoginResult } from './types';

export const RELATIONS = ['child', 'grandchild', 'spouse', 'parent', 'grandparent', 'other'] as const;
export type MemberRelation = 'self' | (typeof RELATIONS)[number];
export type MemberKind = 'child' | 'older' | 'adult';
export const VACCINATION_STATUSES = ['up_to_date', 'incomplete', 'unknown'] as const;
export const HEALTH_CHECK_RESULTS = ['passed', 'failed'] as const;

export interface Member {
  id: string;
  relation: MemberRelation | string;
  kind: MemberKind;
  name: string;
  sex: 'male' | 'female' | null;
  birthDate: string;
  ageMonths: number;
  /** Masked, e.g. 130102********1234. */
  idNumber: string | null;
  /** Masked, e.g. 139****0001. */
  phone: string | null;
  vaccinationStatus: (typeof VACCINATION_STATUSES)[number] | null;
  vaccinationCheckedOn: string | null;
  healthCheckOn: string | null;
  healthCheckResult: (typeof HEALTH_CHECK_RESULTS)[number] | null;
  healthCheckValidUntil: string | null;
  canPickUp: boolean;
}

export interface Household {
  /** null until the first change for residents whose account was made before sign-up existed. */
  id: string | null;
  regionCode: string | null;
  regionName: string | null;
  address: string | null;
  members: Member[];
}

/** What the member form sends; on edit only what changed, `null` clears. */
export interface MemberInput {
  relation?: string;
  name?: string;
  birthDate?: string;
  idNumber?: string | null;
  sex?: 'male' | 'female' | null;
  phone?: string | null;
  vaccinationStatus?: string | null;
  vaccinationCheckedOn?: string | null;
  healthCheckOn?: string | null;
  healthCheckResult?: string | null;
  canPickUp?: boolean;
}

export interface SignupInput {
  phone: string;
  password: string;
  name: string;
  idNumber?: string;
  birthDate?: string;
  sex?: 'male' | 'female';
  regionCode?: string;
  address?: string;
}

export const householdKeys = {
  household: ['household'] as const,
};

export function useHousehold() {
  return useQuery<Household, ApiError>({
    queryKey: householdKeys.household,
    queryFn: () => get<Household>('/api/household'),
  });
}

function useHouseholdMutation<T, V>(mutationFn: (values: V) => Promise<T>) {
  const queryClient = useQueryClient();
  return useMutation<T, ApiError, V>({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: householdKeys.household }),
  });
}

export function useUpdateHousehold() {
  return useHouseholdMutation((body: { regionCode?: string | null; address?: string | null }) =>
    patch<Household>('/api/household', body),
  );
}

/** Add a member (no `id`) or change one. */
export function useSaveMember() {
  return useHouseholdMutation(({ id, body }: { id?: string; body: MemberInput }) =>
    id ? patch<Member>(`/api/household/members/${id}`, body) : post<Member>('/api/household/members', body),
  );
}

export function useRemoveMember() {
  return useHouseholdMutation((id: string) => del(`/api/household/members/${id}`));
}

/** Sign up as a resident; the answer carries the new session's CSRF token (the cookie is set). */
export function useSignup() {
  return useMutation<LoginResult, ApiError, SignupInput>({
    mutationFn: (body) => post<LoginResult>('/api/residents/signup', body),
  });
}
