/**
 * Capability assessments (GB/T 42195—2022; docs/API.md "Elderly capability assessment" and
 * "Older people: assessments on record"): the form, the live score while it is filled in, the
 * assessor's work list, a person's history and storing a new assessment.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, post } from './client';
import type { Page } from './types';

export type Grade = 'intact' | 'mild' | 'moderate' | 'severe' | 'complete';
export type Reason = 'first' | 'routine' | 'triggered' | 'dispute';
export type RiskEventKind = 'fall' | 'choking' | 'selfHarm' | 'wanderingOff' | 'other';
export type Adjustment = 'coma' | 'dementia' | 'riskEvents';
type Named<K extends string> = { key: K; name: string };

export interface FormItem {
  key: string;
  number: string;
  name: string;
  max: number;
  /** Wording of each score, best first; null where the item has no common scale. */
  levels: { score: number; meaning: string }[] | null;
}

export interface AssessmentForm {
  edition: string;
  name: string;
  maxTotal: number;
  groups: { key: string; number: string; name: string; max: number; items: FormItem[] }[];
  grades: { key: Grade; name: string; minTotal: number; maxTotal: number }[];
  reasons: Named<Reason>[];
  riskEvents: Named<RiskEventKind>[];
  rules: { riskEventThreshold: number; stackAdjustments: boolean; adjustments: Named<Adjustment>[] };
}

export interface ScoreInput {
  scores: Record<string, number>;
  coma: boolean;
  dementia: boolean;
  riskEvents30d: number;
}

export interface AssessmentScore {
  total: number;
  initialGrade: Grade;
  finalGrade: Grade;
  groups: Record<string, { score: number; max: number }>;
  adjustments: Adjustment[];
}

export interface Assessment extends AssessmentScore {
  id: string;
  personId: string;
  regionCode: string;
  assessedOn: string;
  reason: Reason;
  scores: Record<string, number>;
  coma: boolean;
  dementia: boolean;
  riskEvents30d: RiskEventKind[];
  standard: string;
  nextDueOn: string;
  assessorName: string | null;
  notes: string | null;
  minutes: number | null;
  createdAt: string;
}

export interface AssessedPerson {
  id: string;
  name: string;
  sex: string;
  birthDate: string;
  age: number;
  sixtiethBirthday: string;
  /** Masked by the server. */
  idNumber: string;
  regionCode: string;
  regionName: string | null;
  address: string | null;
  /** Masked by the server. */
  phone: string | null;
  status: string;
  flags: string[];
}

export interface AssessmentHistory {
  items: Assessment[];
  person: AssessedPerson;
  nextDueOn: string | null;
}

export interface DueItem {
  personId: string;
  name: string;
  sex: string;
  age: number;
  idNumber: string;
  regionCode: string;
  regionName: string | null;
  address: string | null;
  phone: string | null;
  flags: string[];
  state: 'never' | 'overdue' | 'due';
  lastAssessedOn: string | null;
  lastGrade: Grade | null;
  nextDueOn: string | null;
}

export interface DueFilters {
  q?: string;
  before?: string;
  page: number;
  pageSize: number;
}

export interface RecordInput {
  assessedOn: string;
  reason: Reason;
  scores: Record<string, number>;
  coma: boolean;
  dementia: boolean;
  riskEvents30d: RiskEventKind[];
  notes?: string | null;
  minutes?: number | null;
}

export const assessmentKeys = {
  all: ['assessments'] as const,
  form: ['assessments', 'form'] as const,
  score: (input: ScoreInput) => ['assessments', 'score', input] as const,
  due: (filters: DueFilters) => ['assessments', 'due', filters] as const,
  history: (personId: string) => ['assessments', 'history', personId] as const,
};

/** The form definition (items, level wording, grades, reasons), in the UI language. */
export function useAssessmentForm(lang: string) {
  return useQuery({
    queryKey: [...assessmentKeys.form, lang],
    queryFn: () => get<AssessmentForm>('/api/assessments/form'),
    staleTime: 10 * 60_000,
  });
}

/** The live score of a complete form (`input` null while items are unanswered). Stores nothing. */
export function useLiveScore(input: ScoreInput | null) {
  return useQuery({
    queryKey: assessmentKeys.score(input ?? { scores: {}, coma: false, dementia: false, riskEvents30d: 0 }),
    queryFn: () => post<AssessmentScore>('/api/assessments/score', input),
    enabled: input !== null,
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

/** The work list: due, overdue and never-assessed disabled people in the caller's region. */
export function useDueAssessments(filters: DueFilters) {
  return useQuery({
    queryKey: assessmentKeys.due(filters),
    queryFn: () => get<Page<DueItem>>('/api/assessments/due', { ...filters }),
    placeholderData: keepPreviousData,
  });
}

/** A person's assessments, newest first, with the person and the next due day. */
export function useAssessmentHistory(personId: string) {
  return useQuery({
    queryKey: assessmentKeys.history(personId),
    queryFn: () => get<AssessmentHistory>(`/api/roster/${personId}/assessments`),
  });
}

/** Store an assessment; the work list and the person's history refresh. */
export function useRecordAssessment(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RecordInput) => post<Assessment>(`/api/roster/${personId}/assessments`, input),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['assessments', 'due'] });
      await queryClient.invalidateQueries({ queryKey: assessmentKeys.history(personId) });
    },
  });
}
