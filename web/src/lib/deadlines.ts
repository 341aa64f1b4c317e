/** How urgent a filing deadline is: overdue (red), within 2 working days (orange), else calm. */
export function deadlineTone(item: {
  overdue: boolean;
  workingDaysLeft: number | null;
}): 'overdue' | 'due' | 'ok' {
  if (item.overdue || (item.workingDaysLeft !== null && item.workingDaysLeft < 0)) return 'overdue';
  if (item.workingDaysLeft !== null && item.workingDaysLeft <= 2) return 'due';
  return 'ok';
}
