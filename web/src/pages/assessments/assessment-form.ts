import type { AssessmentForm, RiskEventKind, ScoreInput } from '../../api/assessments';

/** Today in China (UTC+8), `YYYY-MM-DD` — the server's "today" for assessment days. */
export function chinaToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Every item key of the form, in the standard's order. */
export function itemKeys(form: AssessmentForm): string[] {
  return form.groups.flatMap((g) => g.items.map((i) => i.key));
}

/** Counts per care-risk event kind as the list the API takes (one entry per event). */
export function riskEventList(counts: Partial<Record<RiskEventKind, number>>): RiskEventKind[] {
  return (Object.entries(counts) as [RiskEventKind, number][]).flatMap(([kind, n]) =>
    Array.from({ length: Math.max(0, n || 0) }, () => kind),
  );
}

/** The scoring input once every item has a score; null while some are unanswered. */
export function scoreInput(
  form: AssessmentForm | undefined,
  scores: Record<string, number>,
  rules: { coma: boolean; dementia: boolean; riskEvents: number },
): ScoreInput | null {
  if (!form) return null;
  const keys = itemKeys(form);
  if (keys.some((key) => scores[key] === undefined)) return null;
  return {
    scores: Object.fromEntries(keys.map((key) => [key, scores[key]!])),
    coma: rules.coma,
    dementia: rules.dementia,
    riskEvents30d: rules.riskEvents,
  };
}

/** The first unanswered item, to scroll to when saving too early. */
export function firstUnanswered(form: AssessmentForm, scores: Record<string, number>): string | null {
  return itemKeys(form).find((key) => scores[key] === undefined) ?? null;
}

/** Where an item's radio group sits on the page (to scroll to it). */
export const itemAnchor = (key: string) => `assessment-item-${key}`;
