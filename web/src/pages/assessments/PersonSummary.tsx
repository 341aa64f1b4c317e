import { Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AssessedPerson } from '../../api/assessments';

/** Who is being assessed: name, sex and age, community and address, masked ID number and phone, flags. */
export function PersonSummary({ person, extra }: { person: AssessedPerson; extra?: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <div>
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap', marginBottom: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="person-name">
          {person.name}
        </Typography.Title>
        <Typography.Text type="secondary">
          {t(`assessmentRecords.sex.${person.sex}`, { defaultValue: person.sex })} ·{' '}
          {t('assessmentRecords.age', { count: person.age })}
        </Typography.Text>
        <Space size={4} wrap>
          {person.flags.map((flag) => (
            <Tag key={flag}>{t(`assessmentRecords.flags.${flag}`, { defaultValue: flag })}</Tag>
          ))}
        </Space>
        <div style={{ flex: 1 }} />
        {extra}
      </div>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
        <Descriptions.Item label={t('assessmentRecords.region')}>
          {person.regionName ?? person.regionCode}
        </Descriptions.Item>
        <Descriptions.Item label={t('assessmentRecords.address')}>{person.address ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('assessmentRecords.phone')}>{person.phone ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('assessmentRecords.idNumber')}>{person.idNumber}</Descriptions.Item>
      </Descriptions>
    </div>
  );
}
