import { AuditOutlined, ClusterOutlined, KeyOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSession } from '../../api/queries';
import { RegionStatsPanel } from '../../components/RegionStatsPanel';
import { careAccess } from '../../lib/access';
import { formatDateTime } from '../../lib/format';
import { roleLabel } from '../../lib/labels';
import { FilingsCard } from './FilingsCard';

/** Officials see their region's population at a glance; everyone else a welcome card. */
export default function HomePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const { account, can, isOfficial } = session;
  const access = careAccess(session);
  const showDashboard = isOfficial && account.regionCode.length > 0;

  const shortcuts = [
    { key: 'regions', permission: 'regions.read', icon: <ClusterOutlined />, path: '/regions' },
    { key: 'accounts', permission: 'accounts.read', icon: <TeamOutlined />, path: '/accounts' },
    { key: 'audit', permission: 'audit.read', icon: <AuditOutlined />, path: '/audit' },
    { key: 'password', permission: null, icon: <KeyOutlined />, path: '/password' },
  ].filter((s) => s.permission === null || can(s.permission));

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="home">
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('home.welcome', { name: account.displayName })}
        </Typography.Title>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 'role', label: t('account.role'), children: roleLabel(t, account.role) },
            ...(account.regionName || account.regionCode
              ? [
                  {
                    key: 'region',
                    label: t('account.region'),
                    children:
                      `${account.regionName ?? ''} ${account.regionCode ? `(${account.regionCode})` : ''}`.trim(),
                  },
                ]
              : []),
            ...(account.institutionName
              ? [{ key: 'institution', label: t('account.institution'), children: account.institutionName }]
              : []),
            {
              key: 'lastLogin',
              label: t('account.lastLoginAt'),
              children: formatDateTime(account.lastLoginAt),
            },
          ]}
        />
        <Space wrap style={{ marginTop: 8 }}>
          {shortcuts.map((s) => (
            <Button key={s.key} icon={s.icon} onClick={() => navigate(s.path)}>
              {t(`nav.${s.key}`)}
            </Button>
          ))}
        </Space>
        {!showDashboard && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
            {t('home.intro')}
          </Typography.Paragraph>
        )}
      </Card>
      {access.reviewFilings && <FilingsCard />}
      {showDashboard && (
        <Card title={t('home.dashboardTitle', { region: account.regionName ?? account.regionCode })}>
          <RegionStatsPanel
            code={account.regionCode}
            orientation="vertical"
            onSelect={(code) => navigate(`/regions/${code}`)}
          />
        </Card>
      )}
    </Space>
  );
}
