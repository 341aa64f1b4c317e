import type { RecordRow } from './attendance.repo.js';
import type { AttendanceRecordView, CheckView } from './attendance.schema.js';

/** A morning or midday check as stored in the record's jsonb column. */
export interface StoredCheck {
  temperature: number;
  result: 'normal' | 'abnormal';
  findings: string | null;
  checkedBy: string | null;
  checkedById: string | null;
  at: string;
}

/** "08:05", China time, for an instant. */
export function chinaClock(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(11, 16);
}

function presentCheck(value: unknown): CheckView | null {
  if (!value || typeof value !== 'object') return null;
  const c = value as StoredCheck;
  return {
    temperature: Number(c.temperature),
    result: c.result,
    findings: c.findings ?? null,
    checkedBy: c.checkedBy ?? null,
    at: c.at,
  };
}

/** A child's day as the API shows it; `names` resolves who dropped off and picked up. */
export function presentRecord(row: RecordRow, names: Map<string, string>): AttendanceRecordView {
  const person = (id: string | null) => (id ? { id, name: names.get(id) ?? '' } : null);
  return {
    id: row.id,
    memberId: row.memberId,
    classId: row.classId,
    bookingId: row.bookingId,
    day: row.day,
    checkedInAt: row.checkedInAt?.toISOString() ?? null,
    droppedOffBy: person(row.droppedOffBy),
    checkedOutAt: row.checkedOutAt?.toISOString() ?? null,
    pickedUpBy: person(row.pickedUpBy),
    morningCheck: presentCheck(row.morningCheck),
    middayCheck: presentCheck(row.middayCheck),
  };
}
