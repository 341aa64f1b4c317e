import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useFiling } from '../../api/institutions';
import { FilingPanel } from '../../components/care/FilingPanel';
import { OutOfScope } from '../../components/OutOfScope';
import { PageLoading } from '../../components/PageLoading';

/** One filing for the authority: materials to download, events, and acknowledge / return / approve. */
export default function FilingDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id } = useParams();
  const filing = useFiling(id);
  const back = (
    <Button
      type="link"
      icon={<ArrowLeftOutlined />}
      onClick={() => navigate('/filings')}
      style={{ paddingInline: 0 }}
    >
      {t('filing.backToQueue')}
    </Button>
  );
  if (filing.isPending) return <PageLoading />;
  if (filing.isError) {
    if (filing.error instanceof ApiError && filing.error.status === 403)
      return <OutOfScope message={filing.error.message} />;
    return (
      <Space orientation="vertical">
        {back}
        <Alert type="error" showIcon title={filing.error.message} />
      </Space>
    );
  }
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="filing-detail">
      {back}
      <Typography.Title level={4} style={{ margin: 0 }}>
        <Link to={`/institutions/${filing.data.institutionId}`}>{filing.data.institutionName}</Link>
      </Typography.Title>
      <FilingPanel filing={filing.data} side="authority" />
    </Space>
  );
}
