import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Offer } from '../../api/bookings';
import { codeLabel } from '../../lib/care-codes';
import { BookAction, PriceSummary } from './BookAction';
import { byTime, CLASS_AGE_MONTHS, classesForAge, sumMoney, toggleSlot } from './book-logic';
import { ChoiceButtons, MemberPicker, Step } from './Pickers';
import type { PanelProps } from './panel-props';
import { SlotGrid, WaitlistModeLink } from './SlotGrid';

/** The classes that have slots among these offers, in first-seen order. */
export function classesOf(offers: readonly Offer[]) {
  const seen = new Map<string, { id: string; name: string; type: string | null }>();
  for (const o of offers) {
    if (o.classId && !seen.has(o.classId))
      seen.set(o.classId, { id: o.classId, name: o.className ?? '', type: o.classType });
  }
  return [...seen.values()];
}

/** "托大一班 · 托大班 · 24–36 个月" */
export function classLabel(t: TFunction, c: { name: string; type: string | null }) {
  const band = c.type ? CLASS_AGE_MONTHS[c.type] : undefined;
  return [
    c.name,
    codeLabel(t, 'classType', c.type),
    band && t('book.classAges', { min: band[0], max: band[1] }),
  ]
    .filter(Boolean)
    .join(' · ');
}

/** 计时托: a child, a class, then consecutive hour slots of one day; price and subsidy before booking. */
export function HourlyPanel({ offers, day, dateStrip, members, onDone }: PanelProps) {
  const { t } = useTranslation();
  const children = members.filter((m) => m.kind === 'child');
  const [memberId, setMemberId] = useState(children.length === 1 ? children[0]!.id : undefined);
  const dayOffers = offers.filter((o) => o.day === day);
  const child = children.find((m) => m.id === memberId);
  const classes = classesForAge(classesOf(dayOffers), child?.ageMonths);
  const [classChoice, setClassChoice] = useState<string>();
  const classId = classes.find((c) => c.id === classChoice)?.id ?? classes[0]?.id;
  const slots = byTime(dayOffers.filter((o) => o.classId === classId));
  const [selectedIds, setSelectedIds] = useState<string[]>([]);
  const [waitlistMode, setWaitlistMode] = useState(false);

  const inView = selectedIds.every((id) => slots.some((s) => s.id === id));
  const chosen = inView ? byTime(slots.filter((s) => selectedIds.includes(s.id))) : [];
  const anyFull = slots.some((s) => s.free <= 0);
  const money = chosen.length > 0 ? sumMoney(chosen) : null;
  const body = memberId && chosen.length > 0 ? { memberId, offerIds: chosen.map((s) => s.id) } : null;
  const first = chosen[0];
  const last = chosen[chosen.length - 1];

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 20 }} data-testid="book-panel-hourly">
      <Step n={1} title={t('book.chooseChild')}>
        <MemberPicker
          members={children}
          value={memberId}
          onChange={setMemberId}
          emptyText={t('book.noChild')}
        />
      </Step>
      <Step n={2} title={t('book.chooseDay')}>
        {dateStrip}
      </Step>
      <Step n={3} title={t('book.chooseSlots')}>
        {classes.length > 1 && (
          <ChoiceButtons
            testId="book-class-select"
            value={classId}
            onChange={(id) => {
              setClassChoice(id);
              setSelectedIds([]);
            }}
            options={classes.map((c) => ({
              value: c.id,
              testId: `book-class-${c.id}`,
              label: classLabel(t, c),
            }))}
          />
        )}
        <SlotGrid
          slots={slots}
          selectedIds={chosen.map((s) => s.id)}
          waitlistMode={waitlistMode}
          onTap={(slot) => setSelectedIds(toggleSlot(chosen, slot).map((s) => s.id))}
        />
        {(anyFull || waitlistMode) && (
          <WaitlistModeLink
            on={waitlistMode}
            onChange={(on) => {
              setWaitlistMode(on);
              setSelectedIds([]);
            }}
          />
        )}
        <span style={{ fontSize: 12, color: '#8a97a3' }}>{t('book.slotsHint')}</span>
      </Step>
      <PriceSummary
        money={money}
        lines={[
          {
            key: 'when',
            label: t('book.when'),
            value:
              first && last
                ? t('book.hourlyWhen', {
                    day,
                    from: first.startsAt,
                    to: last.endsAt,
                    count: chosen.length,
                  })
                : '—',
          },
        ]}
        note={t('book.subsidyNote')}
      />
      <BookAction body={body} waitlistMode={waitlistMode} onDone={onDone} />
    </div>
  );
}
