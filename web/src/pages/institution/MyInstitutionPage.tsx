import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useInstitution } from '../../api/institutions';
import { useSession } from '../../api/queries';
import { CapacityCard } from '../../components/care/CapacityCard';
import { ClassesPanel } from '../../components/care/ClassesPanel';
import { CompliancePanel } from '../../components/care/CompliancePanel';
import { InstitutionFilings } from '../../components/care/InstitutionFilings';
import { InstitutionProfile, InstitutionStatusTag } from '../../components/care/InstitutionProfile';
import { StaffPanel } from '../../components/care/StaffPanel';
import { PageLoading } from '../../components/PageLoading';
import { careAccess } from '../../lib/access';
import { CHILDCARE_KINDS } from '../../lib/care-codes';
import { InstitutionEditDrawer } from './InstitutionEditDrawer';
import { MaterialsTab } from './MaterialsTab';

const TABS = ['profile', 'materials', 'filing', 'classes', 'staff', 'compliance'] as const;

/** "My institution": the institution account's own profile, materials, filing, classes, staff, compliance. */
export default function MyInstitutionPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const access = careAccess(session);
  const { tab } = useParams();
  const id = session.account.institutionId;
  const institution = useInstitution(id);
  const [editing, setEditing] = useState(false);

  if (!id) return <Alert type="warning" showIcon title={t('institution.noInstitution')} />;
  if (institution.isPending) return <PageLoading />;
  if (institution.isError) return <Alert type="error" showIcon title={institution.error.message} />;
  const inst = institution.data;
  const childcare = CHILDCARE_KINDS.includes(inst.kind);
  const tabs = TABS.filter((key) => key !== 'classes' || childcare);
  const active = tabs.find((key) => key === tab) ?? 'profile';

  const content = {
    profile: (
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <InstitutionProfile institution={inst} />
        <CapacityCard institutionId={inst.id} />
      </Space>
    ),
    materials: <MaterialsTab institution={inst} canManage={access.manageOwn} />,
    filing: <InstitutionFilings institution={inst} side="institution" canManage={access.manageOwn} />,
    classes: (
      <ClassesPanel institutionId={inst.id} regionCode={inst.regionCode} canManage={access.manageOwn} />
    ),
    staff: <StaffPanel institutionId={inst.id} canManage={access.manageOwn} />,
    compliance: <CompliancePanel institutionId={inst.id} />,
  } as const;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {inst.name}
        </Typography.Title>
        <InstitutionStatusTag status={inst.status} />
        <div style={{ flex: 1 }} />
        {access.manageOwn && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="institution-edit">
            {t('institution.edit')}
          </Button>
        )}
      </div>
      <Card size="small">
        <Tabs
          activeKey={active}
          onChange={(key) => navigate(`/institution/${key}`)}
          items={tabs.map((key) => ({ key, label: t(`institution.tab.${key}`), children: content[key] }))}
          destroyOnHidden
        />
      </Card>
      {editing && (
        <InstitutionEditDrawer institution={inst} open={editing} onClose={() => setEditing(false)} />
      )}
    </Space>
  );
}
