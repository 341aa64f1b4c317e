import { Card, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { SettlementLine } from '../../api/homecare';
import { chinaClock, money } from './labels';

/** One table of settlement lines (paid or held); each row carries its status for tests. */
export function SettlementLines({ title, lines }: { title: string; lines: SettlementLine[] }) {
  const { t } = useTranslation();
  const columns: ColumnsType<SettlementLine> = [
    { title: t('homecare.day'), dataIndex: 'day', width: 110 },
    { title: t('homecare.person'), dataIndex: 'personName', width: 100 },
    { title: t('homecare.item'), dataIndex: 'itemName', width: 150 },
    { title: t('homecare.caregiver'), dataIndex: 'caregiverName', width: 100, render: (v) => v ?? '—' },
    {
      title: t('homecare.time'),
      key: 'time',
      width: 130,
      render: (_, l) => `${chinaClock(l.checkInAt)}–${chinaClock(l.checkOutAt)}`,
    },
    { title: t('homecare.price'), dataIndex: 'price', width: 90, render: money },
    { title: t('homecare.subsidy'), dataIndex: 'subsidy', width: 90, render: money },
    { title: t('homecare.own'), dataIndex: 'own', width: 90, render: money },
    {
      title: t('homecare.heldReasons'),
      key: 'reasons',
      width: 240,
      render: (_, l) => l.reasons.map((r) => r.message).join('；') || '—',
    },
  ];
  return (
    <Card size="small" title={`${title}（${lines.length}）`}>
      <Table<SettlementLine>
        rowKey="visitId"
        size="small"
        columns={columns}
        dataSource={lines}
        pagination={false}
        scroll={{ x: 1000 }}
        onRow={(l) =>
          ({ 'data-testid': 'settlement-row', 'data-status': l.status, 'data-visit-id': l.visitId }) as object
        }
      />
    </Card>
  );
}
