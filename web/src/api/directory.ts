/**
 * The public directory of filed institutions and the region boundaries its map draws.
 * No sign-in needed; nothing here sends or needs the session.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { get } from './client';
import type { DirectoryDetail, DirectoryItem, GeoFeatureCollection, Page } from './types';

/** Query of the public directory (docs/API.md "Public directory"). */
export interface DirectoryFilters {
  q?: string;
  regionCode?: string;
  kind?: string;
  careForm?: string;
  ageMonths?: number;
  affordable?: boolean;
  grade?: string;
  hasPlaces?: boolean;
  lat?: number;
  lng?: number;
  radiusKm?: number;
  sort?: 'distance' | 'name' | 'grade';
  page: number;
  pageSize: number;
}

/** Filed institutions matching the filters; `enabled` lets the map wait until it is shown. */
export function useDirectory(filters: DirectoryFilters, enabled = true) {
  return useQuery({
    enabled,
    queryKey: ['directory', 'list', filters],
    queryFn: ({ signal }) => get<Page<DirectoryItem>>('/api/directory', { ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}

/** The public page of one filed institution. */
export function useDirectoryEntry(id: string | undefined) {
  return useQuery({
    queryKey: ['directory', 'detail', id ?? ''],
    queryFn: () => get<DirectoryDetail>(`/api/directory/${id}`),
    enabled: !!id,
  });
}

/** Region boundaries (children of `code`); null when the server bundles none for it (404). */
export function useGeo(code: string) {
  return useQuery({
    queryKey: ['geo', code],
    queryFn: () => get<GeoFeatureCollection>(`/api/geo/${code}`),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 60 * 60_000,
  });
}

/** Where a public photo of a filed institution is served. */
export const photoUrl = (uploadId: string) => `/api/directory/photos/${uploadId}`;
