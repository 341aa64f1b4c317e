import { describe, expect, it } from 'vitest';
import { FILING_MATERIALS, missingMaterials, requiredMaterials } from './filing-materials.js';

describe('requiredMaterials', () => {
  it('lists the six childcare materials, plus the food licence only when meals are served', () => {
    const withoutMeals = requiredMaterials({ kind: 'childcare_centre', servesMeals: false });
    expect(withoutMeals).toEqual([
      'business_licence',
      'premises_proof',
      'staff_qualifications',
      'staff_health_certificates',
      'health_evaluation',
      'fire_safety',
    ]);
    expect(requiredMaterials({ kind: 'childcare_centre', servesMeals: true })).toEqual([
      ...withoutMeals,
      'food_licence',
    ]);
  });

  it('uses the civil-affairs list for elderly-care kinds', () => {
    expect(requiredMaterials({ kind: 'elderly_care_institution', servesMeals: false })).toEqual([
      'business_licence',
      'premises_proof',
      'fire_safety',
      'staff_qualifications',
    ]);
    expect(requiredMaterials({ kind: 'meal_point', servesMeals: true })).toContain('food_licence');
  });

  it('names each material in Chinese and English', () => {
    expect(FILING_MATERIALS.premises_proof['zh-CN']).toContain('不少于3年');
    expect(FILING_MATERIALS.food_licence.en).toMatch(/food business licence/i);
  });
});

describe('missingMaterials', () => {
  it('returns what is still missing, in the order required', () => {
    const required = requiredMaterials({ kind: 'home_childcare_point', servesMeals: true });
    expect(missingMaterials(required, ['fire_safety', 'business_licence', 'unrelated'])).toEqual([
      'premises_proof',
      'staff_qualifications',
      'staff_health_certificates',
      'health_evaluation',
      'food_licence',
    ]);
    expect(missingMaterials(required, required)).toEqual([]);
  });
});
