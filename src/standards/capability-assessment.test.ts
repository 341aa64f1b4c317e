import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AssessmentInput,
  AssessmentScoreError,
  CAPABILITY_ASSESSMENT_2022,
  checkScores,
  GRADE_KEYS,
  type Grade,
  gradeForTotal,
  ITEM_KEYS,
  type ItemKey,
  itemsOf,
  scoreAssessment,
  worsenGrade,
} from './capability-assessment.js';

const ITEMS = itemsOf();

/** Scores adding up to `total`: items filled to their maximum in the standard's order. */
function scoresTotalling(total: number): Record<ItemKey, number> {
  let left = total;
  const scores = {} as Record<ItemKey, number>;
  for (const { key, max } of ITEMS) {
    scores[key] = Math.min(max, left);
    left -= scores[key];
  }
  return scores;
}

const form = (total: number, flags: Partial<Omit<AssessmentInput, 'scores'>> = {}): AssessmentInput => ({
  scores: scoresTotalling(total),
  coma: false,
  dementia: false,
  riskEvents30d: 0,
  ...flags,
});

const rank = (grade: Grade) => GRADE_KEYS.indexOf(grade);

describe('the item table (GB/T 42195—2022)', () => {
  it('has the 26 items of STANDARDS §4 with their numbers and maxima', () => {
    expect(ITEMS.map((i) => i.key)).toEqual([...ITEM_KEYS]);
    expect(ITEMS).toHaveLength(26);
    expect(Object.fromEntries(ITEMS.map((i) => [i.key, `${i.number} ${i.max}`]))).toEqual({
      eating: 'B.1.1 4',
      grooming: 'B.1.2 4',
      bathing: 'B.1.3 4',
      upperDressing: 'B.1.4 4',
      lowerDressing: 'B.1.5 4',
      bladder: 'B.1.6 4',
      bowel: 'B.1.7 4',
      toileting: 'B.1.8 4',
      bedTurning: 'B.2.1 4',
      bedChairTransfer: 'B.2.2 4',
      walking: 'B.2.3 4',
      stairs: 'B.2.4 3',
      timeOrientation: 'B.3.1 4',
      placeOrientation: 'B.3.2 4',
      personOrientation: 'B.3.3 4',
      memory: 'B.3.4 4',
      understanding: 'B.3.5 4',
      expression: 'B.3.6 4',
      aggression: 'B.3.7 1',
      depression: 'B.3.8 1',
      consciousness: 'B.3.9 2',
      vision: 'B.4.1 2',
      hearing: 'B.4.2 2',
      dailyTasks: 'B.4.3 4',
      transport: 'B.4.4 3',
      socialContact: 'B.4.5 4',
    });
  });

  it('adds up to 90, with group maxima 32, 15, 28 and 15 that are the sums of their items', () => {
    const standard = CAPABILITY_ASSESSMENT_2022;
    expect(ITEMS.reduce((sum, i) => sum + i.max, 0)).toBe(90);
    expect(standard.maxTotal).toBe(90);
    expect(standard.groups.map((g) => [g.key, g.max])).toEqual([
      ['selfCare', 32],
      ['mobility', 15],
      ['mental', 28],
      ['perception', 15],
    ]);
    for (const group of standard.groups) {
      expect(group.items.reduce((sum, i) => sum + i.max, 0)).toBe(group.max);
      for (const i of group.items) expect(i.number.startsWith(`${group.number}.`)).toBe(true);
    }
  });

  it('names every item, group, grade, reason, risk event and level in Chinese and English', () => {
    const standard = CAPABILITY_ASSESSMENT_2022;
    const names = [
      ...standard.groups.flatMap((g) => [g.names, ...g.items.map((i) => i.names)]),
      ...standard.grades.map((g) => g.names),
      ...standard.commonLevels.map((l) => l.names),
      ...Object.values(standard.reasons),
      ...Object.values(standard.riskEvents),
      ...Object.values(standard.adjustments),
    ];
    for (const n of names) {
      expect(n['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(n.en).toMatch(/^[A-Z]/);
    }
    expect(standard.grades.map((g) => g.names['zh-CN'])).toEqual([
      '能力完好',
      '轻度失能',
      '中度失能',
      '重度失能',
      '完全失能',
    ]);
    expect(Object.keys(standard.reasons)).toEqual(['first', 'routine', 'triggered', 'dispute']);
    expect(standard.commonLevels.map((l) => [l.score, l.names.en])).toEqual([
      [4, 'Independent'],
      [3, 'Needs prompting'],
      [2, 'Needs some help'],
      [1, 'Mostly helped'],
      [0, 'Fully dependent'],
    ]);
  });

  it('has grade bands from best to worst that cover 0…90 without gaps or overlaps', () => {
    const bands = CAPABILITY_ASSESSMENT_2022.grades;
    expect(bands.map((b) => b.key)).toEqual([...GRADE_KEYS]);
    expect(bands[0]!.maxTotal).toBe(90);
    expect(bands.at(-1)!.minTotal).toBe(0);
    for (let i = 1; i < bands.length; i += 1) expect(bands[i]!.maxTotal).toBe(bands[i - 1]!.minTotal - 1);
  });
});

describe('initial grade from the total', () => {
  const edges: Array<[number, Grade]> = [
    [90, 'intact'],
    [89, 'mild'],
    [66, 'mild'],
    [65, 'moderate'],
    [46, 'moderate'],
    [45, 'severe'],
    [30, 'severe'],
    [29, 'complete'],
    [0, 'complete'],
  ];
  it.each(edges)('a total of %i is %s, and stays so without adjustments', (total, grade) => {
    const result = scoreAssessment(form(total));
    expect(result.total).toBe(total);
    expect(result.initialGrade).toBe(grade);
    expect(result.finalGrade).toBe(grade);
    expect(result.adjustments).toEqual([]);
    expect(gradeForTotal(total)).toBe(grade);
  });

  it('refuses a total outside 0…90', () => {
    expect(() => gradeForTotal(91)).toThrow(RangeError);
    expect(() => gradeForTotal(-1)).toThrow(RangeError);
  });
});

describe('group sums', () => {
  it('adds each group separately', () => {
    const scores = {
      ...scoresTotalling(90),
      eating: 2,
      stairs: 1,
      aggression: 0,
      consciousness: 1,
      vision: 0,
    };
    const result = scoreAssessment({ scores, coma: false, dementia: false, riskEvents30d: 0 });
    expect(result.groups).toEqual({
      selfCare: { score: 30, max: 32 },
      mobility: { score: 13, max: 15 },
      mental: { score: 26, max: 28 },
      perception: { score: 13, max: 15 },
    });
    expect(result.total).toBe(82);
  });
});

describe('final grade rules', () => {
  it('makes a person in a coma completely disabled whatever the total', () => {
    for (const total of [90, 66, 46, 30, 0]) {
      const result = scoreAssessment(form(total, { coma: true, dementia: true, riskEvents30d: 3 }));
      expect(result.finalGrade).toBe('complete');
      expect(result.adjustments).toEqual(['coma']);
    }
  });

  it('makes the grade one worse for diagnosed dementia or a psychiatric disorder', () => {
    const cases: Array<[number, Grade]> = [
      [90, 'mild'],
      [66, 'moderate'],
      [46, 'severe'],
      [30, 'complete'],
      [29, 'complete'],
    ];
    for (const [total, grade] of cases) {
      const result = scoreAssessment(form(total, { dementia: true }));
      expect(result.finalGrade).toBe(grade);
      expect(result.adjustments).toEqual(['dementia']);
    }
  });

  it('ignores one care-risk event and makes the grade one worse from two on', () => {
    expect(scoreAssessment(form(90, { riskEvents30d: 1 }))).toMatchObject({
      finalGrade: 'intact',
      adjustments: [],
    });
    for (const events of [2, 7]) {
      expect(scoreAssessment(form(90, { riskEvents30d: events }))).toMatchObject({
        finalGrade: 'mild',
        adjustments: ['riskEvents'],
      });
    }
  });

  it('stacks dementia and care-risk events by default and when the setting says so', () => {
    const both = { dementia: true, riskEvents30d: 2 };
    for (const options of [undefined, { stackAdjustments: true }]) {
      const result = scoreAssessment(form(90, both), options);
      expect(result).toMatchObject({ initialGrade: 'intact', finalGrade: 'moderate' });
      expect(result.adjustments).toEqual(['dementia', 'riskEvents']);
    }
    expect(scoreAssessment(form(66, both)).finalGrade).toBe('severe');
  });

  it('counts them once when the setting says they do not stack', () => {
    const off = { stackAdjustments: false };
    expect(scoreAssessment(form(90, { dementia: true, riskEvents30d: 2 }), off)).toMatchObject({
      finalGrade: 'mild',
      adjustments: ['dementia', 'riskEvents'],
    });
    expect(scoreAssessment(form(90, { dementia: true }), off).finalGrade).toBe('mild');
    expect(scoreAssessment(form(90, { riskEvents30d: 1 }), off).finalGrade).toBe('intact');
    expect(scoreAssessment(form(90, { dementia: true, riskEvents30d: 1 }), off).finalGrade).toBe('mild');
  });

  it('is never worse than complete disability', () => {
    for (const stackAdjustments of [true, false]) {
      for (const total of [45, 30, 29, 0]) {
        const result = scoreAssessment(form(total, { dementia: true, riskEvents30d: 5 }), {
          stackAdjustments,
        });
        expect(result.finalGrade).toBe('complete');
      }
    }
    expect(worsenGrade('severe', 2)).toBe('complete');
    expect(worsenGrade('complete', 1)).toBe('complete');
    expect(worsenGrade('mild', 0)).toBe('mild');
  });
});

describe('validation', () => {
  const catchIssue = (input: AssessmentInput) => {
    try {
      scoreAssessment(input);
    } catch (err) {
      expect(err).toBeInstanceOf(AssessmentScoreError);
      return err as AssessmentScoreError;
    }
    throw new Error('expected a refusal');
  };

  it('names a missing item and its range', () => {
    const { stairs: _, ...scores } = scoresTotalling(90);
    const error = catchIssue({ ...form(90), scores: scores as Record<ItemKey, number> });
    expect(error.issue).toEqual({ kind: 'missing', item: 'stairs', min: 0, max: 3 });
    expect(error.message).toBe('scores.stairs must be a whole number from 0 to 3 (missing)');
  });

  it('names an item above its maximum, negative, fractional or not a number', () => {
    for (const value of [4, -1, 2.5, Number.NaN, '3' as unknown as number]) {
      const error = catchIssue({ ...form(90), scores: { ...scoresTotalling(90), stairs: value } });
      expect(error.issue).toEqual({ kind: 'invalid', item: 'stairs', min: 0, max: 3 });
      expect(error.message).toBe('scores.stairs must be a whole number from 0 to 3');
    }
    const error = catchIssue({ ...form(90), scores: { ...scoresTotalling(90), aggression: 2 } });
    expect(error.issue).toMatchObject({ item: 'aggression', max: 1 });
  });

  it('names unknown items before anything else, then every bad item in order', () => {
    const { eating: _, ...rest } = scoresTotalling(90);
    const issues = checkScores({ ...rest, stair: 3, smell: 1, vision: 3 });
    expect(issues).toEqual([
      { kind: 'unknown', items: ['stair', 'smell'] },
      { kind: 'missing', item: 'eating', min: 0, max: 4 },
      { kind: 'invalid', item: 'vision', min: 0, max: 2 },
    ]);
    expect(checkScores(scoresTotalling(37))).toEqual([]);
  });

  it('refuses a negative or fractional count of care-risk events', () => {
    expect(() => scoreAssessment(form(90, { riskEvents30d: -1 }))).toThrow(RangeError);
    expect(() => scoreAssessment(form(90, { riskEvents30d: 1.5 }))).toThrow(RangeError);
  });
});

describe('properties', () => {
  const scoresArb = fc.record(
    Object.fromEntries(ITEMS.map((i) => [i.key, fc.integer({ min: 0, max: i.max })])) as Record<
      ItemKey,
      fc.Arbitrary<number>
    >,
  );
  const inputArb = fc.record({
    scores: scoresArb,
    coma: fc.boolean(),
    dementia: fc.boolean(),
    riskEvents30d: fc.integer({ min: 0, max: 10 }),
  });

  it('totals the items and the groups, and adjustments never improve the grade', () => {
    fc.assert(
      fc.property(inputArb, fc.boolean(), (input, stackAdjustments) => {
        const result = scoreAssessment(input, { stackAdjustments });
        const sum = ITEM_KEYS.reduce((s, key) => s + input.scores[key], 0);
        expect(result.total).toBe(sum);
        expect(Object.values(result.groups).reduce((s, g) => s + g.score, 0)).toBe(sum);
        for (const g of Object.values(result.groups)) expect(g.score).toBeLessThanOrEqual(g.max);
        expect(result.initialGrade).toBe(gradeForTotal(sum));
        expect(rank(result.finalGrade)).toBeGreaterThanOrEqual(rank(result.initialGrade));
        expect(rank(result.finalGrade) - rank(result.initialGrade)).toBeLessThanOrEqual(
          input.coma ? 4 : stackAdjustments ? 2 : 1,
        );
      }),
    );
  });

  it('never gives a better grade to a lower total, with the same flags', () => {
    fc.assert(
      fc.property(inputArb, scoresArb, fc.boolean(), (a, otherScores, stackAdjustments) => {
        const b = { ...a, scores: otherScores };
        const [low, high] = [
          scoreAssessment(a, { stackAdjustments }),
          scoreAssessment(b, { stackAdjustments }),
        ].sort((x, y) => x.total - y.total);
        expect(rank(low!.initialGrade)).toBeGreaterThanOrEqual(rank(high!.initialGrade));
        expect(rank(low!.finalGrade)).toBeGreaterThanOrEqual(rank(high!.finalGrade));
      }),
    );
    for (let total = 1; total <= 90; total += 1) {
      expect(rank(gradeForTotal(total))).toBeLessThanOrEqual(rank(gradeForTotal(total - 1)));
    }
  });

  it('scores the total reached by any spread of points', () => {
    for (let total = 0; total <= 90; total += 1) expect(scoreAssessment(form(total)).total).toBe(total);
  });
});
