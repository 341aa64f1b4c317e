import { LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Segmented, Space, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCalendar } from '../../api/places';
import type { Institution } from '../../api/types';
import { CalendarGrid } from './CalendarGrid';
import { type CalendarView, rangeOf, shiftAnchor } from './calendar-range';
import { DayOffersDrawer } from './DayOffersDrawer';
import { OccupancyHeatmap } from './OccupancyHeatmap';
import { PlacesShell } from './PlacesShell';
import { PublishDrawer } from './PublishDrawer';

/** 名额日历: the institution's places per day and class, with publishing and per-day offers. */
export default function PlacesPage() {
  const { t } = useTranslation();
  const [publishing, setPublishing] = useState<Dayjs | true | null>(null);
  return (
    <PlacesShell
      active="calendar"
      actions={(inst) =>
        inst.status === 'filed' && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setPublishing(true)}
            data-testid="places-publish"
          >
            {t('places.publish.open')}
          </Button>
        )
      }
    >
      {(inst) => (
        <>
          <PlacesCalendar institution={inst} onPublish={(day) => setPublishing(dayjs(day))} />
          {publishing && (
            <PublishDrawer
              institution={inst}
              firstDay={publishing === true ? undefined : publishing}
              onClose={() => setPublishing(null)}
            />
          )}
        </>
      )}
    </PlacesShell>
  );
}

function PlacesCalendar({
  institution,
  onPublish,
}: {
  institution: Institution;
  onPublish: (day: string) => void;
}) {
  const { t } = useTranslation();
  const [view, setView] = useState<CalendarView>('month');
  const [anchor, setAnchor] = useState(() => dayjs());
  const [openDay, setOpenDay] = useState<string | null>(null);
  const { from, to } = rangeOf(view, anchor);
  const calendar = useCalendar(institution.id, from, to);
  const days = calendar.data?.days ?? [];
  const shortDays = days.filter((d) => d.classes.some((c) => c.outOfRatio)).length;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <div style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
          <Segmented<CalendarView>
            value={view}
            onChange={setView}
            options={[
              { value: 'month', label: t('places.view.month') },
              { value: 'twoWeeks', label: t('places.view.twoWeeks') },
            ]}
            data-testid="places-view"
          />
          <Button
            icon={<LeftOutlined />}
            onClick={() => setAnchor((a) => shiftAnchor(view, a, -1))}
            aria-label={t('places.previous')}
            data-testid="places-prev"
          />
          <Button onClick={() => setAnchor(dayjs())} data-testid="places-today">
            {t('places.today')}
          </Button>
          <Button
            icon={<RightOutlined />}
            onClick={() => setAnchor((a) => shiftAnchor(view, a, 1))}
            aria-label={t('places.next')}
            data-testid="places-next"
          />
          <Typography.Text strong data-testid="places-range" data-from={from} data-to={to}>
            {view === 'month' ? anchor.format(t('places.monthFormat')) : `${from} – ${to}`}
          </Typography.Text>
          {calendar.isFetching && <Spin size="small" />}
        </div>
        {shortDays > 0 && (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 12 }}
            title={t('places.ratioSummary', { count: shortDays })}
            data-testid="places-ratio-summary"
          />
        )}
      </Card>
      {calendar.isError && <Alert type="error" showIcon title={calendar.error.message} />}
      <Card size="small" title={t('places.heatmapTitle')}>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 4 }}>
          {t('places.heatmapHint')}
        </Typography.Paragraph>
        {days.some((d) => d.classes.length > 0 || d.other.length > 0) ? (
          <OccupancyHeatmap days={days} onOpen={setOpenDay} />
        ) : (
          <Typography.Text type="secondary" data-testid="places-empty">
            {t('places.empty')}
          </Typography.Text>
        )}
      </Card>
      <Card size="small" title={t('places.calendarTitle')} extra={<Legend />}>
        <CalendarGrid from={from} to={to} days={days} onOpen={setOpenDay} />
      </Card>
      {openDay && (
        <DayOffersDrawer
          institutionId={institution.id}
          day={openDay}
          calendarDay={days.find((d) => d.day === openDay)}
          onPublish={
            institution.status === 'filed'
              ? () => {
                  onPublish(openDay);
                  setOpenDay(null);
                }
              : undefined
          }
          onClose={() => setOpenDay(null)}
        />
      )}
    </Space>
  );
}

function Legend() {
  const { t } = useTranslation();
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {t('places.legend')}
    </Typography.Text>
  );
}
