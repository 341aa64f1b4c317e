import { Alert, Col, DatePicker, Empty, Row, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRosters } from '../../api/attendance';
import { useSession } from '../../api/queries';
import { PageLoading } from '../../components/PageLoading';
import { ClassRosterCard } from './ClassRosterCard';
import { chinaToday } from './time';

/** Rosters: pick a day, edit each class's shifts, see carers against children booked per half hour. */
export default function RostersPage() {
  const { t } = useTranslation();
  const institutionId = useSession().account.institutionId ?? '';
  const today = chinaToday();
  const [day, setDay] = useState(today);
  const rosters = useRosters(institutionId, day);

  if (rosters.isPending) return <PageLoading />;
  const data = rosters.data;
  const editable = day >= today;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('rosters.title')}
        </Typography.Title>
        <DatePicker
          value={dayjs(day)}
          allowClear={false}
          onChange={(d) => d && setDay(d.format('YYYY-MM-DD'))}
          data-testid="rosters-day"
        />
      </div>
      {rosters.isError && <Alert type="error" showIcon title={rosters.error.message} />}
      {!editable && <Alert type="info" showIcon title={t('rosters.pastDay')} />}
      {data && data.classes.length === 0 && <Empty description={t('rosters.noClasses')} />}
      <Row gutter={[12, 12]}>
        {data?.classes.map((roster) => (
          <Col key={roster.classId} xs={24} xl={12}>
            <ClassRosterCard
              key={`${data.day}:${roster.shifts.map((s) => s.id).join(',')}`}
              institutionId={institutionId}
              day={data.day}
              editable={editable}
              roster={roster}
              staff={data.staff}
            />
          </Col>
        ))}
      </Row>
    </Space>
  );
}
