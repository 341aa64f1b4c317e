import { WarningFilled } from '@ant-design/icons';
import { Tooltip, Typography, theme } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CalendarClass, CalendarDay } from '../../api/places';
import { byFormOrder, carersNeeded, formLabel } from './places-labels';

/** The hint on a class-day whose rostered carers do not cover the children booked. */
export function ratioHint(t: TFunction, cls: CalendarClass): string {
  return t('places.ratioHint', {
    name: cls.name,
    peak: cls.peakPresent,
    required: carersNeeded(cls.peakPresent, cls.childrenPerCarer),
    carers: cls.minCarers,
    n: cls.childrenPerCarer,
  });
}

/** One day of the calendar of places: each class's places per form, peak vs size, ratio warnings. */
export function DayCell({
  day,
  data,
  today,
  onOpen,
}: {
  day: string;
  data: CalendarDay | undefined;
  today: boolean;
  onOpen: (day: string) => void;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const careDay = data?.careDay ?? true;
  const outOfRatio = data?.classes.some((c) => c.outOfRatio) ?? false;
  const empty = !data || (data.classes.length === 0 && data.other.length === 0);

  return (
    <button
      type="button"
      onClick={() => onOpen(day)}
      data-testid="calendar-day"
      data-day={day}
      data-care-day={careDay ? 'true' : 'false'}
      data-out-of-ratio={outOfRatio ? 'true' : 'false'}
      style={{
        display: 'block',
        width: '100%',
        minHeight: 96,
        height: '100%',
        padding: 6,
        textAlign: 'left',
        cursor: 'pointer',
        font: 'inherit',
        fontSize: 12,
        lineHeight: 1.5,
        color: careDay ? token.colorText : token.colorTextTertiary,
        background: careDay ? token.colorBgContainer : token.colorFillQuaternary,
        border: `1px solid ${outOfRatio ? token.colorError : today ? token.colorPrimary : token.colorBorderSecondary}`,
        borderRadius: token.borderRadiusSM,
      }}
    >
      <span style={{ display: 'flex', alignItems: 'center', gap: 4 }}>
        <strong style={{ fontSize: 13 }}>{day.slice(8)}</strong>
        {!careDay && <span data-testid="calendar-rest-day">{t('places.restDay')}</span>}
        <span style={{ flex: 1 }} />
        {outOfRatio && (
          <WarningFilled style={{ color: token.colorError }} data-testid="calendar-out-of-ratio" />
        )}
      </span>
      {empty && careDay && <span style={{ display: 'block', color: token.colorTextQuaternary }}>—</span>}
      {data?.classes.map((cls) => (
        <ClassLines key={cls.classId} cls={cls} />
      ))}
      {[...(data?.other ?? [])]
        .sort((a, b) => byFormOrder(a.form, b.form))
        .map((o) => (
          <span key={`${o.service}-${o.form}`} style={{ display: 'block' }} data-testid="calendar-other">
            {formLabel(t, o.form)} {o.taken}/{o.capacity}
            {o.waiting > 0 && (
              <Typography.Text type="warning" style={{ fontSize: 12 }}>
                {' '}
                {t('places.waitingShort', { count: o.waiting })}
              </Typography.Text>
            )}
          </span>
        ))}
    </button>
  );
}

function ClassLines({ cls }: { cls: CalendarClass }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const over = cls.peakPresent > cls.sizeLimit;
  return (
    <span
      style={{ display: 'block', marginTop: 2 }}
      data-testid="calendar-class"
      data-class-id={cls.classId}
      data-out-of-ratio={cls.outOfRatio ? 'true' : 'false'}
    >
      <span style={{ display: 'flex', gap: 4, alignItems: 'center' }}>
        <span style={{ fontWeight: 500, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
          {cls.name}
        </span>
        <Tooltip title={t('places.peakTip', { peak: cls.peakPresent, size: cls.sizeLimit })}>
          <span style={{ color: over ? token.colorError : token.colorTextSecondary }}>
            {t('places.peakShort', { peak: cls.peakPresent, size: cls.sizeLimit })}
          </span>
        </Tooltip>
      </span>
      {cls.outOfRatio && (
        <Tooltip title={ratioHint(t, cls)}>
          <span style={{ display: 'block', color: token.colorError }} data-testid="calendar-class-ratio">
            {t('places.ratioShort')}
          </span>
        </Tooltip>
      )}
      {[...cls.forms]
        .sort((a, b) => byFormOrder(a.form, b.form))
        .map((f) => (
          <span key={f.form} style={{ display: 'block', paddingLeft: 6, color: token.colorTextSecondary }}>
            {formLabel(t, f.form)} {f.taken}/{f.capacity}
            {f.waiting > 0 && (
              <span style={{ color: token.colorWarning }}>
                {' '}
                {t('places.waitingShort', { count: f.waiting })}
              </span>
            )}
          </span>
        ))}
    </span>
  );
}
