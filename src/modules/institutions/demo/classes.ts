import {
  CHILDCARE_CLASS_RULES_2019,
  type ClassType,
  requiredCarers,
} from '../../../standards/childcare-classes.js';
import { chineseNumber } from './names.js';
import type { Random } from './random.js';

/** One class as planned: type, licensed size, children enrolled and carers assigned. */
export interface PlannedClass {
  type: ClassType;
  name: string;
  capacity: number;
  enrolled: number;
  carers: number;
}

const SHARE: Record<Exclude<ClassType, 'home_point'>, number> = {
  infant: 0.12,
  toddler: 0.33,
  older_toddler: 0.4,
  mixed: 0.15,
};

const NAME_PREFIX: Record<ClassType, string> = {
  infant: '乳儿',
  toddler: '托小',
  older_toddler: '托大',
  mixed: '混龄',
  home_point: '家庭托育',
};

const SMALLEST_CLASS = 5;

/** The class types an institution taking children from `minAgeMonths` runs (none for younger ones). */
export function classTypesFrom(
  minAgeMonths: number,
  kindergarten: boolean,
): Exclude<ClassType, 'home_point'>[] {
  const rules = CHILDCARE_CLASS_RULES_2019;
  const types = (Object.keys(SHARE) as Exclude<ClassType, 'home_point'>[]).filter(
    (type) => rules[type].minAgeMonths >= minAgeMonths,
  );
  return kindergarten ? types.filter((t) => t === 'older_toddler' || t === 'mixed') : types;
}

/**
 * Classes whose sizes add up to exactly `places`, each within the standard's maximum for its
 * type, `enrolled` 50–95 % of the size, and exactly the carers the ratio asks for the enrolled
 * children. A home-based point has one class of its places.
 */
export function planClasses(random: Random, places: number, types: readonly ClassType[]): PlannedClass[] {
  const rules = CHILDCARE_CLASS_RULES_2019;
  const sizes: Array<{ type: ClassType; capacity: number }> = [];
  if (types.includes('home_point')) {
    sizes.push({ type: 'home_point', capacity: Math.min(places, rules.home_point.maxSize) });
  } else {
    const weights = types.map((t) => SHARE[t as keyof typeof SHARE] ?? 0.1);
    let sum = 0;
    while (sum < places) {
      const type = random.weighted(types, weights);
      const capacity = rules[type].maxSize - random.int(0, 3);
      sizes.push({ type, capacity });
      sum += capacity;
    }
    // Trim the overshoot a child at a time, never below the smallest sensible class.
    for (let over = sum - places, i = sizes.length - 1; over > 0; i = (i - 1 + sizes.length) % sizes.length) {
      if (sizes.every((s) => s.capacity <= SMALLEST_CLASS)) {
        const removed = sizes.pop()!;
        over -= removed.capacity;
        if (over < 0) sizes.push({ type: removed.type, capacity: -over });
        break;
      }
      if (sizes[i]!.capacity > SMALLEST_CLASS) {
        sizes[i]!.capacity -= 1;
        over -= 1;
      }
    }
  }
  const counters = new Map<ClassType, number>();
  return sizes
    .sort((a, b) => rules[a.type].minAgeMonths - rules[b.type].minAgeMonths || a.type.localeCompare(b.type))
    .map(({ type, capacity }) => {
      const n = (counters.get(type) ?? 0) + 1;
      counters.set(type, n);
      const enrolled = Math.max(1, Math.round(capacity * (0.5 + 0.45 * random())));
      const carers = requiredCarers(enrolled, type);
      const name = type === 'home_point' ? '家庭托育班' : `${NAME_PREFIX[type]}${chineseNumber(n)}班`;
      return { type, name, capacity, enrolled, carers };
    });
}
