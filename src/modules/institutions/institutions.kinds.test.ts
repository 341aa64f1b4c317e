import { describe, expect, it } from 'vitest';
import {
  defaultFunctionsFor,
  departmentsFor,
  FUNCTIONS,
  INSTITUTION_KINDS,
  KIND_KEYS,
  kindsSupervisedBy,
} from './institutions.kinds.js';
import { isCreditCode } from './institutions.schema.js';

describe('institution kinds', () => {
  it('gives every kind a supervising department and default functions in allowed units', () => {
    for (const kind of KIND_KEYS) {
      expect(departmentsFor(kind).length).toBeGreaterThan(0);
      for (const f of defaultFunctionsFor(kind)) {
        expect(FUNCTIONS[f.function].units as readonly string[]).toContain(f.unit);
        expect(f.capacity).toBe(0);
      }
      expect(INSTITUTION_KINDS[kind].zh).toBeTruthy();
    }
  });

  it('puts childcare under health, elderly care under civil affairs, a service complex under both', () => {
    expect(departmentsFor('childcare_centre')).toEqual(['health']);
    expect(departmentsFor('meal_point')).toEqual(['civil']);
    expect(departmentsFor('service_complex')).toEqual(['health', 'civil']);
    expect(kindsSupervisedBy('health')).toContain('service_complex');
    expect(kindsSupervisedBy('health')).not.toContain('elderly_care_institution');
    expect(kindsSupervisedBy('civil')).not.toContain('home_childcare_point');
  });
});

describe('unified social credit code', () => {
  it('accepts codes whose check character is right and refuses the rest', () => {
    expect(isCreditCode('91350100M000100Y43')).toBe(true);
    expect(isCreditCode('91350100M000100Y44')).toBe(false);
    expect(isCreditCode('91350100M000100Y4')).toBe(false);
    expect(isCreditCode('91350100M000100I43')).toBe(false);
  });
});
