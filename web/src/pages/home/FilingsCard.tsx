import { FileDoneOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useFilingQueue } from '../../api/institutions';
import { deadlineTone } from '../../lib/deadlines';

/** "N filings waiting, M overdue": the authority's to-do, one click from the queue. */
export function FilingsCard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queue = useFilingQueue();
  if (queue.isError) return <Alert type="warning" showIcon title={queue.error.message} />;
  const items = queue.data?.items ?? [];
  const overdue = items.filter((item) => deadlineTone(item) === 'overdue').length;
  return (
    <Card
      hoverable
      size="small"
      loading={queue.isPending}
      onClick={() => navigate('/filings')}
      data-testid="home-filings"
    >
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space>
          <FileDoneOutlined style={{ fontSize: 22, color: overdue > 0 ? '#c2413b' : '#1f6f8b' }} />
          <Typography.Text strong style={{ fontSize: 15 }}>
            {t('home.filingsPending', { count: items.length })}
            {overdue > 0 ? (
              <Typography.Text type="danger" strong>
                {t('home.filingsOverdue', { count: overdue })}
              </Typography.Text>
            ) : (
              t('home.filingsNoneOverdue')
            )}
          </Typography.Text>
        </Space>
        <RightOutlined />
      </Space>
    </Card>
  );
}
