import { describe, expect, it } from 'vitest';
import {
  ACTION_SIDE,
  ALLOWED_ACTIONS_BY_STATUS,
  actionsFor,
  FILING_ACTIONS,
  FILING_STATUSES,
  isActionAllowed,
  nextDeadlineOf,
  OPEN_STATUSES,
  RESULT_STATUS,
} from './filing.workflow.js';

describe('filing workflow data', () => {
  it('ends in filed or withdrawn, and every other status has a way on', () => {
    for (const status of FILING_STATUSES) {
      const allowed = ALLOWED_ACTIONS_BY_STATUS[status];
      expect(allowed.length === 0).toBe(status === 'filed' || status === 'withdrawn');
      expect((OPEN_STATUSES as readonly string[]).includes(status)).toBe(allowed.length > 0);
    }
  });

  it('reaches filed from draft only through the authority, and every action leads to a known status', () => {
    for (const action of FILING_ACTIONS) expect(FILING_STATUSES).toContain(RESULT_STATUS[action]);
    const reach = new Set<string>(['draft']);
    for (let i = 0; i < FILING_STATUSES.length; i++) {
      for (const s of [...reach])
        for (const a of ALLOWED_ACTIONS_BY_STATUS[s as 'draft']) reach.add(RESULT_STATUS[a]);
    }
    expect([...reach].sort()).toEqual([...FILING_STATUSES].sort());
    expect(ACTION_SIDE.approve).toBe('authority');
  });

  it('gives each side only its own actions', () => {
    expect(actionsFor('draft', new Set(['institution']))).toEqual(['submit', 'withdraw']);
    expect(actionsFor('draft', new Set(['authority']))).toEqual([]);
    expect(actionsFor('resubmitted', new Set(['authority']))).toEqual(['acknowledge', 'return', 'approve']);
    expect(actionsFor('returned', new Set(['institution', 'authority']))).toEqual(['resubmit', 'withdraw']);
    expect(isActionAllowed('submitted', 'approve')).toBe(false);
    expect(isActionAllowed('nonsense', 'submit')).toBe(false);
  });

  it('faces the acknowledgement deadline first, then the review deadline', () => {
    const f = { acknowledgeBy: '2026-02-27', reviewBy: '2026-03-12' };
    expect(nextDeadlineOf({ ...f, status: 'submitted' })).toBe('2026-02-27');
    expect(nextDeadlineOf({ ...f, status: 'resubmitted' })).toBe('2026-02-27');
    expect(nextDeadlineOf({ ...f, status: 'acknowledged' })).toBe('2026-03-12');
    expect(nextDeadlineOf({ ...f, status: 'returned' })).toBeNull();
  });
});
