import { Space, Steps, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Filing } from '../../api/types';
import { codeLabel, FILING_STATUS_COLORS } from '../../lib/care-codes';
import { formatDateTime } from '../../lib/format';

type StepStatus = 'wait' | 'process' | 'finish' | 'error';

/** Where a filing stands on the way draft → submitted → acknowledged → filed. */
function position(status: string): { current: number; status: StepStatus; label?: string } {
  switch (status) {
    case 'draft':
      return { current: 0, status: 'process' };
    case 'submitted':
    case 'resubmitted':
      return { current: 2, status: 'process' };
    case 'acknowledged':
      return { current: 3, status: 'process' };
    case 'returned':
      return { current: 1, status: 'error', label: 'returned' };
    case 'filed':
      return { current: 3, status: 'finish', label: 'filed' };
    case 'withdrawn':
      return { current: 1, status: 'error', label: 'withdrawn' };
    default:
      return { current: 0, status: 'wait' };
  }
}

/** The filing's progress as steps, with its status tag. */
export function FilingSteps({ filing }: { filing: Filing }) {
  const { t } = useTranslation();
  const where = position(filing.status);
  const when = (value: string | null) => (value ? formatDateTime(value) : undefined);
  const steps = ['draft', 'submitted', 'acknowledged', 'filed'].map((key, index) => ({
    title:
      index === where.current && where.label
        ? codeLabel(t, 'filingStatus', where.label)
        : t(`filing.step.${key}`),
    description:
      index === where.current && where.label === 'returned'
        ? when(filing.returnedAt)
        : key === 'submitted'
          ? when(filing.submittedAt)
          : key === 'acknowledged'
            ? when(filing.acknowledgedAt)
            : key === 'filed'
              ? when(filing.decidedAt)
              : undefined,
  }));
  return (
    <div data-testid="filing-status" data-status={filing.status}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Tag color={FILING_STATUS_COLORS[filing.status]} data-testid="filing-status-tag">
          {codeLabel(t, 'filingStatus', filing.status)}
        </Tag>
        <Typography.Text type="secondary">
          {codeLabel(t, 'filingKind', filing.kind)} · {t('filing.round', { round: filing.round })}
        </Typography.Text>
      </Space>
      <Steps size="small" current={where.current} status={where.status} items={steps} responsive />
    </div>
  );
}

const PENDING = new Set(['submitted', 'resubmitted', 'acknowledged']);

/** The two statutory deadlines, red once passed while the filing still waits on the authority. */
export function FilingDeadlines({ filing }: { filing: Filing }) {
  const { t } = useTranslation();
  const today = dayjs().format('YYYY-MM-DD');
  const row = (key: 'acknowledgeBy' | 'reviewBy', done: string | null) => {
    const value = filing[key];
    if (!value) return null;
    const late = !done && PENDING.has(filing.status) && value < today;
    return (
      <div key={key}>
        <Typography.Text type="secondary">{t(`filing.${key}`)}</Typography.Text>{' '}
        <Typography.Text strong>{value}</Typography.Text>{' '}
        {done ? (
          <Tag color="green">{t('filing.deadlineMet')}</Tag>
        ) : late ? (
          <Tag color="red">{t('filing.overdue')}</Tag>
        ) : null}
      </div>
    );
  };
  if (!filing.acknowledgeBy && !filing.reviewBy) return null;
  return (
    <div data-testid="filing-deadline">
      {row('acknowledgeBy', filing.acknowledgedAt ?? filing.returnedAt ?? filing.decidedAt)}
      {row(
        'reviewBy',
        filing.status === 'filed' || filing.status === 'returned'
          ? (filing.decidedAt ?? filing.returnedAt)
          : null,
      )}
    </div>
  );
}

/** Every step taken on the filing, newest last. */
export function FilingEvents({ filing }: { filing: Filing }) {
  const { t } = useTranslation();
  if (filing.events.length === 0)
    return <Typography.Text type="secondary">{t('filing.noEvents')}</Typography.Text>;
  return (
    <Timeline
      data-testid="filing-events"
      items={filing.events.map((event, index) => ({
        key: `${event.at}-${index}`,
        color: event.action === 'return' ? 'orange' : event.toStatus === 'filed' ? 'green' : 'blue',
        content: (
          <div>
            <Typography.Text strong>{codeLabel(t, 'filingAction', event.action)}</Typography.Text>{' '}
            <Typography.Text type="secondary">
              {codeLabel(t, 'filingStatus', event.fromStatus)} →{' '}
              {codeLabel(t, 'filingStatus', event.toStatus)}
            </Typography.Text>
            <div style={{ fontSize: 12, color: '#8a97a3' }}>
              {formatDateTime(event.at)} · {event.actorName ?? t('audit.system')}
            </div>
            {event.comment && (
              <Typography.Paragraph style={{ margin: '4px 0 0' }}>{event.comment}</Typography.Paragraph>
            )}
          </div>
        ),
      }))}
    />
  );
}
