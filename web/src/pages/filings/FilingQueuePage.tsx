import { Alert, Card, Grid, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { type QueueFilters, useFilingQueue } from '../../api/institutions';
import type { FilingQueueItem } from '../../api/types';
import { ExportXlsxButton } from '../../components/ExportXlsxButton';
import { codeLabel, FILING_STATUS_COLORS } from '../../lib/care-codes';
import { deadlineTone } from '../../lib/deadlines';
import { formatDateTime } from '../../lib/format';

const TONE_COLORS = { overdue: 'red', due: 'orange', ok: 'default' } as const;

function byDeadline(a: FilingQueueItem, b: FilingQueueItem): number {
  return (a.nextDeadline ?? '9999').localeCompare(b.nextDeadline ?? '9999');
}

/** The authority's work queue: filings of the region that wait on it, soonest deadline first. */
export default function FilingQueuePage() {
  const { t } = useTranslation();
  const wide = Grid.useBreakpoint().md !== false;
  const navigate = useNavigate();
  const [filters, setFilters] = useState<QueueFilters>({});
  const queue = useFilingQueue(filters);
  const items = [...(queue.data?.items ?? [])].sort(byDeadline);
  const overdue = items.filter((item) => deadlineTone(item) === 'overdue').length;

  const columns: ColumnsType<FilingQueueItem> = [
    {
      title: t('filing.institution'),
      dataIndex: 'institutionName',
      fixed: wide ? 'left' : undefined,
      width: 220,
      render: (name: string, row) => (
        <Link to={`/filings/${row.id}`} data-testid="filing-link">
          {name}
        </Link>
      ),
    },
    {
      title: t('filing.nextDeadline'),
      key: 'deadline',
      width: 210,
      defaultSortOrder: 'ascend',
      sorter: byDeadline,
      render: (_, row) => {
        const tone = deadlineTone(row);
        return (
          <span data-testid="filing-deadline" data-tone={tone}>
            <Typography.Text
              strong={tone !== 'ok'}
              type={tone === 'overdue' ? 'danger' : tone === 'due' ? 'warning' : undefined}
            >
              {row.nextDeadline ?? '—'}
            </Typography.Text>{' '}
            {row.workingDaysLeft !== null && (
              <Tag color={TONE_COLORS[tone]}>
                {tone === 'overdue'
                  ? t('filing.overdueDays', { count: Math.abs(row.workingDaysLeft) })
                  : row.workingDaysLeft === 0
                    ? t('filing.dueToday')
                    : t('filing.workingDaysLeft', { count: row.workingDaysLeft })}
              </Tag>
            )}
          </span>
        );
      },
    },
    {
      title: t('filing.status'),
      dataIndex: 'status',
      width: 110,
      render: (v: string) => <Tag color={FILING_STATUS_COLORS[v]}>{codeLabel(t, 'filingStatus', v)}</Tag>,
    },
    {
      title: t('filing.kind'),
      dataIndex: 'kind',
      width: 100,
      render: (v: string) => codeLabel(t, 'filingKind', v),
    },
    { title: t('filing.roundColumn'), dataIndex: 'round', width: 70 },
    {
      title: t('filing.submittedAt'),
      dataIndex: 'submittedAt',
      width: 170,
      render: (v: string | null) => formatDateTime(v),
    },
    {
      title: t('filing.acknowledgeBy'),
      dataIndex: 'acknowledgeBy',
      width: 120,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('filing.reviewBy'),
      dataIndex: 'reviewBy',
      width: 120,
      render: (v: string | null) => v ?? '—',
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap' }}>
        <Typography.Title level={4} style={{ margin: 0, flex: 1 }}>
          {t('filing.queueTitle')}
        </Typography.Title>
        <ExportXlsxButton path="/api/filings/queue/export.xlsx" filters={filters} />
      </div>
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            allowClear
            placeholder={t('filing.status')}
            style={{ width: 160 }}
            value={filters.status}
            onChange={(status?: string) => setFilters((current) => ({ ...current, status }))}
            options={['submitted', 'acknowledged', 'resubmitted'].map((s) => ({
              value: s,
              label: codeLabel(t, 'filingStatus', s),
            }))}
            data-testid="filing-queue-status"
          />
          <Select
            allowClear
            placeholder={t('filing.dueWithin')}
            style={{ width: 180 }}
            value={filters.dueWithinDays}
            onChange={(dueWithinDays?: number) => setFilters((current) => ({ ...current, dueWithinDays }))}
            options={[2, 5, 10].map((days) => ({
              value: days,
              label: t('filing.dueWithinDays', { count: days }),
            }))}
            data-testid="filing-queue-due"
          />
          {queue.data && (
            <Typography.Text type={overdue > 0 ? 'danger' : 'secondary'}>
              {t('filing.queueSummary', { count: items.length, overdue })}
            </Typography.Text>
          )}
        </Space>
        {queue.isError && (
          <Alert type="error" showIcon style={{ marginBottom: 12 }} title={queue.error.message} />
        )}
        <div data-testid="filing-queue-table">
          <Table<FilingQueueItem>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={items}
            loading={queue.isFetching}
            scroll={{ x: 1120 }}
            onRow={(row) =>
              ({
                onClick: (event) => {
                  if ((event.target as HTMLElement).closest('a')) return;
                  navigate(`/filings/${row.id}`);
                },
                style: { cursor: 'pointer' },
                'data-tone': deadlineTone(row),
              }) as React.HTMLAttributes<HTMLElement>
            }
            pagination={{
              pageSize: 50,
              hideOnSinglePage: true,
              showTotal: (total) => t('common.total', { count: total }),
            }}
            locale={{ emptyText: t('filing.queueEmpty') }}
          />
        </div>
      </Card>
    </Space>
  );
}
