/**
 * Door-to-door services: the menu, providers' items and caregivers, orders, electronic visit
 * verification (check-in/out, confirm, explain, review) and monthly settlements
 * (docs/API.md "Door-to-door services and visit verification").
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiError, get, post, put } from './client';
import type {
  OrderFilters,
  OrderInput,
  Provider,
  ProviderItems,
  ServiceItem,
  ServiceOrder,
  Settlement,
  SettlementSummary,
  Stamp,
} from './homecare-types';
import type { Page } from './types';

export type * from './homecare-types';

const keys = {
  menu: (regionCode?: string) => ['homecare', 'menu', regionCode ?? ''] as const,
  providerItems: (id: string) => ['homecare', 'provider-items', id] as const,
  providers: (itemId?: string) => ['homecare', 'providers', itemId ?? ''] as const,
  caregivers: (id: string) => ['homecare', 'caregivers', id] as const,
  orders: (filters: OrderFilters) => ['homecare', 'orders', filters] as const,
  mine: (day: string) => ['homecare', 'mine', day] as const,
  visits: (filters: object) => ['homecare', 'visits', filters] as const,
  settlements: (filters: object) => ['homecare', 'settlements', filters] as const,
};

export function useMenu(regionCode?: string) {
  return useQuery({
    queryKey: keys.menu(regionCode),
    queryFn: () => get<{ items: ServiceItem[] }>('/api/service-items', { regionCode }),
  });
}

export function useProviderItems(institutionId: string | undefined) {
  return useQuery({
    queryKey: keys.providerItems(institutionId ?? ''),
    queryFn: () => get<ProviderItems>(`/api/providers/${institutionId}/items`),
    enabled: !!institutionId,
  });
}

export function useSaveProviderItems(institutionId: string) {
  const client = useQueryClient();
  return useMutation<ProviderItems, ApiError, { itemId: string; price?: number | null }[]>({
    mutationFn: (items) => put<ProviderItems>(`/api/providers/${institutionId}/items`, { items }),
    onSuccess: (data) => client.setQueryData(keys.providerItems(institutionId), data),
  });
}

export function useProviders(itemId?: string, enabled = true) {
  return useQuery({
    queryKey: keys.providers(itemId),
    queryFn: () => get<{ items: Provider[] }>('/api/providers', { itemId }),
    enabled,
  });
}

export function useCaregivers(institutionId: string | undefined) {
  return useQuery({
    queryKey: keys.caregivers(institutionId ?? ''),
    queryFn: () =>
      get<{ items: { id: string; name: string; role: string }[] }>(
        `/api/providers/${institutionId}/caregivers`,
      ),
    enabled: !!institutionId,
  });
}

export function useOrders(filters: OrderFilters) {
  return useQuery({
    queryKey: keys.orders(filters),
    queryFn: () => get<Page<ServiceOrder>>('/api/service-orders', { ...filters }),
    placeholderData: keepPreviousData,
  });
}

/** The caregiver's day; polled so a newly assigned order shows up. */
export function useMyDay(day: string) {
  return useQuery({
    queryKey: keys.mine(day),
    queryFn: () => get<{ day: string; items: ServiceOrder[] }>('/api/service-orders/mine', { day }),
    refetchInterval: 60_000,
  });
}

export function useVisitQueue(filters: {
  status?: string;
  month?: string;
  page?: number;
  pageSize?: number;
}) {
  return useQuery({
    queryKey: keys.visits(filters),
    queryFn: () => get<Page<ServiceOrder>>('/api/visits', { ...filters }),
    placeholderData: keepPreviousData,
  });
}

/** Every order-changing action; each answers with the order, and every homecare list is refreshed. */
export function useOrderActions() {
  const client = useQueryClient();
  const onSuccess = () => client.invalidateQueries({ queryKey: ['homecare'] });
  return {
    create: useMutation<ServiceOrder, ApiError, OrderInput>({
      mutationFn: (input) => post<ServiceOrder>('/api/service-orders', input),
      onSuccess,
    }),
    assign: useMutation<ServiceOrder, ApiError, { id: string; caregiverId: string }>({
      mutationFn: ({ id, caregiverId }) =>
        post<ServiceOrder>(`/api/service-orders/${id}/assign`, { caregiverId }),
      onSuccess,
    }),
    cancel: useMutation<ServiceOrder, ApiError, { id: string; reason?: string }>({
      mutationFn: ({ id, reason }) =>
        post<ServiceOrder>(`/api/service-orders/${id}/cancel`, { reason: reason || null }),
      onSuccess,
    }),
    checkIn: useMutation<ServiceOrder, ApiError, { id: string; stamp: Stamp }>({
      mutationFn: ({ id, stamp }) => post<ServiceOrder>(`/api/service-orders/${id}/check-in`, stamp),
      onSuccess,
    }),
    checkOut: useMutation<ServiceOrder, ApiError, { visitId: string; stamp: Stamp }>({
      mutationFn: ({ visitId, stamp }) => post<ServiceOrder>(`/api/visits/${visitId}/check-out`, stamp),
      onSuccess,
    }),
    confirm: useMutation<ServiceOrder, ApiError, { visitId: string; rating: number; comment?: string }>({
      mutationFn: ({ visitId, rating, comment }) =>
        post<ServiceOrder>(`/api/visits/${visitId}/confirm`, { rating, comment: comment || null }),
      onSuccess,
    }),
    explain: useMutation<ServiceOrder, ApiError, { visitId: string; reason: string }>({
      mutationFn: ({ visitId, reason }) => post<ServiceOrder>(`/api/visits/${visitId}/explain`, { reason }),
      onSuccess,
    }),
    review: useMutation<
      ServiceOrder,
      ApiError,
      { visitId: string; decision: 'approve' | 'reject'; note?: string }
    >({
      mutationFn: ({ visitId, decision, note }) =>
        post<ServiceOrder>(`/api/visits/${visitId}/review`, { decision, note: note || null }),
      onSuccess,
    }),
  };
}

export function useSettlements(filters: { providerId?: string; month?: string }) {
  return useQuery({
    queryKey: keys.settlements(filters),
    queryFn: () => get<Page<SettlementSummary>>('/api/settlements', { ...filters, pageSize: 50 }),
  });
}

export function useSettlement(id: string | undefined) {
  return useQuery({
    queryKey: ['homecare', 'settlement', id ?? ''],
    queryFn: () => get<Settlement>(`/api/settlements/${id}`),
    enabled: !!id,
  });
}

export function useSettlementActions() {
  const client = useQueryClient();
  const done = (data: Settlement) => {
    client.setQueryData(['homecare', 'settlement', data.id], data);
    void client.invalidateQueries({ queryKey: ['homecare', 'settlements'] });
  };
  return {
    generate: useMutation<Settlement, ApiError, { providerId: string; month: string }>({
      mutationFn: (input) => post<Settlement>('/api/settlements', input),
      onSuccess: done,
    }),
    finalise: useMutation<Settlement, ApiError, string>({
      mutationFn: (id) => post<Settlement>(`/api/settlements/${id}/finalise`),
      onSuccess: done,
    }),
  };
}

/** A person on the roster, for the order form's picker (civil affairs and community workers). */
export interface RosterHit {
  id: string;
  name: string;
  age: number;
  idNumber: string;
  regionCode: string;
}

export function useRosterSearch(q: string) {
  return useQuery({
    queryKey: ['homecare', 'roster', q],
    queryFn: ({ signal }) => get<Page<RosterHit>>('/api/roster', { q: q || undefined, pageSize: 20 }, signal),
  });
}
