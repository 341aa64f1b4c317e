import { Alert, App, Card, Col, DatePicker, Empty, Row, Segmented, Space, Statistic, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ExpectedChild, useAttendance, useAttendanceActions } from '../../api/attendance';
import { useSession } from '../../api/queries';
import { PageLoading } from '../../components/PageLoading';
import { type ChildAction, ChildCard } from './ChildCard';
import { HealthCheckModal } from './HealthCheckModal';
import { PickerModal } from './PickerModal';
import { chinaToday } from './time';

/** Today's children: who is expected, check-in and check-out with the authorised person, 晨午检. */
export default function AttendancePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const institutionId = useSession().account.institutionId ?? '';
  const today = chinaToday();
  const [day, setDay] = useState(today);
  const [classId, setClassId] = useState<string>('all');
  const [acting, setActing] = useState<{ child: ExpectedChild; action: ChildAction } | null>(null);
  const list = useAttendance(institutionId, day);
  const actions = useAttendanceActions(institutionId);

  const items = list.data?.items ?? [];
  const classes = useMemo(() => [...new Map(items.map((c) => [c.classId, c.className])).entries()], [items]);
  const shown = items.filter((c) => classId === 'all' || c.classId === classId);
  const count = (pred: (c: ExpectedChild) => boolean) => shown.filter(pred).length;

  const close = () => {
    setActing(null);
    for (const m of [actions.checkIn, actions.checkOut, actions.healthCheck]) m.reset();
  };
  const done = (text: string) => () => {
    message.success(text);
    close();
  };
  const pending = actions.checkIn.isPending || actions.checkOut.isPending || actions.healthCheck.isPending;
  const error =
    actions.checkIn.error?.message ??
    actions.checkOut.error?.message ??
    actions.healthCheck.error?.message ??
    null;

  if (list.isPending) return <PageLoading />;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('attendance.title')}
        </Typography.Title>
        <DatePicker
          value={dayjs(day)}
          allowClear={false}
          onChange={(d) => d && setDay(d.format('YYYY-MM-DD'))}
          data-testid="attendance-day"
        />
      </div>
      {list.isError && <Alert type="error" showIcon title={list.error.message} />}
      {day !== today && <Alert type="info" showIcon title={t('attendance.notToday')} />}
      {classes.length > 1 && (
        <Segmented
          value={classId}
          onChange={(v) => setClassId(String(v))}
          options={[
            { value: 'all', label: t('attendance.allClasses') },
            ...classes.map(([value, label]) => ({ value, label })),
          ]}
        />
      )}
      <Card size="small">
        <Row gutter={16}>
          <Col span={8}>
            <Statistic title={t('attendance.expected')} value={shown.length} />
          </Col>
          <Col span={8}>
            <Statistic
              title={t('attendance.present')}
              value={count((c) => !!c.record?.checkedInAt && !c.record.checkedOutAt)}
            />
          </Col>
          <Col span={8}>
            <Statistic title={t('attendance.left')} value={count((c) => !!c.record?.checkedOutAt)} />
          </Col>
        </Row>
      </Card>
      {shown.length === 0 ? (
        <Empty description={t('attendance.empty')} />
      ) : (
        <Row gutter={[12, 12]}>
          {shown.map((child) => (
            <Col key={child.memberId} xs={24} md={12} xl={8}>
              <ChildCard
                child={child}
                isToday={day === today}
                onAction={(action) => setActing({ child, action })}
              />
            </Col>
          ))}
        </Row>
      )}
      {acting && (acting.action === 'in' || acting.action === 'out') && (
        <PickerModal
          child={acting.child}
          mode={acting.action}
          loading={pending}
          error={error}
          onClose={close}
          onConfirm={(person) => {
            const { child } = acting;
            if (acting.action === 'in') {
              const bookingId = child.bookings[0]?.bookingId ?? '';
              actions.checkIn.mutate(
                { bookingId, droppedOffBy: person },
                { onSuccess: done(t('attendance.checkedIn', { name: child.name })) },
              );
            } else {
              actions.checkOut.mutate(
                { memberId: child.memberId, pickedUpBy: person },
                { onSuccess: done(t('attendance.checkedOut', { name: child.name })) },
              );
            }
          }}
        />
      )}
      {acting && (acting.action === 'morning' || acting.action === 'midday') && (
        <HealthCheckModal
          child={acting.child}
          check={acting.action}
          loading={pending}
          error={error}
          onClose={close}
          onSubmit={(input) =>
            actions.healthCheck.mutate(input, {
              onSuccess: done(
                input.result === 'abnormal' ? t('attendance.abnormalSaved') : t('attendance.checkSaved'),
              ),
            })
          }
        />
      )}
    </Space>
  );
}
