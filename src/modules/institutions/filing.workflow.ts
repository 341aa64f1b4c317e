/**
 * The filing (备案) workflow as data: which actions each status allows, which side of the counter
 * takes each action, and where it leads. The service never branches on a status by hand; it asks
 * these tables, so a change of procedure is a change here.
 */

export const FILING_STATUSES = [
  'draft',
  'submitted',
  'acknowledged',
  'returned',
  'resubmitted',
  'filed',
  'withdrawn',
] as const;
export type FilingStatus = (typeof FILING_STATUSES)[number];

export const FILING_ACTIONS = ['submit', 'withdraw', 'acknowledge', 'return', 'approve', 'resubmit'] as const;
export type FilingAction = (typeof FILING_ACTIONS)[number];

export const FILING_KINDS = ['initial', 'change', 'deregistration'] as const;
export type FilingKind = (typeof FILING_KINDS)[number];

/** Actions each status allows, whoever asks. */
export const ALLOWED_ACTIONS_BY_STATUS = {
  draft: ['submit', 'withdraw'],
  submitted: ['acknowledge', 'return'],
  acknowledged: ['return', 'approve'],
  returned: ['resubmit', 'withdraw'],
  resubmitted: ['acknowledge', 'return', 'approve'],
  filed: [],
  withdrawn: [],
} as const satisfies Record<FilingStatus, readonly FilingAction[]>;

/**
 * Who takes an action: the institution (its admin) or the authority (the supervising department's
 * official of the institution's county, or of the city or province above it; the system administrator).
 */
export const ACTION_SIDE = {
  submit: 'institution',
  resubmit: 'institution',
  withdraw: 'institution',
  acknowledge: 'authority',
  return: 'authority',
  approve: 'authority',
} as const satisfies Record<FilingAction, 'institution' | 'authority'>;
export type FilingSide = (typeof ACTION_SIDE)[FilingAction];

/** The status an action leads to. */
export const RESULT_STATUS = {
  submit: 'submitted',
  resubmit: 'resubmitted',
  withdraw: 'withdrawn',
  acknowledge: 'acknowledged',
  return: 'returned',
  approve: 'filed',
} as const satisfies Record<FilingAction, FilingStatus>;

/** Statuses of a filing still in progress: an institution has at most one such filing. */
export const OPEN_STATUSES = ['draft', 'submitted', 'acknowledged', 'returned', 'resubmitted'] as const;

/** Statuses the authority has to act on (the work queue); materials cannot be deleted meanwhile. */
export const UNDER_REVIEW_STATUSES = ['submitted', 'acknowledged', 'resubmitted'] as const;

/** Actions that compute new deadlines (5 working days to acknowledge, 15 to name missing materials). */
export const DEADLINE_ACTIONS: readonly FilingAction[] = ['submit', 'resubmit'];
export const ACKNOWLEDGE_WITHIN_WORKING_DAYS = 5;
export const REVIEW_WITHIN_WORKING_DAYS = 15;

/** Whether `action` may be taken on a filing in `status` (by someone). */
export function isActionAllowed(status: string, action: FilingAction): boolean {
  const allowed = (ALLOWED_ACTIONS_BY_STATUS as Record<string, readonly FilingAction[]>)[status] ?? [];
  return allowed.includes(action);
}

/** The actions a status allows, taken by `sides` (the sides the caller can act for). */
export function actionsFor(status: string, sides: ReadonlySet<FilingSide>): FilingAction[] {
  const allowed = (ALLOWED_ACTIONS_BY_STATUS as Record<string, readonly FilingAction[]>)[status] ?? [];
  return allowed.filter((a) => sides.has(ACTION_SIDE[a]));
}

/** Which deadline the authority faces next in a status: acknowledgement, then naming missing materials. */
export function nextDeadlineOf(filing: {
  status: string;
  acknowledgeBy: string | null;
  reviewBy: string | null;
}): string | null {
  if (filing.status === 'acknowledged') return filing.reviewBy;
  if (filing.status === 'submitted' || filing.status === 'resubmitted') return filing.acknowledgeBy;
  return null;
}
