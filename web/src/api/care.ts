import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from './client';

export interface OverdueItem {
  personId: string;
  name: string;
  regionCode: string;
  age: number;
  flags: string[];
  everyDays: number;
  lastContactOn: string | null;
  dueOn: string;
  daysOverdue: number;
}

export interface OverdueView {
  asOf: string;
  total: number;
  page: number;
  pageSize: number;
  items: OverdueItem[];
  byCommunity: { regionCode: string; regionName: string | null; overdue: number }[];
}

export interface CareContact {
  id: string;
  kind: 'home_visit' | 'phone_call';
  contactedOn: string;
  outcome: 'well' | 'needs_help' | 'not_reached';
  notes: string | null;
  byName: string | null;
  createdAt: string;
}

export function useOverdue(filters: { regionCode?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['care', 'overdue', filters],
    queryFn: () => api<OverdueView>(withQuery('/api/care/overdue', filters)),
  });
}

export function useContacts(personId: string | null) {
  return useQuery({
    queryKey: ['care', 'contacts', personId],
    enabled: Boolean(personId),
    queryFn: () => api<{ items: CareContact[] }>(`/api/roster/${personId}/contacts`),
  });
}

export function useRecordContact(personId: string | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { kind: string; contactedOn: string; outcome: string; notes?: string }) =>
      api<CareContact>(`/api/roster/${personId}/contacts`, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['care'] }),
  });
}
