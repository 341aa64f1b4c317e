import { ArrowLeftOutlined, ArrowRightOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Collapse, Descriptions, Empty, Result, Space, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import {
  type Assessment,
  type AssessmentForm,
  useAssessmentForm,
  useAssessmentHistory,
} from '../../api/assessments';
import { isApiError } from '../../api/client';
import { PageLoading } from '../../components/PageLoading';
import { chinaToday } from './assessment-form';
import { GradeTag, nameOf } from './assessment-labels';
import { PersonSummary } from './PersonSummary';

/** One assessment of the history: day, reason, total, grade (initial → final), due day; details folded. */
function historyItem(a: Assessment, form: AssessmentForm | undefined, t: TFunction) {
  const header = (
    <Space wrap size={10} data-testid="history-row" data-assessment-id={a.id}>
      <Typography.Text strong>{a.assessedOn}</Typography.Text>
      <Tag>{nameOf(form?.reasons, a.reason)}</Tag>
      <span>
        {t('assessmentRecords.total')} <Typography.Text strong>{a.total}</Typography.Text>
      </span>
      {a.initialGrade !== a.finalGrade && (
        <>
          <GradeTag grade={a.initialGrade} form={form} />
          <ArrowRightOutlined />
        </>
      )}
      <GradeTag grade={a.finalGrade} form={form} testId="history-grade" />
      <Typography.Text type="secondary">
        {t('assessmentRecords.nextDue')} {a.nextDueOn}
      </Typography.Text>
    </Space>
  );
  return {
    key: a.id,
    label: header,
    children: (
      <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
        {form?.groups.map((g) => (
          <Descriptions.Item key={g.key} label={g.name}>
            {a.groups[g.key]?.score ?? 0} / {g.max}
          </Descriptions.Item>
        ))}
        <Descriptions.Item label={t('assessmentRecords.adjustments')}>
          {a.adjustments.length > 0
            ? a.adjustments.map((x) => nameOf(form?.rules.adjustments, x)).join('；')
            : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('assessmentRecords.riskEvents')}>
          {a.riskEvents30d.length > 0
            ? a.riskEvents30d.map((k) => nameOf(form?.riskEvents, k)).join('、')
            : '0'}
        </Descriptions.Item>
        <Descriptions.Item label={t('assessmentRecords.assessor')}>{a.assessorName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('assessmentRecords.minutes')}>{a.minutes ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('assessmentRecords.notes')}>{a.notes ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('assessmentRecords.standard')}>{a.standard}</Descriptions.Item>
      </Descriptions>
    ),
  };
}

/** A person's assessments on record, newest first, with the day the next one is due. */
export default function PersonAssessmentsPage() {
  const { personId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const history = useAssessmentHistory(personId);
  const form = useAssessmentForm(i18n.language);

  if (history.isPending) return <PageLoading />;
  if (history.isError) {
    const error = history.error;
    return (
      <Result status={isApiError(error) && error.status === 403 ? '403' : 'error'} title={error.message} />
    );
  }
  const { person, items, nextDueOn } = history.data;
  const overdue = nextDueOn !== null && nextDueOn < chinaToday();
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Button
        type="link"
        icon={<ArrowLeftOutlined />}
        onClick={() => navigate('/assessments')}
        style={{ padding: 0 }}
      >
        {t('assessmentRecords.backToList')}
      </Button>
      <Card size="small">
        <PersonSummary
          person={person}
          extra={
            <Button
              type="primary"
              size="large"
              icon={<PlusOutlined />}
              onClick={() => navigate(`/assessments/new/${personId}`)}
              data-testid="history-new"
            >
              {t('assessmentRecords.newAssessment')}
            </Button>
          }
        />
      </Card>
      <Card
        size="small"
        title={t('assessmentRecords.history')}
        extra={
          <Space size={6} data-testid="history-next-due">
            <Typography.Text type="secondary">{t('assessmentRecords.nextDue')}</Typography.Text>
            {nextDueOn ? (
              <Tag color={overdue ? 'red' : 'blue'}>
                {nextDueOn}
                {overdue ? ` · ${t('assessmentRecords.state.overdue')}` : ''}
              </Tag>
            ) : (
              <Tag color="purple">{t('assessmentRecords.state.never')}</Tag>
            )}
          </Space>
        }
      >
        {form.isError && <Alert type="warning" showIcon title={form.error.message} />}
        {items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('assessmentRecords.noHistory')} />
        ) : (
          <Collapse ghost items={items.map((a) => historyItem(a, form.data, t))} />
        )}
      </Card>
    </Space>
  );
}
