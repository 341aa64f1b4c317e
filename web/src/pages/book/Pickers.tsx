import { Alert, Button, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BookingMember } from '../../api/bookings';
import { addDays } from './book-logic';

export interface Choice<V extends string> {
  value: V;
  label: ReactNode;
  testId?: string;
  disabled?: boolean;
}

/** A row of toggle buttons (large enough for a thumb), one of them chosen. */
export function ChoiceButtons<V extends string>({
  value,
  options,
  onChange,
  testId,
}: {
  value: V | undefined;
  options: readonly Choice<V>[];
  onChange: (value: V) => void;
  testId?: string;
}) {
  return (
    <fieldset
      style={{ display: 'flex', flexWrap: 'wrap', gap: 8, border: 0, margin: 0, padding: 0, minWidth: 0 }}
      data-testid={testId}
    >
      {options.map((option) => {
        const active = option.value === value;
        return (
          <Button
            key={option.value}
            type={active ? 'primary' : 'default'}
            ghost={active}
            aria-pressed={active}
            disabled={option.disabled}
            onClick={() => onChange(option.value)}
            data-testid={option.testId}
            data-selected={active}
            style={{
              height: 'auto',
              minHeight: 40,
              paddingBlock: 6,
              whiteSpace: 'normal',
              textAlign: 'left',
              ...(active ? { background: '#e8f3f6', boxShadow: 'inset 0 0 0 1px #1f6f8b' } : {}),
            }}
          >
            {option.label}
          </Button>
        );
      })}
    </fieldset>
  );
}

/** A numbered step heading. */
export function Step({ n, title, children }: { n: number; title: ReactNode; children: ReactNode }) {
  return (
    <section style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      <Typography.Text strong>
        <span
          style={{
            display: 'inline-flex',
            width: 22,
            height: 22,
            borderRadius: 11,
            background: '#1f6f8b',
            color: '#fff',
            fontSize: 12,
            alignItems: 'center',
            justifyContent: 'center',
            marginInlineEnd: 8,
          }}
        >
          {n}
        </span>
        {title}
      </Typography.Text>
      {children}
    </section>
  );
}

/** "18 个月" for a child, "82 岁" for anyone older. */
export function useAgeText() {
  const { t } = useTranslation();
  return (member: BookingMember) =>
    member.kind === 'child' || member.ageMonths < 36
      ? t('book.ageMonths', { count: member.ageMonths })
      : t('book.ageYears', { count: Math.floor(member.ageMonths / 12) });
}

/** Choose who the booking is for, among the members that may take this service. */
export function MemberPicker({
  members,
  value,
  onChange,
  emptyText,
}: {
  members: BookingMember[];
  value: string | undefined;
  onChange: (id: string) => void;
  emptyText: string;
}) {
  const { t } = useTranslation();
  const ageText = useAgeText();
  if (members.length === 0) {
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="book-no-member"
        title={emptyText}
        action={
          <Link to="/family">
            <Button size="small">{t('book.addMember')}</Button>
          </Link>
        }
      />
    );
  }
  return (
    <ChoiceButtons
      testId="book-member-select"
      value={value}
      onChange={onChange}
      options={members.map((m) => ({
        value: m.id,
        testId: `book-member-${m.id}`,
        label: (
          <span>
            {m.name}
            <Typography.Text type="secondary" style={{ marginInlineStart: 6, fontSize: 12 }}>
              {ageText(m)}
            </Typography.Text>
          </span>
        ),
      }))}
    />
  );
}

export type DayState = 'open' | 'full' | 'none';

/** Two weeks of days, scrolled sideways on a phone; days without places are greyed out. */
export function DateStrip({
  days,
  value,
  onChange,
  stateOf,
  testIdPrefix = 'book-day',
}: {
  days: readonly string[];
  value: string;
  onChange: (day: string) => void;
  stateOf: (day: string) => DayState;
  testIdPrefix?: string;
}) {
  const { t } = useTranslation();
  const today = days[0];
  return (
    <div
      style={{ display: 'flex', gap: 6, overflowX: 'auto', paddingBottom: 4, scrollbarWidth: 'thin' }}
      data-testid={`${testIdPrefix}-strip`}
    >
      {days.map((day) => {
        const state = stateOf(day);
        const active = day === value;
        const name =
          day === today
            ? t('book.today')
            : today && day === addDays(today, 1)
              ? t('book.tomorrow')
              : dayjs(day).format('ddd');
        return (
          <Button
            key={day}
            type={active ? 'primary' : 'default'}
            disabled={state === 'none'}
            onClick={() => onChange(day)}
            data-testid={`${testIdPrefix}-${day}`}
            data-state={state}
            data-selected={active}
            aria-pressed={active}
            style={{
              flex: '0 0 auto',
              width: 58,
              height: 66,
              padding: 2,
              display: 'flex',
              flexDirection: 'column',
              gap: 0,
              lineHeight: 1.3,
            }}
          >
            <span style={{ fontSize: 12 }}>{name}</span>
            <span style={{ fontWeight: 600 }}>{dayjs(day).format('MM-DD')}</span>
            <span style={{ fontSize: 11, opacity: 0.85 }}>
              {state === 'open'
                ? t('book.dayOpen')
                : state === 'full'
                  ? t('book.dayFull')
                  : t('book.dayNone')}
            </span>
          </Button>
        );
      })}
    </div>
  );
}
