export { apportion } from '../../../lib/apportion.js';
/**
 * Deterministic randomness for the demo register: the same seed gives the same Hebei every time,
 * so screenshots, tests and bug reports agree on what the demo holds.
 */

/** A [0, 1) generator (mulberry32) with the helpers the demo needs. */
export interface Random {
  (): number;
  /** A whole number from `min` to `max`, both included. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** An item drawn in proportion to its weight. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T;
  /** A version-4-shaped UUID drawn from this sequence. */
  uuid(): string;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** A generator seeded by a string (a region code, a name, a purpose). */
export function seededRandom(seed: string): Random {
  let state = 2166136261;
  for (const ch of seed) state = Math.imul(state ^ ch.charCodeAt(0), 16777619);
  const next = (() => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }) as Random;
  next.int = (min, max) => min + Math.floor(next() * (max - min + 1));
  next.chance = (p) => next() < p;
  next.pick = (items) => items[Math.floor(next() * items.length)]!;
  next.weighted = (items, weights) => {
    const total = weights.reduce((a, b) => a + b, 0);
    let at = next() * total;
    for (let i = 0; i < items.length; i++) {
      at -= weights[i]!;
      if (at < 0) return items[i]!;
    }
    return items[items.length - 1]!;
  };
  next.uuid = () => {
    const b: number[] = [];
    for (let i = 0; i < 4; i++) {
      const word = Math.floor(next() * 0x100000000);
      b.push(word >>> 24, (word >>> 16) & 0xff, (word >>> 8) & 0xff, word & 0xff);
    }
    b[6] = (b[6]! & 0x0f) | 0x40;
    b[8] = (b[8]! & 0x3f) | 0x80;
    const h = b.map((byte) => HEX[byte]!);
    return `${h[0]}${h[1]}${h[2]}${h[3]}-${h[4]}${h[5]}-${h[6]}${h[7]}-${h[8]}${h[9]}-${h[10]}${h[11]}${h[12]}${h[13]}${h[14]}${h[15]}`;
  };
  return next;
}
