/**
 * Booking care as a resident (docs/API.md "Places and bookings"): open places of a filed
 * institution, the household's members to book for, booking with an `Idempotency-Key`, and my
 * bookings and waitlist places with confirm / decline / cancel / change / withdraw.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, del, get, post } from './client';

export type MealMode = 'eat_in' | 'pick_up' | 'delivered';
export const MEAL_MODES: readonly MealMode[] = ['eat_in', 'pick_up', 'delivered'];
export const ENROLMENT_FORMS = ['full_day', 'half_day_am', 'half_day_pm'] as const;
export type EnrolmentForm = (typeof ENROLMENT_FORMS)[number];

/** Refusals that mean "no room": the same request may join the waitlist instead. */
export const CAPACITY_RULES: readonly string[] = [
  'booking.full',
  'booking.class_size',
  'booking.ratio',
  'booking.licensed_capacity',
];

export interface Offer {
  id: string;
  institutionId: string;
  classId: string | null;
  className: string | null;
  classType: string | null;
  service: string;
  form: string;
  formName: string;
  day: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  taken: number;
  free: number;
  waiting: number;
  price: number;
  subsidy: number;
  due: number;
  /** month · slot · each */
  pricing: string;
  cutoffMinutes: number;
  title: string | null;
  details: Record<string, unknown>;
  status: string;
}

/** The meal subsidy per meal from an age (years) up, in force for the institution's region. */
export interface MealSubsidyBand {
  minAge: number;
  amount: number;
}

export interface OfferList {
  items: Offer[];
  mealSubsidy?: MealSubsidyBand[];
}

export type BookingStatus = 'confirmed' | 'held' | 'cancelled' | 'expired';

export interface Booking {
  id: string;
  status: BookingStatus;
  service: string;
  form: string;
  formName: string;
  institutionId: string;
  institutionName: string;
  classId: string | null;
  className: string | null;
  memberId: string;
  memberName: string;
  firstDay: string;
  lastDay: string;
  days: number;
  startsAt: string;
  endsAt: string;
  offerIds: string[];
  price: number;
  subsidy: number;
  due: number;
  mealMode: MealMode | null;
  notes: string | null;
  holdExpiresAt: string | null;
  cancellable: boolean;
  cancelDeadline: string | null;
  cancelReason: string | null;
  replacesId: string | null;
  createdAt: string;
}

export type WaitlistStatus = 'waiting' | 'offered' | 'booked' | 'expired' | 'withdrawn';

export interface WaitlistEntry {
  id: string;
  status: WaitlistStatus;
  position: number;
  service: string;
  form: string;
  formName: string;
  institutionId: string;
  institutionName: string;
  classId: string | null;
  className: string | null;
  memberId: string;
  memberName: string;
  firstDay: string | null;
  lastDay: string | null;
  startsAt: string | null;
  endsAt: string | null;
  bookingId: string | null;
  expiresAt: string | null;
  createdAt: string;
}

export interface MyBookings {
  bookings: Booking[];
  waitlist: WaitlistEntry[];
}

/** A household member as booking needs it (the household pages own the full shape). */
export interface BookingMember {
  id: string;
  relation: string;
  kind: 'child' | 'older' | 'adult';
  name: string;
  birthDate: string;
  ageMonths: number;
}

interface Household {
  id: string;
  members: BookingMember[];
}

export type BookingBody =
  | {
      memberId: string;
      offerIds: string[];
      mealMode?: MealMode;
      notes?: string;
      waitlist?: boolean;
    }
  | {
      memberId: string;
      enrolment: { classId: string; form: EnrolmentForm; month: string };
      waitlist?: boolean;
    };

/** 201 carries the booking, 202 the waitlist place. */
export interface BookResponse {
  booking?: Booking;
  waitlist?: WaitlistEntry;
}

export const bookingKeys = {
  all: ['bookings'] as const,
  mine: ['bookings', 'mine'] as const,
  offers: ['public-offers'] as const,
  publicOffers: (institutionId: string, query: object) => ['public-offers', institutionId, query] as const,
  // Under 'household' so the household pages' invalidations refresh it too.
  members: ['household', 'booking-members'] as const,
};

export interface OfferQuery {
  from: string;
  to: string;
  service?: string;
  form?: string;
  classId?: string;
}

/** Open places of a filed institution, with prices and subsidies (no sign-in needed). */
export function usePublicOffers(institutionId: string | undefined, query: OfferQuery, enabled = true) {
  return useQuery({
    queryKey: bookingKeys.publicOffers(institutionId ?? '', query),
    queryFn: ({ signal }) =>
      get<OfferList>(`/api/public/institutions/${institutionId}/offers`, { ...query }, signal),
    enabled: !!institutionId && enabled,
    // Places change under other families' bookings: always refetch when a page opens.
    staleTime: 0,
  });
}

/** The signed-in resident's household members. */
export function useBookingMembers() {
  return useQuery({
    queryKey: bookingKeys.members,
    queryFn: () => get<Household>('/api/household'),
    select: (household) => household.members,
    staleTime: 10_000,
  });
}

/** My bookings and waitlist places; refreshed every 30 s so a place passed on from the waitlist shows. */
export function useMyBookings() {
  return useQuery({
    queryKey: bookingKeys.mine,
    queryFn: () => get<MyBookings>('/api/bookings/mine'),
    refetchInterval: 30_000,
    staleTime: 5_000,
  });
}

/** A fresh Idempotency-Key; crypto.randomUUID needs a secure context, so fall back to random bytes. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** POST /api/bookings with its Idempotency-Key (the shared client adds the CSRF token and language). */
function postBooking(body: BookingBody, key: string) {
  return api<BookResponse>('/api/bookings', { method: 'POST', body, headers: { 'Idempotency-Key': key } });
}

/** The rule a 409 names (`details.rule`, else the code). */
export function refusalRule(error: ApiError): string {
  return typeof error.details.rule === 'string' ? error.details.rule : error.code;
}

export function isCapacityRefusal(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409 && CAPACITY_RULES.includes(refusalRule(error));
}

function useInvalidateBookings() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: bookingKeys.all }),
      queryClient.invalidateQueries({ queryKey: bookingKeys.offers }),
    ]);
}

/** Book (or join the waitlist). The caller supplies the key of this attempt; a retry reuses it. */
export function useBook() {
  const invalidate = useInvalidateBookings();
  return useMutation<BookResponse, ApiError, { body: BookingBody; key: string }>({
    mutationFn: ({ body, key }) => postBooking(body, key),
    onSettled: invalidate,
  });
}

export function useConfirmBooking() {
  const invalidate = useInvalidateBookings();
  return useMutation<Booking, ApiError, string>({
    mutationFn: (id) => post<Booking>(`/api/bookings/${id}/confirm`),
    onSettled: invalidate,
  });
}

export function useDeclineBooking() {
  const invalidate = useInvalidateBookings();
  return useMutation<Booking, ApiError, string>({
    mutationFn: (id) => post<Booking>(`/api/bookings/${id}/decline`),
    onSettled: invalidate,
  });
}

export function useCancelBooking() {
  const invalidate = useInvalidateBookings();
  return useMutation<Booking, ApiError, { id: string; reason?: string }>({
    mutationFn: ({ id, reason }) => post<Booking>(`/api/bookings/${id}/cancel`, reason ? { reason } : {}),
    onSettled: invalidate,
  });
}

/** Move an hourly booking to other consecutive slots, in one transaction on the server. */
export function useChangeBooking() {
  const invalidate = useInvalidateBookings();
  return useMutation<Booking, ApiError, { id: string; offerIds: string[] }>({
    mutationFn: ({ id, offerIds }) => post<Booking>(`/api/bookings/${id}/change`, { offerIds }),
    onSettled: invalidate,
  });
}

export function useWithdrawWaitlist() {
  const invalidate = useInvalidateBookings();
  return useMutation<void, ApiError, string>({
    mutationFn: (id) => del(`/api/waitlist/${id}`),
    onSettled: invalidate,
  });
}
