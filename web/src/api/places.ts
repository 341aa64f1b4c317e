/**
 * Places and bookings, the institution's side (docs/API.md "Places and bookings"): the calendar of
 * places, offers per day, publishing, the institution's bookings and waitlist.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiError, get, patch, post } from './client';

/** The same views the resident pages use (one definition, in api/bookings.ts). */
export type { Booking, Offer, WaitlistEntry } from './bookings';

import type { Booking, Offer, WaitlistEntry } from './bookings';

export type ServiceKey = 'childcare' | 'appointment' | 'meal';

/**
 * The services of the booking engine, their forms and the institution kinds offering them, as the
 * server has them (src/modules/bookings/services.ts). The server decides; this only shapes pickers.
 */
export const PLACE_SERVICES: Record<
  ServiceKey,
  { forms: readonly string[]; institutionKinds: readonly string[] }
> = {
  childcare: {
    forms: ['full_day', 'half_day_am', 'half_day_pm', 'hourly', 'temporary'],
    institutionKinds: [
      'childcare_centre',
      'kindergarten_nursery',
      'home_childcare_point',
      'employer_childcare',
      'childcare_guidance_centre',
      'service_complex',
    ],
  },
  appointment: {
    forms: ['consultation', 'developmental_check', 'training_course'],
    institutionKinds: ['childcare_guidance_centre', 'training_base', 'childcare_centre', 'service_complex'],
  },
  meal: {
    forms: ['breakfast', 'lunch', 'dinner'],
    institutionKinds: [
      'meal_point',
      'service_complex',
      'community_elderly_centre',
      'elderly_care_institution',
    ],
  },
};
export const SERVICE_KEYS = Object.keys(PLACE_SERVICES) as ServiceKey[];

/** The services an institution of this kind offers. */
export function servicesOfKind(kind: string): ServiceKey[] {
  return SERVICE_KEYS.filter((s) => PLACE_SERVICES[s].institutionKinds.includes(kind));
}

export const BOOKING_STATUSES = ['confirmed', 'held', 'cancelled', 'expired'] as const;
export const WAITLIST_STATUSES = ['waiting', 'offered', 'booked', 'expired', 'withdrawn'] as const;

export interface CalendarForm {
  form: string;
  capacity: number;
  taken: number;
  waiting: number;
}

export interface CalendarClass {
  classId: string;
  name: string;
  type: string;
  sizeLimit: number;
  childrenPerCarer: number;
  peakPresent: number;
  minCarers: number;
  outOfRatio: boolean;
  forms: CalendarForm[];
}

export interface CalendarDay {
  day: string;
  careDay: boolean;
  classes: CalendarClass[];
  other: (CalendarForm & { service: string })[];
}

export interface PublishInput {
  service: ServiceKey;
  form: string;
  classId?: string;
  from: string;
  to: string;
  startsAt: string;
  endsAt: string;
  slotMinutes?: number;
  capacity: number;
  price?: number;
  cutoffMinutes?: number;
  title?: string;
  details?: Record<string, unknown>;
  includeRestDays?: boolean;
}

export interface PublishResult {
  created: number;
  updated: number;
  skipped: { day: string; reason: string }[];
}

export interface OfferFilters {
  from: string;
  to: string;
  service?: string;
  classId?: string;
}

export interface BookingFilters {
  from?: string;
  to?: string;
  service?: string;
  status?: string;
  classId?: string;
}

export interface WaitlistFilters {
  service?: string;
  status?: string;
}

/** Query keys; everything of one institution's places hangs off `all(id)`. */
export const placesKeys = {
  all: (id: string) => ['places', id] as const,
  calendar: (id: string, from: string, to: string) => ['places', id, 'calendar', from, to] as const,
  offers: (id: string, filters: OfferFilters) => ['places', id, 'offers', filters] as const,
  bookings: (id: string, filters: BookingFilters) => ['places', id, 'bookings', filters] as const,
  waitlist: (id: string, filters: WaitlistFilters) => ['places', id, 'waitlist', filters] as const,
};

/** Per day and class: places per form, peak children booked, carers rostered, ratio. */
export function useCalendar(id: string, from: string, to: string) {
  return useQuery({
    queryKey: placesKeys.calendar(id, from, to),
    queryFn: () => get<{ days: CalendarDay[] }>(`/api/institutions/${id}/calendar`, { from, to }),
    placeholderData: keepPreviousData,
  });
}

/** The institution's offers (with waiting counts) between two days. */
export function useOffers(id: string, filters: OfferFilters, enabled = true) {
  return useQuery({
    queryKey: placesKeys.offers(id, filters),
    queryFn: () =>
      get<{ items: Offer[] }>(`/api/institutions/${id}/offers`, { ...filters }).then((r) => r.items),
    enabled,
  });
}

/** The institution's bookings (the server audits the read). */
export function useInstitutionBookings(id: string, filters: BookingFilters) {
  return useQuery({
    queryKey: placesKeys.bookings(id, filters),
    queryFn: () =>
      get<{ items: Booking[] }>(`/api/institutions/${id}/bookings`, { ...filters }).then((r) => r.items),
    placeholderData: keepPreviousData,
  });
}

/** The institution's waitlist in line order (the server audits the read). */
export function useInstitutionWaitlist(id: string, filters: WaitlistFilters) {
  return useQuery({
    queryKey: placesKeys.waitlist(id, filters),
    queryFn: () =>
      get<{ items: WaitlistEntry[] }>(`/api/institutions/${id}/waitlist`, { ...filters }).then(
        (r) => r.items,
      ),
    placeholderData: keepPreviousData,
  });
}

/** Publish places per care day (and slot); refreshes everything of the institution's places. */
export function usePublishOffers(id: string) {
  const queryClient = useQueryClient();
  return useMutation<PublishResult, ApiError, PublishInput>({
    mutationFn: (input) => post<PublishResult>(`/api/institutions/${id}/offers`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: placesKeys.all(id) }),
  });
}

/** Change an offer's capacity or close/reopen it. */
export function usePatchOffer(id: string) {
  const queryClient = useQueryClient();
  return useMutation<
    Offer,
    ApiError,
    { offerId: string; capacity?: number; status?: 'open' | 'closed'; price?: number }
  >({
    mutationFn: ({ offerId, ...body }) => patch<Offer>(`/api/offers/${offerId}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: placesKeys.all(id) }),
  });
}

/** The institution cancels a booking, giving a reason; a freed place goes to the waitlist. */
export function useCancelBooking(id: string) {
  const queryClient = useQueryClient();
  return useMutation<Booking, ApiError, { bookingId: string; reason: string }>({
    mutationFn: ({ bookingId, reason }) => post<Booking>(`/api/bookings/${bookingId}/cancel`, { reason }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: placesKeys.all(id) }),
  });
}
