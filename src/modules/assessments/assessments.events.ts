import type { Tx } from '../../db/client.js';

/**
 * "A person's facts changed" inside a write's own transaction: an assessment was stored, a roster
 * import changed their data or flags, or an official resolved a conflict about them. Other modules register a hook here —
 * the programs module re-evaluates eligibility — so they see the change before it commits, and
 * a hook that throws rolls the whole write back. A tiny in-process registry, no queue.
 */
export type PersonChangedHook = (tx: Tx, personIds: readonly string[]) => Promise<void>;

const hooks = new Set<PersonChangedHook>();

/**
 * Register a hook run by every `personChanged`. Registering the same function again changes
 * nothing (the app may be built more than once in a process). Returns a function that removes it.
 */
export function onPersonChanged(hook: PersonChangedHook): () => void {
  hooks.add(hook);
  return () => {
    hooks.delete(hook);
  };
}

/** Run every registered hook, in registration order, on the caller's transaction. */
export async function personChanged(tx: Tx, personId: string): Promise<void> {
  await peopleChanged(tx, [personId]);
}

/** `personChanged` for many people at once (a chunk of a roster import): hooks work set-based. */
export async function peopleChanged(tx: Tx, personIds: readonly string[]): Promise<void> {
  const ids = [...new Set(personIds)];
  if (ids.length === 0) return;
  for (const hook of [...hooks]) await hook(tx, ids);
}
