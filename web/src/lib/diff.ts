/** One key of a before/after pair, flattened to a dotted path. */
export interface DiffRow {
  key: string;
  before: unknown;
  after: unknown;
  change: 'added' | 'removed' | 'changed' | 'same';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function flatten(value: unknown, prefix: string, out: Map<string, unknown>): void {
  if (isPlainObject(value) && (Object.keys(value).length > 0 || !prefix)) {
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, out);
    return;
  }
  if (prefix) out.set(prefix, value);
  else if (value !== null && value !== undefined) out.set('(value)', value);
}

/** Compare two snapshots key by key, so an audit entry reads as "what changed". */
export function diffSnapshots(before: unknown, after: unknown): DiffRow[] {
  const a = new Map<string, unknown>();
  const b = new Map<string, unknown>();
  flatten(before, '', a);
  flatten(after, '', b);
  const keys = Array.from(new Set([...a.keys(), ...b.keys()]));
  return keys.map((key) => {
    const hasBefore = a.has(key);
    const hasAfter = b.has(key);
    const x = a.get(key);
    const y = b.get(key);
    const change = !hasBefore
      ? 'added'
      : !hasAfter
        ? 'removed'
        : JSON.stringify(x) === JSON.stringify(y)
          ? 'same'
          : 'changed';
    return { key, before: x, after: y, change };
  });
}

/** A snapshot value as readable text. */
export function showValue(value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return 'null';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
