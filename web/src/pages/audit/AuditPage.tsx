import { Alert, AutoComplete, Button, Card, DatePicker, Input, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AuditFilters, useAudit } from '../../api/queries';
import type { AuditEntry } from '../../api/types';
import { ExportXlsxButton } from '../../components/ExportXlsxButton';
import { formatDateTime } from '../../lib/format';
import {
  actionLabel,
  actorLabel,
  entityTypeLabel,
  KNOWN_ACTIONS,
  KNOWN_ENTITY_TYPES,
  roleLabel,
} from '../../lib/labels';
import { AuditDiffDrawer } from './AuditDiffDrawer';

/** The audit trail of the caller's region, filterable, with a before/after diff per entry. */
export default function AuditPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<AuditFilters>({ page: 1, pageSize: 20 });
  const [draft, setDraft] = useState({ action: '', entityType: '', regionCode: '' });
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [open, setOpen] = useState<AuditEntry | null>(null);
  const audit = useAudit(filters);

  const apply = () =>
    setFilters((current) => ({
      ...current,
      page: 1,
      action: draft.action.trim() || undefined,
      entityType: draft.entityType.trim() || undefined,
      regionCode: draft.regionCode.trim() || undefined,
      from: range?.[0]?.startOf('day').toISOString(),
      to: range?.[1]?.endOf('day').toISOString(),
    }));
  const clear = () => {
    setDraft({ action: '', entityType: '', regionCode: '' });
    setRange(null);
    setFilters((current) => ({ page: 1, pageSize: current.pageSize }));
  };

  const columns: ColumnsType<AuditEntry> = [
    { title: t('audit.at'), dataIndex: 'at', width: 170, render: (value: string) => formatDateTime(value) },
    {
      title: t('audit.actor'),
      key: 'actor',
      width: 170,
      render: (_, row) => (
        <div>
          <div>{actorLabel(t, row)}</div>
          {row.actorRole && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {roleLabel(t, row.actorRole)}
            </Typography.Text>
          )}
        </div>
      ),
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 180,
      render: (action: string) => (
        <Space orientation="vertical" size={0}>
          <span>{actionLabel(t, action)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} code>
            {action}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('audit.entity'),
      key: 'entity',
      width: 200,
      render: (_, row) => (
        <div>
          <Tag>{entityTypeLabel(t, row.entityType)}</Tag>
          {recordLabel(row) && <span data-testid="audit-record">{recordLabel(row)}</span>}
          {row.entityId && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: row.entityId }}>
              {row.entityId}
            </Typography.Text>
          )}
        </div>
      ),
    },
    { title: t('audit.regionCode'), dataIndex: 'regionCode', width: 130, render: (v: string) => v || '—' },
    { title: t('audit.ip'), dataIndex: 'ip', width: 130, render: (v: string | null) => v ?? '—' },
    {
      title: t('common.actions'),
      key: 'view',
      width: 90,
      fixed: 'right',
      render: (_, row) => (
        <Button type="link" size="small" onClick={() => setOpen(row)} data-testid="audit-view">
          {t('audit.view')}
        </Button>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap' }}>
        <Typography.Title level={4} style={{ margin: 0, flex: 1 }}>
          {t('audit.title')}
        </Typography.Title>
        <ExportXlsxButton path="/api/audit/export.xlsx" filters={filters} />
      </div>
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <AutoComplete
            style={{ width: 200 }}
            value={draft.action}
            onChange={(action: string) => setDraft((d) => ({ ...d, action }))}
            options={KNOWN_ACTIONS.map((a) => ({ value: a, label: `${actionLabel(t, a)} (${a})` }))}
            filterOption={(input, option) =>
              String(option?.label ?? '')
                .toLowerCase()
                .includes(input.toLowerCase())
            }
            placeholder={t('audit.action')}
            allowClear
            data-testid="audit-action-filter"
          />
          <AutoComplete
            style={{ width: 160 }}
            value={draft.entityType}
            onChange={(entityType: string) => setDraft((d) => ({ ...d, entityType }))}
            options={KNOWN_ENTITY_TYPES.map((e) => ({ value: e, label: `${entityTypeLabel(t, e)} (${e})` }))}
            placeholder={t('audit.entityType')}
            allowClear
            data-testid="audit-entity-filter"
          />
          <DatePicker.RangePicker
            value={range}
            onChange={(value) => setRange(value)}
            allowEmpty={[true, true]}
          />
          <Input
            style={{ width: 160 }}
            value={draft.regionCode}
            onChange={(e) => setDraft((d) => ({ ...d, regionCode: e.target.value }))}
            placeholder={t('audit.regionCode')}
            inputMode="numeric"
            maxLength={12}
            onPressEnter={apply}
            data-testid="audit-region-filter"
          />
          <Button type="primary" onClick={apply} data-testid="audit-apply">
            {t('common.search')}
          </Button>
          <Button onClick={clear}>{t('common.reset')}</Button>
        </Space>
        {audit.isError && (
          <Alert type="error" showIcon style={{ marginBottom: 12 }} title={audit.error.message} />
        )}
        <div data-testid="audit-table">
          <Table<AuditEntry>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={audit.data?.items ?? []}
            loading={audit.isFetching}
            scroll={{ x: 1080 }}
            onRow={(row) => ({ onDoubleClick: () => setOpen(row) })}
            pagination={{
              current: filters.page,
              pageSize: filters.pageSize,
              total: audit.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [10, 20, 50, 100],
              showTotal: (total) => t('common.total', { count: total }),
              onChange: (page, pageSize) => setFilters((current) => ({ ...current, page, pageSize })),
            }}
          />
        </div>
      </Card>
      <AuditDiffDrawer entry={open} onClose={() => setOpen(null)} />
    </Space>
  );
}

/** A readable name for the record an entry touched, from its snapshot (e.g. the account's name). */
function recordLabel(row: AuditEntry): string | null {
  for (const snapshot of [row.after, row.before]) {
    if (snapshot && typeof snapshot === 'object') {
      const values = snapshot as Record<string, unknown>;
      const name = values.displayName ?? values.name ?? values.username;
      if (typeof name === 'string' && name) return name;
    }
  }
  return null;
}
