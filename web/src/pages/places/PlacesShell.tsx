import { Alert, Segmented, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useInstitution } from '../../api/institutions';
import { useSession } from '../../api/queries';
import type { Institution } from '../../api/types';
import { PageLoading } from '../../components/PageLoading';

const SECTIONS = [
  { key: 'calendar', path: '/institution/places' },
  { key: 'bookings', path: '/institution/bookings' },
] as const;

/**
 * The frame of the places and bookings pages: finds the signed-in account's own institution
 * (institution users carry `institutionId`), shows its name and switches between the calendar of
 * places and the bookings list.
 */
export function PlacesShell({
  active,
  actions,
  children,
}: {
  active: (typeof SECTIONS)[number]['key'];
  actions?: (institution: Institution) => ReactNode;
  children: (institution: Institution) => ReactNode;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const id = session.account.institutionId;
  const institution = useInstitution(id);

  if (!id) return <Alert type="warning" showIcon title={t('institution.noInstitution')} />;
  if (institution.isPending) return <PageLoading />;
  if (institution.isError) return <Alert type="error" showIcon title={institution.error.message} />;
  const inst = institution.data;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('places.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{inst.name}</Typography.Text>
        <div style={{ flex: 1 }} />
        {actions?.(inst)}
      </div>
      <Segmented
        value={active}
        onChange={(key) => {
          const section = SECTIONS.find((s) => s.key === key);
          if (section) navigate(section.path);
        }}
        options={SECTIONS.map((s) => ({
          value: s.key,
          label: <span data-testid={`places-section-${s.key}`}>{t(`places.section.${s.key}`)}</span>,
        }))}
      />
      {inst.status !== 'filed' && (
        <Alert type="info" showIcon title={t('places.notFiled')} data-testid="places-not-filed" />
      )}
      {children(inst)}
    </Space>
  );
}
