import { describe, expect, it } from 'vitest';
import { checkSiting } from './fire-siting.js';

const rules = (facts: Parameters<typeof checkSiting>[0]) => checkSiting(facts).map((v) => v.rule);

describe('checkSiting', () => {
  it('accepts floors 1 to 3 in an ordinary building', () => {
    expect(checkSiting({ floor: 1 })).toEqual([]);
    expect(checkSiting({ floor: 3, mixedUse: false, colourSteel: false })).toEqual([]);
  });

  it('refuses the 4th floor and above', () => {
    expect(checkSiting({ floor: 4 })).toEqual([
      { rule: 'siting.floor_too_high', params: { floor: 4, maxFloor: 3 } },
    ]);
    expect(rules({ floor: 12 })).toEqual(['siting.floor_too_high']);
  });

  it('refuses underground and semi-underground floors', () => {
    expect(rules({ floor: 0 })).toEqual(['siting.underground']);
    expect(rules({ floor: -1 })).toEqual(['siting.underground']);
  });

  it('refuses mixed-use premises and colour-steel buildings, naming every rule broken', () => {
    expect(rules({ floor: 5, mixedUse: true, colourSteel: true })).toEqual([
      'siting.floor_too_high',
      'siting.mixed_use',
      'siting.colour_steel',
    ]);
  });
});
