import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The days an opening-hours record names, in the order they are shown and edited. */
export const HOURS_DAYS = ['weekdays', 'saturday', 'sunday', 'holidays'] as const;

/** Opening hours as "Mon–Fri 07:30-18:00" lines; days not in the record are left out. */
export function OpeningHours({ hours }: { hours: Record<string, string> | null | undefined }) {
  const { t } = useTranslation();
  const entries = Object.entries(hours ?? {}).filter(([, value]) => value);
  if (entries.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <div>
      {entries.map(([day, value]) => (
        <div key={day}>
          <Typography.Text type="secondary">
            {t(`institution.hours.${day}`, { defaultValue: day })}
          </Typography.Text>{' '}
          {value}
        </div>
      ))}
    </div>
  );
}
