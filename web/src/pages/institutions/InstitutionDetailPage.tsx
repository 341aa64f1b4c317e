import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useInstitution } from '../../api/institutions';
import { useSession } from '../../api/queries';
import { CapacityCard } from '../../components/care/CapacityCard';
import { ClassesPanel } from '../../components/care/ClassesPanel';
import { CompliancePanel } from '../../components/care/CompliancePanel';
import { InstitutionFilings } from '../../components/care/InstitutionFilings';
import { InstitutionProfile, InstitutionStatusTag } from '../../components/care/InstitutionProfile';
import { StaffPanel } from '../../components/care/StaffPanel';
import { OutOfScope } from '../../components/OutOfScope';
import { PageLoading } from '../../components/PageLoading';
import { careAccess } from '../../lib/access';
import { CHILDCARE_KINDS } from '../../lib/care-codes';
import { MaterialsTab } from '../institution/MaterialsTab';

const TABS = ['profile', 'filing', 'materials', 'classes', 'staff', 'compliance'] as const;

/** One institution of the register as an official sees it: read-only, with its filings to act on. */
export default function InstitutionDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id, tab } = useParams();
  const institution = useInstitution(id);
  const access = careAccess(useSession());

  const back = (
    <Button
      type="link"
      icon={<ArrowLeftOutlined />}
      onClick={() => navigate('/institutions')}
      style={{ paddingInline: 0 }}
    >
      {t('institutions.backToList')}
    </Button>
  );
  if (institution.isPending) return <PageLoading />;
  if (institution.isError) {
    if (institution.error instanceof ApiError && institution.error.status === 403)
      return <OutOfScope message={institution.error.message} />;
    return (
      <Space orientation="vertical">
        {back}
        <Alert type="error" showIcon title={institution.error.message} />
      </Space>
    );
  }
  const inst = institution.data;
  const staffing = ['classes', 'staff', 'compliance'];
  const tabs = TABS.filter(
    (key) =>
      (key !== 'classes' || CHILDCARE_KINDS.includes(inst.kind)) &&
      (access.staffingRead || !staffing.includes(key)),
  );
  const active = tabs.find((key) => key === tab) ?? 'profile';
  const content = {
    profile: (
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <InstitutionProfile institution={inst} />
        <CapacityCard institutionId={inst.id} />
      </Space>
    ),
    filing: <InstitutionFilings institution={inst} side="authority" canManage={false} />,
    materials: <MaterialsTab institution={inst} canManage={false} />,
    classes: <ClassesPanel institutionId={inst.id} regionCode={inst.regionCode} canManage={false} />,
    staff: <StaffPanel institutionId={inst.id} canManage={false} />,
    compliance: <CompliancePanel institutionId={inst.id} />,
  } as const;

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="institution-detail">
      {back}
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {inst.name}
        </Typography.Title>
        <InstitutionStatusTag status={inst.status} />
      </div>
      <Card size="small">
        <Tabs
          activeKey={active}
          onChange={(key) => navigate(`/institutions/${inst.id}/${key}`, { replace: true })}
          items={tabs.map((key) => ({ key, label: t(`institution.tab.${key}`), children: content[key] }))}
          destroyOnHidden
        />
      </Card>
    </Space>
  );
}
