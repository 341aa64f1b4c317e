import { keepPreviousData, QueryCache, QueryClient, useQuery } from '@tanstack/react-query';
import { ApiError, get, setCsrfToken } from './client';
import type {
  Account,
  AuditEntry,
  Me,
  Page,
  Region,
  RegionDetail,
  RegionSearchHit,
  RegionStats,
  RoleInfo,
} from './types';

/** Query keys in one place, so invalidation names what it means. */
export const keys = {
  me: ['me'] as const,
  roles: ['roles'] as const,
  regionChildren: (parent: string) => ['regions', 'children', parent] as const,
  region: (code: string) => ['regions', 'detail', code] as const,
  regionStats: (code: string) => ['regions', 'stats', code] as const,
  regionSearch: (q: string, within: string) => ['regions', 'search', q, within] as const,
  accounts: (filters: object) => ['accounts', filters] as const,
  audit: (filters: object) => ['audit', filters] as const,
};

/** Client errors (4xx) are answers, not glitches: do not retry them. */
function retry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        // A session that expired mid-use: forget who we were so the layout sends us to sign in.
        if (error instanceof ApiError && error.status === 401 && query.queryKey[0] !== 'me') {
          setCsrfToken(null);
          client.setQueryData(keys.me, null);
        }
      },
    }),
    defaultOptions: {
      queries: { retry, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
  return client;
}

/** Who is signed in; null when nobody is. Keeps the CSRF token in the client's memory. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await get<Me>('/api/auth/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: keys.me, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

/** The signed-in account and its permissions; only call under the authenticated layout. */
export function useSession(): Me & { can: (permission: string) => boolean; isOfficial: boolean } {
  const { data } = useMe();
  if (!data) throw new Error('useSession outside an authenticated page');
  return {
    ...data,
    can: (permission) => data.permissions.includes(permission),
    isOfficial: data.permissions.includes('regions.stats'),
  };
}

export function useRoles() {
  return useQuery({
    queryKey: keys.roles,
    queryFn: () => get<{ items: RoleInfo[] }>('/api/roles'),
    staleTime: 10 * 60_000,
  });
}

export const fetchRegionChildren = (parent: string) =>
  get<{ items: Region[] }>('/api/regions', { parent: parent || undefined }).then((r) => r.items);

export function useRegion(code: string | null) {
  return useQuery({
    queryKey: keys.region(code ?? ''),
    queryFn: () => get<RegionDetail>(`/api/regions/${encodeURIComponent(code!)}`),
    enabled: !!code,
    staleTime: 10 * 60_000,
  });
}

export function useRegionStats(code: string | null, enabled = true) {
  return useQuery({
    queryKey: keys.regionStats(code ?? ''),
    queryFn: () => get<RegionStats>(`/api/regions/${encodeURIComponent(code!)}/stats`),
    enabled: !!code && enabled,
  });
}

export function useRegionSearch(q: string, within = '', limit = 20) {
  const text = q.trim();
  return useQuery({
    queryKey: keys.regionSearch(text, within),
    queryFn: ({ signal }) =>
      get<{ items: RegionSearchHit[] }>(
        '/api/regions/search',
        { q: text, within: within || undefined, limit },
        signal,
      ),
    enabled: text.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}

export interface AccountFilters {
  q?: string;
  role?: string;
  status?: string;
  page: number;
  pageSize: number;
}

export function useAccounts(filters: AccountFilters) {
  return useQuery({
    queryKey: keys.accounts(filters),
    queryFn: () => get<Page<Account>>('/api/accounts', { ...filters }),
    placeholderData: keepPreviousData,
  });
}

export interface AuditFilters {
  action?: string;
  entityType?: string;
  regionCode?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export function useAudit(filters: AuditFilters) {
  return useQuery({
    queryKey: keys.audit(filters),
    queryFn: () => get<Page<AuditEntry>>('/api/audit', { ...filters }),
    placeholderData: keepPreviousData,
  });
}
