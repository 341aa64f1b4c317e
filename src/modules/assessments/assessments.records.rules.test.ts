import { describe, expect, it } from 'vitest';
import { ageOn } from '../../standards/id-number.js';
import {
  addMonths,
  assessedOnProblem,
  dueState,
  nextDueOn,
  sixtiethBirthday,
} from './assessments.records.rules.js';

const MONTHS = { intact: 12, mild: 12, moderate: 12, severe: 6, complete: 6 };

describe('assessments on record: dated rules', () => {
  it('adds calendar months, clamped to the month’s last day', () => {
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2025-12-15', 12)).toBe('2026-12-15');
  });

  it('dates the next assessment by the final grade', () => {
    expect(nextDueOn('2025-03-01', 'mild', MONTHS)).toBe('2026-03-01');
    expect(nextDueOn('2025-03-01', 'severe', MONTHS)).toBe('2025-09-01');
    expect(nextDueOn('2025-03-01', 'complete', { ...MONTHS, complete: 3 })).toBe('2025-06-01');
  });

  it('finds the 60th birthday as ageOn counts it, 29 February turning 60 on 1 March in common years', () => {
    expect(sixtiethBirthday('1964-06-10')).toBe('2024-06-10');
    expect(sixtiethBirthday('1964-02-29')).toBe('2024-02-29');
    // Only century years are common years 60 years after a leap day.
    expect(sixtiethBirthday('1840-02-29')).toBe('1900-03-01');
    expect(ageOn('1840-02-29', '1900-02-28')).toBe(59);
    expect(ageOn('1840-02-29', '1900-03-01')).toBe(60);
  });

  it('refuses days in the future and before the 60th birthday, and agrees with ageOn on 29 February', () => {
    expect(assessedOnProblem('2026-11-24', '1950-01-01', '2026-11-23')).toBe('future');
    expect(assessedOnProblem('2026-11-23', '1950-01-01', '2026-11-23')).toBeNull();
    expect(assessedOnProblem('2024-06-09', '1964-06-10', '2026-11-23')).toBe('before_60');
    expect(assessedOnProblem('2024-06-10', '1964-06-10', '2026-11-23')).toBeNull();
  });

  it('places a person on the work list', () => {
    expect(dueState(null, '2026-11-23')).toBe('never');
    expect(dueState('2026-11-22', '2026-11-23')).toBe('overdue');
    expect(dueState('2026-11-23', '2026-11-23')).toBe('due');
    expect(dueState('2026-12-01', '2026-11-23')).toBe('due');
  });
});
