import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BookAction, PriceSummary } from './BookAction';
import { byTime, fitsClass, sumMoney } from './book-logic';
import { ChoiceButtons, MemberPicker, Step } from './Pickers';
import type { PanelProps } from './panel-props';
import { SlotGrid, WaitlistModeLink } from './SlotGrid';

/**
 * One place per booking: 临时托 (a day of temporary care, for a child) and appointments (for any
 * member). With several kinds of appointment on the day, the kind is chosen first.
 */
export function SinglePanel({
  kind,
  offers,
  day,
  dateStrip,
  members,
  onDone,
}: PanelProps & { kind: 'temporary' | 'appointment' }) {
  const { t } = useTranslation();
  const eligible = kind === 'temporary' ? members.filter((m) => m.kind === 'child') : members;
  const [memberId, setMemberId] = useState(eligible.length === 1 ? eligible[0]!.id : undefined);
  const dayOffers = byTime(offers.filter((o) => o.day === day));
  const forms = [...new Map(dayOffers.map((o) => [o.form, o.title ?? o.formName])).entries()];
  const [formChoice, setFormChoice] = useState<string>();
  const form = forms.find(([f]) => f === formChoice)?.[0] ?? forms[0]?.[0];
  const child = eligible.find((m) => m.id === memberId);
  // Temporary care: the classes that fit the child's age first.
  const slots =
    kind === 'appointment'
      ? dayOffers.filter((o) => o.form === form)
      : [...dayOffers].sort(
          (a, b) =>
            Number(fitsClass(b.classType, child?.ageMonths)) -
            Number(fitsClass(a.classType, child?.ageMonths)),
        );
  const [selectedId, setSelectedId] = useState<string>();
  const [waitlistMode, setWaitlistMode] = useState(false);
  const chosen = slots.find((s) => s.id === selectedId);
  const body = memberId && chosen ? { memberId, offerIds: [chosen.id] } : null;

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 20 }} data-testid={`book-panel-${kind}`}>
      <Step n={1} title={kind === 'temporary' ? t('book.chooseChild') : t('book.chooseMember')}>
        <MemberPicker
          members={eligible}
          value={memberId}
          onChange={setMemberId}
          emptyText={kind === 'temporary' ? t('book.noChild') : t('book.noMember')}
        />
      </Step>
      <Step n={2} title={t('book.chooseDay')}>
        {dateStrip}
      </Step>
      <Step n={3} title={kind === 'temporary' ? t('book.chooseTime') : t('book.chooseAppointment')}>
        {kind === 'appointment' && forms.length > 1 && (
          <ChoiceButtons
            testId="book-appointment-form"
            value={form}
            onChange={(f) => {
              setFormChoice(f);
              setSelectedId(undefined);
            }}
            options={forms.map(([f, label]) => ({ value: f, label, testId: `book-form-${f}` }))}
          />
        )}
        <SlotGrid
          slots={slots}
          selectedIds={chosen ? [chosen.id] : []}
          waitlistMode={waitlistMode}
          onTap={(slot) => setSelectedId(slot.id === selectedId ? undefined : slot.id)}
          labelOf={(slot) =>
            kind === 'temporary' ? slot.className : forms.length > 1 ? null : (slot.title ?? slot.formName)
          }
        />
        {(waitlistMode || slots.some((s) => s.free <= 0)) && (
          <WaitlistModeLink
            on={waitlistMode}
            onChange={(on) => {
              setWaitlistMode(on);
              setSelectedId(undefined);
            }}
          />
        )}
      </Step>
      <PriceSummary
        money={chosen ? sumMoney([chosen]) : null}
        lines={[
          {
            key: 'what',
            label: t('book.form'),
            value: chosen
              ? [chosen.title ?? chosen.formName, chosen.className].filter(Boolean).join(' · ')
              : '—',
          },
          {
            key: 'when',
            label: t('book.when'),
            value: chosen ? `${chosen.day} ${chosen.startsAt}–${chosen.endsAt}` : '—',
          },
        ]}
      />
      <BookAction body={body} waitlistMode={waitlistMode} onDone={onDone} />
    </div>
  );
}
