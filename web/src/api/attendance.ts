/**
 * Rosters, children's attendance with morning/midday checks, carers' presence and the live room
 * board (docs/API.md "Rosters, attendance and the room board"). Institution users only.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiError, get, post, put } from './client';

export interface Shift {
  id: string;
  staffId: string;
  staffName: string;
  role: string;
  startsAt: string;
  endsAt: string;
}

export interface HalfHour {
  time: string;
  carers: number;
  booked: number | null;
  required: number | null;
  ok: boolean;
}

export interface RosterWarning {
  rule: 'class.ratio';
  time: string;
  children: number;
  carers: number;
  required: number;
  message: string;
}

export interface RosterClass {
  classId: string;
  name: string;
  type: string;
  room: string | null;
  sizeLimit: number;
  childrenPerCarer: number;
  published: boolean;
  shifts: Shift[];
  halfHours: HalfHour[];
  warnings: RosterWarning[];
}

export interface RosterDay {
  day: string;
  staff: { id: string; name: string; role: string }[];
  classes: RosterClass[];
}

export interface ShiftInput {
  staffId: string;
  startsAt: string;
  endsAt: string;
}

export interface HealthCheck {
  temperature: number;
  result: 'normal' | 'abnormal';
  findings: string | null;
  checkedBy: string | null;
  at: string;
}

export interface AttendanceRecord {
  id: string;
  memberId: string;
  classId: string;
  bookingId: string | null;
  day: string;
  checkedInAt: string | null;
  droppedOffBy: { id: string; name: string } | null;
  checkedOutAt: string | null;
  pickedUpBy: { id: string; name: string } | null;
  morningCheck: HealthCheck | null;
  middayCheck: HealthCheck | null;
}

export interface ExpectedChild {
  memberId: string;
  name: string;
  sex: string | null;
  ageMonths: number;
  classId: string;
  className: string;
  bookings: { bookingId: string; form: string; startsAt: string; endsAt: string }[];
  pickers: { id: string; name: string; relation: string; phone: string | null }[];
  record: AttendanceRecord | null;
}

export interface Room {
  classId: string;
  name: string;
  type: string;
  room: string | null;
  childrenPresent: number;
  carersPresent: number;
  requiredCarers: number;
  sizeLimit: number;
  childrenPerCarer: number;
  ok: boolean;
  problems: ('class.ratio' | 'class.max_size')[];
  expected: number;
  children: { memberId: string; name: string; checkedInAt: string }[];
  carers: { staffId: string; name: string; inAt: string }[];
}

export interface RoomBoard {
  at: string;
  day: string;
  rooms: Room[];
}

/** How often the room board asks for news. */
export const ROOM_BOARD_POLL_MS = 10_000;

export const attendanceKeys = {
  all: (institutionId: string) => ['attendance', institutionId] as const,
  rosters: (institutionId: string, day: string) => ['attendance', institutionId, 'rosters', day] as const,
  day: (institutionId: string, day: string) => ['attendance', institutionId, 'day', day] as const,
  board: (institutionId: string) => ['attendance', institutionId, 'board'] as const,
};

/** Every class's roster on a day, with the staff who may be rostered. */
export function useRosters(institutionId: string, day: string) {
  return useQuery({
    queryKey: attendanceKeys.rosters(institutionId, day),
    queryFn: () => get<RosterDay>(`/api/institutions/${institutionId}/rosters`, { day }),
    placeholderData: keepPreviousData,
  });
}

/** Replace one class-day's roster; the answer carries any ratio warnings. */
export function useSaveRoster(institutionId: string) {
  const queryClient = useQueryClient();
  return useMutation<RosterClass, ApiError, { day: string; classId: string; shifts: ShiftInput[] }>({
    mutationFn: (body) => put<RosterClass>(`/api/institutions/${institutionId}/rosters`, body),
    onSuccess: (_, body) =>
      queryClient.invalidateQueries({ queryKey: attendanceKeys.rosters(institutionId, body.day) }),
  });
}

/** The children expected on a day with their records (refreshed every 30 s). */
export function useAttendance(institutionId: string, day: string) {
  return useQuery({
    queryKey: attendanceKeys.day(institutionId, day),
    queryFn: () =>
      get<{ day: string; items: ExpectedChild[] }>(`/api/institutions/${institutionId}/attendance`, { day }),
    refetchInterval: 30_000,
  });
}

/** The live room board, polled every 10 s while the page is open. */
export function useRoomBoard(institutionId: string) {
  return useQuery({
    queryKey: attendanceKeys.board(institutionId),
    queryFn: () => get<RoomBoard>(`/api/institutions/${institutionId}/room-board`),
    refetchInterval: ROOM_BOARD_POLL_MS,
    refetchIntervalInBackground: false,
    staleTime: 0,
  });
}

export type CheckInInput = { bookingId: string; droppedOffBy: string };
export type CheckOutInput = { memberId: string; pickedUpBy: string };
export type HealthCheckInput = {
  memberId: string;
  check: 'morning' | 'midday';
  temperature: number;
  result: 'normal' | 'abnormal';
  findings?: string;
};

/** Check-in, check-out and the morning/midday checks; the day's list and the board refresh after each. */
export function useAttendanceActions(institutionId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: attendanceKeys.all(institutionId) });
  return {
    checkIn: useMutation<AttendanceRecord, ApiError, CheckInInput>({
      mutationFn: (body) => post<AttendanceRecord>('/api/attendance/check-in', body),
      onSuccess: refresh,
    }),
    checkOut: useMutation<AttendanceRecord, ApiError, CheckOutInput>({
      mutationFn: (body) => post<AttendanceRecord>('/api/attendance/check-out', body),
      onSuccess: refresh,
    }),
    healthCheck: useMutation<AttendanceRecord, ApiError, HealthCheckInput>({
      mutationFn: (body) => post<AttendanceRecord>('/api/attendance/health-check', body),
      onSuccess: refresh,
    }),
  };
}

/** Carers signing in to and out of rooms (from the room board). */
export function usePresenceActions(institutionId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: attendanceKeys.board(institutionId) });
  return {
    signIn: useMutation<unknown, ApiError, { staffId: string; classId: string }>({
      mutationFn: (body) => post('/api/staff-presence/in', body),
      onSuccess: refresh,
    }),
    signOut: useMutation<unknown, ApiError, { staffId: string }>({
      mutationFn: (body) => post('/api/staff-presence/out', body),
      onSuccess: refresh,
    }),
  };
}
