import { Empty, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEAL_MODES, type MealMode } from '../../api/bookings';
import { BookAction, PriceSummary } from './BookAction';
import { ageInYears, byTime, mealSubsidy, yuanText } from './book-logic';
import { ChoiceButtons, MemberPicker, Step } from './Pickers';
import type { PanelProps } from './panel-props';
import { SlotGrid } from './SlotGrid';

function dishesOf(details: Record<string, unknown>): string[] {
  const dishes = details.dishes;
  return Array.isArray(dishes) ? dishes.filter((d): d is string => typeof d === 'string') : [];
}

/**
 * 老年助餐: an older member, a sitting, how the meal is served (堂食/自取/送餐) and the menu. The
 * subsidy is the region's age band for the member's age on that day (the highest that applies).
 */
export function MealPanel({ offers, day, dateStrip, members, mealSubsidy: bands = [], onDone }: PanelProps) {
  const { t } = useTranslation();
  const older = members.filter((m) => m.kind === 'older');
  const [memberId, setMemberId] = useState(older.length === 1 ? older[0]!.id : undefined);
  const member = older.find((m) => m.id === memberId);
  const sittings = byTime(offers.filter((o) => o.day === day));
  const [sittingId, setSittingId] = useState<string>();
  const sitting = sittings.find((s) => s.id === sittingId);
  const [mode, setMode] = useState<MealMode>();

  const age = member && sitting ? ageInYears(member.birthDate, sitting.day) : null;
  const subsidy = sitting && age !== null ? mealSubsidy(bands, age, sitting.price) : null;
  const money =
    sitting && subsidy !== null
      ? { price: sitting.price, subsidy, due: Math.round((sitting.price - subsidy) * 100) / 100 }
      : null;
  const body = memberId && sitting && mode ? { memberId, offerIds: [sitting.id], mealMode: mode } : null;
  const dishes = sitting ? dishesOf(sitting.details) : [];
  const bandText = [...bands]
    .sort((a, b) => a.minAge - b.minAge)
    .map((b) => t('book.mealBand', { age: b.minAge, amount: yuanText(b.amount) }))
    .join(t('book.listSeparator'));

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 20 }} data-testid="book-panel-meal">
      <Step n={1} title={t('book.chooseOlder')}>
        <MemberPicker members={older} value={memberId} onChange={setMemberId} emptyText={t('book.noOlder')} />
      </Step>
      <Step n={2} title={t('book.chooseDay')}>
        {dateStrip}
      </Step>
      <Step n={3} title={t('book.chooseSitting')}>
        <SlotGrid
          testIdPrefix="book-sitting"
          slots={sittings}
          selectedIds={sitting ? [sitting.id] : []}
          onTap={(s) => setSittingId(s.id === sittingId ? undefined : s.id)}
          labelOf={(s) => `${s.formName} · ${yuanText(s.price)}`}
        />
      </Step>
      <Step n={4} title={t('book.chooseMode')}>
        <ChoiceButtons
          testId="book-meal-mode"
          value={mode}
          onChange={setMode}
          options={MEAL_MODES.map((m) => ({
            value: m,
            label: t(`book.mealMode.${m}`),
            testId: `book-meal-mode-${m}`,
          }))}
        />
      </Step>
      <Step n={5} title={t('book.menu')}>
        {!sitting ? (
          <Typography.Text type="secondary">{t('book.menuPick')}</Typography.Text>
        ) : dishes.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('book.menuNone')} />
        ) : (
          <div data-testid="book-menu" style={{ display: 'flex', flexWrap: 'wrap', gap: 6 }}>
            {dishes.map((dish) => (
              <Tag key={dish} color="green" style={{ fontSize: 14, padding: '2px 8px', marginInlineEnd: 0 }}>
                {dish}
              </Tag>
            ))}
          </div>
        )}
      </Step>
      <PriceSummary
        money={money}
        lines={[
          {
            key: 'when',
            label: t('book.when'),
            value: sitting ? `${sitting.day} ${sitting.formName} ${sitting.startsAt}–${sitting.endsAt}` : '—',
          },
          ...(member && age !== null
            ? [{ key: 'age', label: t('book.memberAge'), value: t('book.ageYears', { count: age }) }]
            : []),
        ]}
        note={bands.length > 0 ? t('book.mealSubsidyNote', { bands: bandText }) : t('book.mealNoSubsidy')}
      />
      <BookAction body={body} onDone={onDone} />
    </div>
  );
}
