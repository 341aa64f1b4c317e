import { describe, expect, it } from 'vitest';
import { buildIdNumber } from '../../standards/id-number.js';
import { FirstRows } from './roster.validate.js';

describe('first rows of ID numbers', () => {
  it('finds every repeat, as a Map would, across growth', () => {
    const ids = Array.from({ length: 40_000 }, (_, i) =>
      buildIdNumber({
        regionCode: ['130102', '130104', '652901'][i % 3]!,
        birthDate: new Date(Date.UTC(1930, 0, 1) + (i % 9000) * 86_400_000).toISOString().slice(0, 10),
        sequence: Math.floor(i / 9000),
      }),
    );
    const seen = new FirstRows(4);
    const expected = new Map<string, number>();
    let repeats = 0;
    for (let k = 0; k < 60_000; k++) {
      const id = ids[(k * 7919) % ids.length]!;
      const row = k + 2;
      const first = seen.firstOrAdd(id, row);
      expect(first).toBe(expected.get(id));
      if (first === undefined) expected.set(id, row);
      else repeats += 1;
    }
    expect(repeats).toBe(20_000);
  });

  it('tells ID numbers apart that share the first nine or the last eight of 17 digits', () => {
    const seen = new FirstRows(4);
    expect(seen.firstOrAdd('130102194803150110', 2)).toBeUndefined();
    expect(seen.firstOrAdd('130102194803150129', 3)).toBeUndefined();
    expect(seen.firstOrAdd('130104194803150110', 4)).toBeUndefined();
    expect(seen.firstOrAdd('13010219480315011X', 5)).toBe(2);
  });
});
