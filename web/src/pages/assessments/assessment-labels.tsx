import { Tag } from 'antd';
import type { AssessmentForm, Grade } from '../../api/assessments';

/** Colours of the five grades, best to worst. */
export const GRADE_COLORS: Record<Grade, string> = {
  intact: 'green',
  mild: 'cyan',
  moderate: 'gold',
  severe: 'orange',
  complete: 'red',
};

/** A grade as a coloured tag, named as the form names it (server-translated). */
export function GradeTag({
  grade,
  form,
  testId,
}: {
  grade: Grade;
  form: AssessmentForm | undefined;
  testId?: string;
}) {
  const name = form?.grades.find((g) => g.key === grade)?.name ?? grade;
  return (
    <Tag color={GRADE_COLORS[grade]} data-testid={testId} data-grade={grade} style={{ marginInlineEnd: 0 }}>
      {name}
    </Tag>
  );
}

/** The form's name for a key of one of its lists (reasons, care-risk events, adjustments). */
export function nameOf<K extends string>(list: { key: K; name: string }[] | undefined, key: K): string {
  return list?.find((entry) => entry.key === key)?.name ?? key;
}
