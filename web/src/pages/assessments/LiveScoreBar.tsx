import { ArrowRightOutlined, LoadingOutlined } from '@ant-design/icons';
import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AssessmentForm, AssessmentScore } from '../../api/assessments';
import { GradeTag, nameOf } from './assessment-labels';

/**
 * The running result, kept in view while the assessor scrolls: items answered, the total and
 * the grade the server computed (initial → final when a rule changed it) and the rules applied.
 */
export function LiveScoreBar({
  form,
  answered,
  score,
  scoring,
}: {
  form: AssessmentForm;
  answered: number;
  /** Null until every item is answered. */
  score: AssessmentScore | null;
  scoring: boolean;
}) {
  const { t } = useTranslation();
  const items = form.groups.reduce((n, g) => n + g.items.length, 0);
  return (
    <div
      style={{
        position: 'sticky',
        top: 64,
        zIndex: 5,
        background: '#fff',
        border: '1px solid #e5e9ee',
        borderRadius: 8,
        padding: '10px 16px',
        display: 'flex',
        flexWrap: 'wrap',
        alignItems: 'center',
        gap: 16,
      }}
    >
      <Typography.Text data-testid="live-answered">
        {t('assessmentRecords.answered', { done: answered, total: items })}
      </Typography.Text>
      <Space size={6}>
        <Typography.Text type="secondary">{t('assessmentRecords.total')}</Typography.Text>
        <Typography.Text strong style={{ fontSize: 24 }} data-testid="live-total">
          {score ? score.total : '—'}
        </Typography.Text>
        <Typography.Text type="secondary">/ {form.maxTotal}</Typography.Text>
      </Space>
      <Space size={6} data-testid="live-grade" data-grade={score?.finalGrade ?? ''}>
        <Typography.Text type="secondary">{t('assessmentRecords.grade')}</Typography.Text>
        {score ? (
          <>
            {score.initialGrade !== score.finalGrade && (
              <>
                <GradeTag grade={score.initialGrade} form={form} />
                <ArrowRightOutlined />
              </>
            )}
            <GradeTag grade={score.finalGrade} form={form} />
          </>
        ) : (
          <Typography.Text type="secondary">{t('assessmentRecords.incomplete')}</Typography.Text>
        )}
        {scoring && <LoadingOutlined />}
      </Space>
      {score && score.adjustments.length > 0 && (
        <Space size={4} wrap>
          {score.adjustments.map((a) => (
            <Tag key={a} color="volcano">
              {nameOf(form.rules.adjustments, a)}
            </Tag>
          ))}
        </Space>
      )}
    </div>
  );
}
