import { pinyin } from 'pinyin-pro';

/** Full pinyin and initials of a region name, the two keys pinyin search matches on. */
export interface PinyinKeys {
  /** Lower case, no tones, no spaces, ü written v: `shijiazhuangshi`. */
  pinyin: string;
  /** First letter of every syllable: `sjzs`. */
  initials: string;
}

/**
 * Pinyin keys of a name. One pinyin-pro call gives both keys (the initials are the first
 * letters of the syllables), and repeated names (half the village names recur) are cached,
 * which keeps the full 665k-name tree to a few seconds.
 */
export function pinyinKeys(name: string, cache?: Map<string, PinyinKeys>): PinyinKeys {
  const hit = cache?.get(name);
  if (hit) return hit;
  const syllables = pinyin(name, { toneType: 'none', type: 'array', v: true })
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .filter(Boolean);
  const keys = { pinyin: syllables.join(''), initials: syllables.map((s) => s[0]).join('') };
  cache?.set(name, keys);
  return keys;
}

/** Normalise a search term typed as pinyin: lower case, spaces and apostrophes removed, ü → v. */
export function normalisePinyinQuery(q: string): string {
  return q
    .toLowerCase()
    .replaceAll('ü', 'v')
    .replace(/[\s'’-]/g, '');
}
