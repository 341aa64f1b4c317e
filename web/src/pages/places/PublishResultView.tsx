import { Descriptions, Result, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PublishResult } from '../../api/places';

/** What publishing did: offers created and updated, and each day skipped with its reason. */
export function PublishResultView({ result }: { result: PublishResult }) {
  const { t } = useTranslation();
  return (
    <div data-testid="publish-result">
      <Result
        status={result.created + result.updated > 0 ? 'success' : 'warning'}
        title={
          result.created + result.updated > 0
            ? t('places.publish.resultTitle')
            : t('places.publish.resultNone')
        }
        style={{ padding: '16px 0' }}
      />
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('places.publish.created')}>
          <span data-testid="publish-created">{result.created}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('places.publish.updated')}>
          <span data-testid="publish-updated">{result.updated}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('places.publish.skipped')}>
          <span data-testid="publish-skipped">{result.skipped.length}</span>
        </Descriptions.Item>
      </Descriptions>
      {result.skipped.length > 0 && (
        <Table
          style={{ marginTop: 16 }}
          size="small"
          rowKey="day"
          pagination={result.skipped.length > 10 ? { pageSize: 10, size: 'small' } : false}
          dataSource={result.skipped}
          columns={[
            { title: t('places.publish.skippedDay'), dataIndex: 'day', width: 140 },
            {
              title: t('places.publish.skippedReason'),
              dataIndex: 'reason',
              render: (reason: string) => t(`places.skipReason.${reason}`, { defaultValue: reason }),
            },
          ]}
          onRow={(row) =>
            ({
              'data-testid': 'publish-skipped-row',
              'data-day': row.day,
            }) as React.HTMLAttributes<HTMLElement>
          }
        />
      )}
    </div>
  );
}
