import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ENROLMENT_FORMS, type EnrolmentForm } from '../../api/bookings';
import { BookAction, PriceSummary } from './BookAction';
import { classesForAge, monthsFrom, sumMoney } from './book-logic';
import { classesOf, classLabel } from './HourlyPanel';
import { ChoiceButtons, MemberPicker, Step } from './Pickers';
import type { PanelProps } from './panel-props';
import { WaitlistModeLink } from './SlotGrid';

const isEnrolmentForm = (form: string): form is EnrolmentForm =>
  (ENROLMENT_FORMS as readonly string[]).includes(form);

/**
 * 全日托·半日托 by the month: a child, a class, the form and the month. The server takes every
 * published day of that form in the class from the month's first care day still ahead.
 */
export function EnrolmentPanel({ offers, members, today, onDone }: PanelProps) {
  const { t } = useTranslation();
  const children = members.filter((m) => m.kind === 'child');
  const [memberId, setMemberId] = useState(children.length === 1 ? children[0]!.id : undefined);
  const child = children.find((m) => m.id === memberId);
  const classes = classesForAge(classesOf(offers), child?.ageMonths);
  const [classChoice, setClassChoice] = useState<string>();
  const classId = classes.find((c) => c.id === classChoice)?.id ?? classes[0]?.id;
  const classOffers = offers.filter((o) => o.classId === classId);
  const forms = ENROLMENT_FORMS.filter((f) => classOffers.some((o) => o.form === f));
  const [formChoice, setFormChoice] = useState<EnrolmentForm>();
  const form = forms.find((f) => f === formChoice) ?? forms[0];
  const formOffers = classOffers.filter((o) => o.form === form);
  const thisMonth = today.slice(0, 7);
  const months = monthsFrom(today, 3).filter((m) => m !== thisMonth || formOffers.some((o) => o.day > today));
  const [monthChoice, setMonthChoice] = useState<string>();
  const month = months.find((m) => m === monthChoice);
  const [waitlistMode, setWaitlistMode] = useState(false);

  const sample = formOffers[0];
  const minFree = formOffers.length > 0 ? Math.min(...formOffers.map((o) => o.free)) : null;
  const body =
    memberId && classId && form && month && isEnrolmentForm(form)
      ? { memberId, enrolment: { classId, form, month } }
      : null;
  const cls = classes.find((c) => c.id === classId);

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 20 }} data-testid="book-panel-enrolment">
      <Step n={1} title={t('book.chooseChild')}>
        <MemberPicker
          members={children}
          value={memberId}
          onChange={setMemberId}
          emptyText={t('book.noChild')}
        />
      </Step>
      <Step n={2} title={t('book.chooseClass')}>
        <ChoiceButtons
          testId="book-enrol-class"
          value={classId}
          onChange={setClassChoice}
          options={classes.map((c) => ({
            value: c.id,
            testId: `book-enrol-class-${c.id}`,
            label: classLabel(t, c),
          }))}
        />
      </Step>
      <Step n={3} title={t('book.chooseForm')}>
        <ChoiceButtons
          testId="book-enrol-form"
          value={form}
          onChange={setFormChoice}
          options={forms.map((f) => ({
            value: f,
            testId: `book-enrol-form-${f}`,
            label: classOffers.find((o) => o.form === f)?.formName ?? f,
          }))}
        />
        {minFree !== null && (
          <span style={{ fontSize: 12, color: minFree > 0 ? '#3f8f5f' : '#cf1322' }}>
            {minFree > 0 ? t('book.enrolFree', { count: minFree }) : t('book.enrolFull')}
          </span>
        )}
        {(waitlistMode || minFree === 0) && <WaitlistModeLink on={waitlistMode} onChange={setWaitlistMode} />}
      </Step>
      <Step n={4} title={t('book.chooseMonth')}>
        <ChoiceButtons
          testId="book-enrol-month"
          value={month}
          onChange={setMonthChoice}
          options={months.map((m) => ({ value: m, testId: `book-enrol-month-${m}`, label: m }))}
        />
      </Step>
      <PriceSummary
        money={sample ? sumMoney([sample]) : null}
        lines={[
          {
            key: 'what',
            label: t('book.form'),
            value:
              cls && sample ? `${cls.name} · ${sample.formName} ${sample.startsAt}–${sample.endsAt}` : '—',
          },
          { key: 'month', label: t('book.month'), value: month ?? '—' },
        ]}
        note={t('book.enrolNote')}
      />
      <BookAction body={body} waitlistMode={waitlistMode} onDone={onDone} />
    </div>
  );
}
