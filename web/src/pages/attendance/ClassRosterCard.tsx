import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Select, Space, Tag, TimePicker, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterClass, ShiftInput } from '../../api/attendance';
import { useSaveRoster } from '../../api/attendance';
import { errorField } from '../../api/client';
import { codeLabel } from '../../lib/care-codes';
import { RosterChart } from './RosterChart';

type Row = { staffId?: string; startsAt: string; endsAt: string };
const toDayjs = (time: string) => dayjs(`2000-01-01T${time}`);
const HOURS_OUTSIDE_DAY = [0, 1, 2, 3, 4, 5, 23];

/** One class's shifts on a day, editable, with carers against children booked per half hour. */
export function ClassRosterCard({
  institutionId,
  day,
  editable,
  roster,
  staff,
}: {
  institutionId: string;
  day: string;
  editable: boolean;
  roster: RosterClass;
  staff: { id: string; name: string; role: string }[];
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSaveRoster(institutionId);
  const [rows, setRows] = useState<Row[]>(() =>
    roster.shifts.map(({ staffId, startsAt, endsAt }) => ({ staffId, startsAt, endsAt })),
  );
  const [badRow, setBadRow] = useState<number | null>(null);
  const update = (i: number, change: Partial<Row>) =>
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...change } : r)));

  const submit = () => {
    const missing = rows.findIndex((r) => !r.staffId);
    if (missing >= 0) {
      setBadRow(missing);
      message.error(t('rosters.chooseStaff', { n: missing + 1 }));
      return;
    }
    const shifts = rows as ShiftInput[];
    save.mutate(
      { day, classId: roster.classId, shifts },
      {
        onSuccess: (saved) => {
          setBadRow(null);
          if (saved.warnings.length > 0)
            message.warning(t('rosters.savedWithWarnings', { count: saved.warnings.length }));
          else message.success(t('rosters.saved'));
        },
        onError: (error) => {
          const match = /^shifts\.(\d+)/.exec(errorField(error) ?? '');
          setBadRow(match ? Number(match[1]) : null);
          message.error(error.message);
        },
      },
    );
  };

  return (
    <Card
      size="small"
      data-testid="roster-class"
      title={
        <Space wrap>
          {roster.name}
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            {codeLabel(t, 'classType', roster.type)} · {t('rosters.ratio', { n: roster.childrenPerCarer })}
          </Typography.Text>
          {!roster.published && <Tag>{t('rosters.notPublished')}</Tag>}
        </Space>
      }
      extra={
        editable && (
          <Button
            type="primary"
            size="small"
            loading={save.isPending}
            onClick={submit}
            data-testid="roster-save"
          >
            {t('common.save')}
          </Button>
        )
      }
    >
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        {rows.map((row, i) => (
          <div
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved
            key={i}
            style={{
              display: 'flex',
              gap: 8,
              flexWrap: 'wrap',
              alignItems: 'center',
              padding: 4,
              borderRadius: 6,
              background: badRow === i ? '#fff1f0' : undefined,
            }}
            data-testid="roster-shift"
          >
            <Select
              value={row.staffId}
              placeholder={t('rosters.staff')}
              disabled={!editable}
              style={{ flex: '1 1 140px' }}
              options={staff.map((s) => ({
                value: s.id,
                label: `${s.name}（${codeLabel(t, 'staffRole', s.role)}）`,
              }))}
              onChange={(staffId: string) => update(i, { staffId })}
            />
            <TimePicker.RangePicker
              format="HH:mm"
              minuteStep={15}
              allowClear={false}
              disabled={!editable}
              disabledTime={() => ({ disabledHours: () => HOURS_OUTSIDE_DAY })}
              style={{ width: 200 }}
              value={[toDayjs(row.startsAt), toDayjs(row.endsAt)]}
              onChange={(range) => {
                const [from, to] = (range ?? []) as [Dayjs | null, Dayjs | null];
                if (from && to) update(i, { startsAt: from.format('HH:mm'), endsAt: to.format('HH:mm') });
              }}
            />
            {editable && (
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('common.delete')}
                onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}
              />
            )}
          </div>
        ))}
        {rows.length === 0 && <Typography.Text type="secondary">{t('rosters.noShifts')}</Typography.Text>}
        {editable && (
          <Button
            icon={<PlusOutlined />}
            size="small"
            onClick={() => setRows((rs) => [...rs, { startsAt: '08:00', endsAt: '17:00' }])}
            data-testid="roster-add"
          >
            {t('rosters.addShift')}
          </Button>
        )}
        {roster.warnings.length > 0 && (
          <Alert
            type="warning"
            showIcon
            title={t('rosters.warningsTitle', { count: roster.warnings.length })}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18, maxHeight: 120, overflow: 'auto' }}>
                {roster.warnings.map((w) => (
                  <li key={w.time}>{w.message}</li>
                ))}
              </ul>
            }
            data-testid="roster-warnings"
          />
        )}
        <RosterChart halfHours={roster.halfHours} published={roster.published} />
      </Space>
    </Card>
  );
}
