/**
 * The exception rules of electronic visit verification (STANDARDS §5), as pure functions: the
 * six elements (service type, recipient, date, location, caregiver, start and end time), the
 * distance to the home within a tolerance, the caregiver's visits never overlapping, believable
 * travel between consecutive visits, and a visit lasting at least half the item's duration.
 */

export const EXCEPTION_CODES = [
  'distance',
  'missing_element',
  'overlap',
  'impossible_travel',
  'too_short',
] as const;
export type ExceptionCode = (typeof EXCEPTION_CODES)[number];

/** The elements of EVV that can be missing or fail to match the order. */
export const ELEMENTS = ['service_type', 'recipient', 'date', 'location', 'caregiver', 'time'] as const;
export type Element = (typeof ELEMENTS)[number];

export interface Point {
  lat: number;
  lng: number;
}

const EARTH_RADIUS_M = 6_371_008.8;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in metres between two points (haversine, mean Earth radius). */
export function haversineMeters(a: Point, b: Point): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A distance is out of tolerance only when it exceeds it: exactly the tolerance is still inside. */
export function outsideTolerance(distanceM: number, toleranceM: number): boolean {
  return distanceM > toleranceM;
}

/** A time span `[start, end)`; a visit still open has no end. */
export interface Span {
  start: Date;
  end: Date | null;
}

/**
 * Whether two spans share time. Spans are half-open, so one ending at the instant the other
 * starts does not overlap it; an open span runs on without end.
 */
export function spansOverlap(a: Span, b: Span): boolean {
  const aEnd = a.end?.getTime() ?? Number.POSITIVE_INFINITY;
  const bEnd = b.end?.getTime() ?? Number.POSITIVE_INFINITY;
  return a.start.getTime() < bEnd && b.start.getTime() < aEnd;
}

/** Where and when a caregiver was: the end of one visit, the start of the next. */
export interface Fix extends Point {
  at: Date;
}

/**
 * Speed in km/h needed to get from one fix to the next (Infinity when no time passed but distance
 * did). `slackM` is how far apart two fixes may be and still count as the same place (locations
 * are only trusted to within the check-in tolerance); only the distance beyond it is travelled.
 */
export function travelSpeedKmh(from: Fix, to: Fix, slackM = 0): number {
  const metres = Math.max(0, haversineMeters(from, to) - slackM);
  const hours = (to.at.getTime() - from.at.getTime()) / 3_600_000;
  if (hours <= 0) return metres > 0 ? Number.POSITIVE_INFINITY : 0;
  return metres / 1000 / hours;
}

/** Travel is impossible when it needs more than the believable speed; exactly that speed is possible. */
export function impossibleTravel(from: Fix, to: Fix, maxSpeedKmh: number, slackM = 0): boolean {
  return travelSpeedKmh(from, to, slackM) > maxSpeedKmh;
}

/** A visit is too short when it lasts less than half the item's duration; exactly half is enough. */
export function tooShort(start: Date, end: Date, durationMinutes: number): boolean {
  return (end.getTime() - start.getTime()) * 2 < durationMinutes * 60_000;
}

/** The day in China (UTC+8) of an instant, `YYYY-MM-DD`. */
export function chinaDayOf(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** A check-in or check-out: when, and where when the phone gave a location. */
export interface Stamp {
  at: Date;
  lat: number | null;
  lng: number | null;
}

/** One visit at check-out, with what the rules need to know. */
export interface VisitFacts {
  id: string;
  /** The order's scheduled day. */
  scheduledOn: string;
  serviceType: string | null;
  personId: string | null;
  caregiverId: string | null;
  home: Point | null;
  checkIn: Stamp;
  checkOut: Stamp;
  durationMinutes: number;
}

/** Another visit of the same caregiver (checked in; maybe still open). */
export interface OtherVisit {
  id: string;
  checkIn: Stamp;
  checkOut: Stamp | null;
}

export interface VisitRules {
  toleranceM: number;
  maxSpeedKmh: number;
}

export interface Evaluation {
  exceptions: ExceptionCode[];
  checkInDistanceM: number | null;
  checkOutDistanceM: number | null;
  missing: Element[];
  overlapsWith: string[];
  impossibleTravelWith: string[];
}

const hasFix = (f: Stamp): f is Fix =>
  f.lat !== null && f.lng !== null && Number.isFinite(f.lat) && Number.isFinite(f.lng);

/**
 * Every exception of one visit at check-out, in the order of EXCEPTION_CODES, with the details
 * that explain them (distances in whole metres, the elements missing, the visits overlapped or
 * reached impossibly fast).
 */
export function evaluateVisit(
  visit: VisitFacts,
  others: readonly OtherVisit[],
  rules: VisitRules,
): Evaluation {
  const missing: Element[] = [];
  if (!visit.serviceType) missing.push('service_type');
  if (!visit.personId) missing.push('recipient');
  if (chinaDayOf(visit.checkIn.at) !== visit.scheduledOn) missing.push('date');
  const located = hasFix(visit.checkIn) && hasFix(visit.checkOut) && visit.home !== null;
  if (!located) missing.push('location');
  if (!visit.caregiverId) missing.push('caregiver');
  if (!(visit.checkOut.at.getTime() > visit.checkIn.at.getTime())) missing.push('time');

  const distance = (f: Stamp) =>
    visit.home && hasFix(f) ? Math.round(haversineMeters(visit.home, f)) : null;
  const checkInDistanceM = distance(visit.checkIn);
  const checkOutDistanceM = distance(visit.checkOut);
  const far = [checkInDistanceM, checkOutDistanceM].some(
    (d) => d !== null && outsideTolerance(d, rules.toleranceM),
  );

  const span: Span = { start: visit.checkIn.at, end: visit.checkOut.at };
  const rest = others.filter((o) => o.id !== visit.id);
  const overlapsWith = rest
    .filter((o) => spansOverlap(span, { start: o.checkIn.at, end: o.checkOut?.at ?? null }))
    .map((o) => o.id);

  const impossibleTravelWith: string[] = [];
  const before = rest
    .filter((o) => o.checkOut && o.checkOut.at.getTime() <= visit.checkIn.at.getTime())
    .sort((a, b) => b.checkOut!.at.getTime() - a.checkOut!.at.getTime())[0];
  const after = rest
    .filter((o) => o.checkIn.at.getTime() >= visit.checkOut.at.getTime())
    .sort((a, b) => a.checkIn.at.getTime() - b.checkIn.at.getTime())[0];
  if (before?.checkOut && hasFix(before.checkOut) && hasFix(visit.checkIn)) {
    if (impossibleTravel(before.checkOut, visit.checkIn, rules.maxSpeedKmh, rules.toleranceM))
      impossibleTravelWith.push(before.id);
  }
  if (after && hasFix(after.checkIn) && hasFix(visit.checkOut)) {
    if (impossibleTravel(visit.checkOut, after.checkIn, rules.maxSpeedKmh, rules.toleranceM))
      impossibleTravelWith.push(after.id);
  }

  const raised = new Set<ExceptionCode>();
  if (far) raised.add('distance');
  if (missing.length > 0) raised.add('missing_element');
  if (overlapsWith.length > 0) raised.add('overlap');
  if (impossibleTravelWith.length > 0) raised.add('impossible_travel');
  if (tooShort(visit.checkIn.at, visit.checkOut.at, visit.durationMinutes)) raised.add('too_short');
  return {
    exceptions: EXCEPTION_CODES.filter((c) => raised.has(c)),
    checkInDistanceM,
    checkOutDistanceM,
    missing,
    overlapsWith,
    impossibleTravelWith,
  };
}
