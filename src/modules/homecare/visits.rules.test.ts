import { describe, expect, it } from 'vitest';
import {
  chinaDayOf,
  evaluateVisit,
  haversineMeters,
  impossibleTravel,
  type OtherVisit,
  outsideTolerance,
  spansOverlap,
  tooShort,
  travelSpeedKmh,
  type VisitFacts,
} from './visits.rules.js';

const HOME = { lat: 38.05, lng: 114.52 };
/** Metres per degree of latitude on the mean-radius sphere the rules use. */
const M_PER_DEG_LAT = (Math.PI * 6_371_008.8) / 180;
/** A point `metres` due north of `p`. */
const north = (p: { lat: number; lng: number }, metres: number) => ({
  lat: p.lat + metres / M_PER_DEG_LAT,
  lng: p.lng,
});
const at = (hhmm: string, day = '2026-03-10') => new Date(`${day}T${hhmm}:00+08:00`);

describe('haversineMeters', () => {
  it('is zero for the same point and symmetric', () => {
    expect(haversineMeters(HOME, HOME)).toBe(0);
    const other = { lat: 38.06, lng: 114.53 };
    expect(haversineMeters(HOME, other)).toBeCloseTo(haversineMeters(other, HOME), 6);
  });

  it('measures a known distance: 0.001° of latitude is about 111.2 m', () => {
    expect(haversineMeters(HOME, { lat: 38.051, lng: 114.52 })).toBeCloseTo(111.19, 1);
  });

  it('shrinks longitude with latitude (1° east at 38° N is about 87.6 km)', () => {
    expect(haversineMeters(HOME, { lat: 38.05, lng: 115.52 }) / 1000).toBeCloseTo(87.6, 0);
  });
});

describe('outsideTolerance (default 100 m)', () => {
  it('accepts 99 m and exactly 100 m, refuses 101 m', () => {
    expect(outsideTolerance(99, 100)).toBe(false);
    expect(outsideTolerance(100, 100)).toBe(false);
    expect(outsideTolerance(101, 100)).toBe(true);
  });

  it('agrees with points 99 m and 101 m from the home', () => {
    expect(outsideTolerance(haversineMeters(HOME, north(HOME, 99)), 100)).toBe(false);
    expect(outsideTolerance(haversineMeters(HOME, north(HOME, 101)), 100)).toBe(true);
  });
});

describe('spansOverlap', () => {
  const span = (a: string, b: string | null) => ({ start: at(a), end: b ? at(b) : null });

  it('spans touching at an instant do not overlap', () => {
    expect(spansOverlap(span('09:00', '10:00'), span('10:00', '11:00'))).toBe(false);
    expect(spansOverlap(span('10:00', '11:00'), span('09:00', '10:00'))).toBe(false);
  });

  it('one minute of shared time overlaps, either way round', () => {
    expect(spansOverlap(span('09:00', '10:01'), span('10:00', '11:00'))).toBe(true);
    expect(spansOverlap(span('10:00', '11:00'), span('09:00', '10:01'))).toBe(true);
  });

  it('a span inside another overlaps; an open span runs on', () => {
    expect(spansOverlap(span('09:00', '12:00'), span('10:00', '10:30'))).toBe(true);
    expect(spansOverlap(span('09:00', null), span('15:00', '16:00'))).toBe(true);
    expect(spansOverlap(span('09:00', null), span('08:00', '09:00'))).toBe(false);
  });
});

describe('impossibleTravel', () => {
  const from = { ...HOME, at: at('10:00') };

  it('exactly the maximum speed is possible; a little faster is not', () => {
    // 10 km due north in 15 minutes = 40 km/h.
    const to = { ...north(HOME, 10_000), at: at('10:15') };
    expect(travelSpeedKmh(from, to)).toBeCloseTo(40, 9);
    expect(impossibleTravel(from, to, 40)).toBe(false);
    const sooner = { ...to, at: new Date(to.at.getTime() - 1000) };
    expect(impossibleTravel(from, sooner, 40)).toBe(true);
  });

  it('no time between two different places is impossible; staying put is not', () => {
    expect(travelSpeedKmh(from, { ...north(HOME, 50), at: at('10:00') })).toBe(Number.POSITIVE_INFINITY);
    expect(impossibleTravel(from, { ...HOME, at: at('10:00') }, 40)).toBe(false);
  });

  it('fixes within the slack count as the same place; only the distance beyond it is travelled', () => {
    expect(impossibleTravel(from, { ...north(HOME, 100), at: at('10:00') }, 40, 100)).toBe(false);
    expect(impossibleTravel(from, { ...north(HOME, 101), at: at('10:00') }, 40, 100)).toBe(true);
    // 10.1 km with 100 m of slack in 15 minutes is exactly 40 km/h.
    expect(travelSpeedKmh(from, { ...north(HOME, 10_100), at: at('10:15') }, 100)).toBeCloseTo(40, 9);
  });
});

describe('tooShort', () => {
  it('less than half the duration is too short; exactly half is enough', () => {
    expect(tooShort(at('09:00'), at('09:30'), 60)).toBe(false);
    expect(tooShort(at('09:00'), new Date(at('09:30').getTime() - 1000), 60)).toBe(true);
    expect(tooShort(at('09:00'), at('10:00'), 60)).toBe(false);
  });
});

describe('chinaDayOf', () => {
  it('reads the day in China time', () => {
    expect(chinaDayOf(new Date('2026-03-09T16:00:00Z'))).toBe('2026-03-10');
    expect(chinaDayOf(new Date('2026-03-09T15:59:59Z'))).toBe('2026-03-09');
  });
});

describe('evaluateVisit', () => {
  const RULES = { toleranceM: 100, maxSpeedKmh: 40 };
  const visit = (over: Partial<VisitFacts> = {}): VisitFacts => ({
    id: 'v',
    scheduledOn: '2026-03-10',
    serviceType: 'cleaning',
    personId: 'p',
    caregiverId: 'c',
    home: HOME,
    checkIn: { ...north(HOME, 20), at: at('09:00') },
    checkOut: { ...north(HOME, 30), at: at('10:00') },
    durationMinutes: 60,
    ...over,
  });

  it('a visit at the home, on the day, long enough, alone, raises nothing', () => {
    const result = evaluateVisit(visit(), [], RULES);
    expect(result).toMatchObject({
      exceptions: [],
      checkInDistanceM: 20,
      checkOutDistanceM: 30,
      missing: [],
    });
  });

  it('raises distance when check-in or check-out is beyond the tolerance (101 m), not at 99 m', () => {
    expect(
      evaluateVisit(visit({ checkOut: { ...north(HOME, 99), at: at('10:00') } }), [], RULES).exceptions,
    ).toEqual([]);
    const far = evaluateVisit(visit({ checkIn: { ...north(HOME, 101), at: at('09:00') } }), [], RULES);
    expect(far.exceptions).toEqual(['distance']);
    expect(far.checkInDistanceM).toBe(101);
  });

  it('raises missing_element for no location, no home, or another day', () => {
    const noFix = evaluateVisit(visit({ checkIn: { lat: null, lng: null, at: at('09:00') } }), [], RULES);
    expect(noFix).toMatchObject({ exceptions: ['missing_element'], missing: ['location'] });
    expect(evaluateVisit(visit({ home: null }), [], RULES).missing).toEqual(['location']);
    expect(evaluateVisit(visit({ scheduledOn: '2026-03-11' }), [], RULES).missing).toEqual(['date']);
  });

  it('raises overlap with another visit of the caregiver, not when they only touch', () => {
    const touching: OtherVisit = {
      id: 'a',
      checkIn: { ...HOME, at: at('08:00') },
      checkOut: { ...HOME, at: at('09:00') },
    };
    expect(evaluateVisit(visit(), [touching], RULES).exceptions).toEqual([]);
    const sharing = { ...touching, checkOut: { ...HOME, at: at('09:10') } };
    expect(evaluateVisit(visit(), [sharing], RULES)).toMatchObject({
      exceptions: ['overlap'],
      overlapsWith: ['a'],
    });
  });

  it('raises impossible_travel from the previous visit and towards the next one', () => {
    const farAway = north(HOME, 30_000); // 30 km: 45 minutes at 40 km/h
    const previous: OtherVisit = {
      id: 'prev',
      checkIn: { ...farAway, at: at('08:00') },
      checkOut: { ...farAway, at: at('08:30') },
    };
    const result = evaluateVisit(visit(), [previous], RULES);
    expect(result).toMatchObject({ exceptions: ['impossible_travel'], impossibleTravelWith: ['prev'] });
    const next: OtherVisit = { id: 'next', checkIn: { ...farAway, at: at('10:20') }, checkOut: null };
    expect(evaluateVisit(visit(), [next], RULES).impossibleTravelWith).toEqual(['next']);
    const inTime = { ...previous, checkOut: { ...farAway, at: at('08:10') } };
    expect(evaluateVisit(visit(), [inTime], RULES).exceptions).toEqual([]);
  });

  it('raises too_short below half the duration, and lists several exceptions in a fixed order', () => {
    const short = visit({
      checkIn: { ...north(HOME, 500), at: at('09:00') },
      checkOut: { ...north(HOME, 20), at: at('09:20') },
    });
    expect(evaluateVisit(short, [], RULES).exceptions).toEqual(['distance', 'too_short']);
  });
});
