import { requiredMaterials } from '../../../standards/filing-materials.js';
import { addWorkingDays } from '../../../standards/working-days.js';
import { addDays, officeTime } from './dates.js';
import type { Random } from './random.js';
import type { Row, SeedRows } from './types.js';

/** Filing states an institution can be left in by the demo. */
export type DemoFilingState = 'draft' | 'submitted' | 'acknowledged' | 'returned' | 'resubmitted' | 'filed';

const ACKNOWLEDGE_WITHIN = 5;
const REVIEW_WITHIN = 15;
/** Grades of filed childcare institutions (WS/T 821) and the stars the demo region gives A and B. */
const GRADES = ['A', 'B', 'C', 'D'] as const;
const STARS: Record<string, number | null> = { A: 5, B: 4, C: null, D: null };

export interface FilingOptions {
  today: string;
  /** Share of institutions filed; the rest are somewhere in the workflow. */
  filedShare: number;
  /** Leave the filing in this state whatever the draw (Chang'an's work queue). */
  state?: DemoFilingState;
  /** Working days ago the (last) submission happened, for a forced open state. */
  submittedDaysAgo?: number;
  /** Filed childcare institutions: ~60 % are graded. */
  graded: boolean;
}

/**
 * Put an institution through its initial filing: the filing row with deadlines in working days
 * (acknowledge within 5, name missing materials within 15, from the last submission), every step
 * as a filing event, and the institution's status (and grade, once filed) to match.
 */
export function fileInstitution(
  seed: SeedRows,
  random: Random,
  row: Row,
  countyCode: string,
  options: FilingOptions,
): void {
  const { today } = options;
  const state: DemoFilingState =
    options.state ??
    (random.chance(options.filedShare)
      ? 'filed'
      : random.weighted<DemoFilingState>(
          ['draft', 'submitted', 'acknowledged', 'returned', 'resubmitted'],
          [0.25, 0.25, 0.2, 0.15, 0.15],
        ));
  const filingId = random.uuid();
  const events: Array<[action: string, from: string, to: string, day: string, comment: string | null]> = [];
  const servesMeals = Array.isArray(row.care_forms) && row.care_forms.includes('full_day');
  const materials = requiredMaterials({ kind: String(row.kind), servesMeals });
  let submitted: string | null = null;
  let lastSubmission: string | null = null;
  let acknowledged: string | null = null;
  let returned: string | null = null;
  let missing: string[] = [];
  let round = 1;

  if (state === 'filed') {
    const filedDay = toWorkingDay(addDays(today, -random.int(30, 1400)));
    submitted = addWorkingDays(filedDay, -random.int(4, 14));
    acknowledged = addWorkingDays(submitted, random.int(1, 4));
    lastSubmission = submitted;
    events.push(['submit', 'draft', 'submitted', submitted, null]);
    events.push(['acknowledge', 'submitted', 'acknowledged', acknowledged, null]);
    events.push(['approve', 'acknowledged', 'filed', filedDay, '材料齐全，予以备案']);
  } else if (state !== 'draft') {
    const ago = options.submittedDaysAgo ?? random.int(state === 'submitted' ? 1 : 4, 20);
    submitted = addWorkingDays(today, -ago);
    lastSubmission = submitted;
    events.push(['submit', 'draft', 'submitted', submitted, null]);
    if (state !== 'submitted') {
      const ackOffset = Math.max(0, Math.min(ago - 2, random.int(1, 3)));
      acknowledged = notAfter(addWorkingDays(submitted, ackOffset), today);
      events.push(['acknowledge', 'submitted', 'acknowledged', acknowledged, null]);
      if (state === 'returned' || state === 'resubmitted') {
        const room = ago - ackOffset - (state === 'resubmitted' ? 1 : 0);
        returned = notAfter(
          addWorkingDays(acknowledged, Math.max(0, Math.min(room, random.int(1, 4)))),
          today,
        );
        missing = pickMissing(random, materials);
        events.push(['return', 'acknowledged', 'returned', returned, `请补充材料（${missing.length} 项）`]);
      }
      if (state === 'resubmitted') {
        lastSubmission = notAfter(addWorkingDays(returned!, 1), today);
        round = 2;
        events.push(['resubmit', 'returned', 'resubmitted', lastSubmission, '已按要求补充材料']);
      }
    }
  }

  const created = addDays(submitted ?? today, -random.int(1, 20));
  const stamps = events.map(([, , , day], i) => officeTime(day, 60 * i + random.int(0, 50)));
  const stampOf = (action: string) => {
    const at = events.findLastIndex(([a]) => a === action);
    return at >= 0 ? stamps[at]! : null;
  };
  seed.filings.push({
    id: filingId,
    institution_id: String(row.id),
    kind: 'initial',
    status: state,
    county_code: countyCode,
    changes: null,
    missing_materials: missing,
    comment: null,
    submitted_at: stampOf(round > 1 ? 'resubmit' : 'submit'),
    acknowledge_by: lastSubmission ? addWorkingDays(lastSubmission, ACKNOWLEDGE_WITHIN) : null,
    review_by: lastSubmission ? addWorkingDays(lastSubmission, REVIEW_WITHIN) : null,
    acknowledged_at: stampOf('acknowledge'),
    returned_at: stampOf('return'),
    decided_at: stampOf('approve'),
    round,
    created_at: officeTime(created, random.int(0, 480)),
    updated_at: stamps.at(-1) ?? officeTime(created, 500),
  });
  events.forEach(([action, from, to, , comment], i) => {
    seed.filing_events.push({
      id: random.uuid(),
      filing_id: filingId,
      action,
      from_status: from,
      to_status: to,
      actor_id: null,
      comment,
      at: stamps[i]!,
    });
  });

  row.status = state;
  row.created_at = officeTime(created, 0);
  if (state === 'filed') {
    row.filed_at = stampOf('approve');
    if (options.graded && random.chance(0.6)) {
      const grade = random.weighted(GRADES, [0.15, 0.4, 0.35, 0.1]);
      row.grade = grade;
      row.stars = STARS[grade] ?? null;
    }
  }
}

function pickMissing(random: Random, materials: readonly string[]): string[] {
  const count = random.int(1, 2);
  const pool = [...materials];
  const out: string[] = [];
  while (out.length < count && pool.length > 0) out.push(pool.splice(random.int(0, pool.length - 1), 1)[0]!);
  return out;
}

function notAfter(day: string, limit: string): string {
  return day > limit ? limit : day;
}

/** The day itself when it is a working day, else the next one. */
function toWorkingDay(day: string): string {
  return addWorkingDays(addDays(day, -1), 1);
}
