import { Descriptions, Drawer, Empty, Grid, Space, Switch, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../api/types';
import { type DiffRow, diffSnapshots, showValue } from '../../lib/diff';
import { formatDateTime } from '../../lib/format';
import { actionLabel, actorLabel, entityTypeLabel, roleLabel } from '../../lib/labels';

const CHANGE_COLORS: Record<DiffRow['change'], string> = {
  added: 'green',
  removed: 'red',
  changed: 'orange',
  same: 'default',
};
const ROW_BACKGROUND: Record<DiffRow['change'], string | undefined> = {
  added: '#f0f9f2',
  removed: '#fdf1f0',
  changed: '#fff8e6',
  same: undefined,
};

/** One audit entry: who did what, when, and its before/after side by side. */
export function AuditDiffDrawer({ entry, onClose }: { entry: AuditEntry | null; onClose: () => void }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const [onlyChanged, setOnlyChanged] = useState(true);
  const rows = useMemo(() => (entry ? diffSnapshots(entry.before, entry.after) : []), [entry]);
  const shown = onlyChanged ? rows.filter((row) => row.change !== 'same') : rows;

  return (
    <Drawer
      open={entry !== null}
      onClose={onClose}
      size={screens.md ? 760 : '100%'}
      title={entry ? actionLabel(t, entry.action) : ''}
      data-testid="audit-drawer"
    >
      {entry && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, sm: 2 }}
            items={[
              { key: 'at', label: t('audit.at'), children: formatDateTime(entry.at) },
              {
                key: 'actor',
                label: t('audit.actor'),
                children: `${actorLabel(t, entry)}${entry.actorRole ? ` · ${roleLabel(t, entry.actorRole)}` : ''}`,
              },
              {
                key: 'action',
                label: t('audit.action'),
                children: (
                  <>
                    {actionLabel(t, entry.action)} <Typography.Text code>{entry.action}</Typography.Text>
                  </>
                ),
              },
              {
                key: 'entity',
                label: t('audit.entity'),
                children: `${entityTypeLabel(t, entry.entityType)} ${entry.entityId ?? ''}`.trim(),
              },
              { key: 'region', label: t('audit.regionCode'), children: entry.regionCode || '—' },
              { key: 'ip', label: t('audit.ip'), children: entry.ip ?? '—' },
              { key: 'ua', label: t('audit.userAgent'), span: 'filled', children: entry.userAgent ?? '—' },
            ]}
          />
          <div style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
            <Typography.Title level={5} style={{ margin: 0, flex: 1 }}>
              {t('audit.changes')}
            </Typography.Title>
            <Switch size="small" checked={onlyChanged} onChange={setOnlyChanged} />
            <Typography.Text>{t('audit.onlyChanged')}</Typography.Text>
          </div>
          {shown.length === 0 ? (
            <Empty description={rows.length === 0 ? t('audit.noSnapshot') : t('audit.noChanges')} />
          ) : (
            <Table<DiffRow>
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={shown}
              scroll={{ x: 560 }}
              data-testid="audit-diff"
              onRow={(row) => ({ style: { background: ROW_BACKGROUND[row.change] } })}
              columns={[
                {
                  title: t('audit.field'),
                  dataIndex: 'key',
                  width: 170,
                  render: (key: string, row) => (
                    <Space size={4} wrap>
                      <Typography.Text code>{key}</Typography.Text>
                      {row.change !== 'same' && (
                        <Tag color={CHANGE_COLORS[row.change]}>{t(`audit.change.${row.change}`)}</Tag>
                      )}
                    </Space>
                  ),
                },
                {
                  title: t('audit.before'),
                  dataIndex: 'before',
                  render: (value: unknown, row) => (
                    <Typography.Text
                      delete={row.change === 'changed' || row.change === 'removed'}
                      style={{ wordBreak: 'break-all' }}
                    >
                      {showValue(value)}
                    </Typography.Text>
                  ),
                },
                {
                  title: t('audit.after'),
                  dataIndex: 'after',
                  render: (value: unknown, row) => (
                    <Typography.Text strong={row.change !== 'same'} style={{ wordBreak: 'break-all' }}>
                      {showValue(value)}
                    </Typography.Text>
                  ),
                },
              ]}
            />
          )}
        </Space>
      )}
    </Drawer>
  );
}
