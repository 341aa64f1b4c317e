import { Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCapacity } from '../../api/institutions';
import type { CapacityRow } from '../../api/types';
import { codeLabel } from '../../lib/care-codes';

/** Licensed, enrolled and free childcare places by class type (hidden when there are none). */
export function CapacityCard({ institutionId }: { institutionId: string }) {
  const { t } = useTranslation();
  const capacity = useCapacity(institutionId);
  const rows = capacity.data?.childcare ?? [];
  if (rows.length === 0) return null;
  return (
    <Card size="small" title={t('capacity.title')} data-testid="capacity-card">
      <Table<CapacityRow>
        size="small"
        rowKey="classType"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 480 }}
        columns={[
          {
            title: t('classes.type'),
            dataIndex: 'classType',
            render: (v: string) => codeLabel(t, 'classType', v),
          },
          { title: t('capacity.classes'), dataIndex: 'classes', width: 80 },
          { title: t('capacity.licensed'), dataIndex: 'licensed', width: 90 },
          { title: t('capacity.enrolled'), dataIndex: 'enrolled', width: 90 },
          { title: t('capacity.free'), dataIndex: 'free', width: 90 },
        ]}
      />
    </Card>
  );
}
