import { describe, expect, it } from 'vitest';
import { planDraw } from './entitlements.draw.js';

const ORDER = { priceCents: 9000, durationMinutes: 60, itemCode: 'ZY-01' };
const left = (
  o: Partial<{ amountCents: number; quotaMinutes: number; usedCents: number; usedMinutes: number }>,
) => ({
  amountCents: 0,
  quotaMinutes: 0,
  usedCents: 0,
  usedMinutes: 0,
  ...o,
});

describe('planDraw', () => {
  it('a service quota covers the visit in minutes, and the price in proportion to the minutes left', () => {
    expect(planDraw({ benefit: { kind: 'service_quota' }, ...left({ quotaMinutes: 120 }) }, ORDER)).toEqual({
      drawnCents: 0,
      drawnMinutes: 60,
      subsidyCents: 9000,
    });
    expect(
      planDraw(
        { benefit: { kind: 'service_quota' }, ...left({ quotaMinutes: 120, usedMinutes: 100 }) },
        ORDER,
      ),
    ).toEqual({ drawnCents: 0, drawnMinutes: 20, subsidyCents: 3000 });
    expect(
      planDraw({ benefit: { kind: 'service_quota' }, ...left({ quotaMinutes: 60, usedMinutes: 60 }) }, ORDER),
    ).toBe(null);
  });

  it('a quota limited to some items does not pay for others', () => {
    const benefit = { kind: 'service_quota', items: ['ZJ-01'] };
    expect(planDraw({ benefit, ...left({ quotaMinutes: 120 }) }, ORDER)).toBe(null);
    expect(
      planDraw({ benefit, ...left({ quotaMinutes: 120 }) }, { ...ORDER, itemCode: 'ZJ-01' })?.drawnMinutes,
    ).toBe(60);
  });

  it('a monthly amount pays up to what is left, never more', () => {
    expect(planDraw({ benefit: { kind: 'monthly_amount' }, ...left({ amountCents: 20000 }) }, ORDER)).toEqual(
      {
        drawnCents: 9000,
        drawnMinutes: 0,
        subsidyCents: 9000,
      },
    );
    expect(
      planDraw(
        { benefit: { kind: 'monthly_amount' }, ...left({ amountCents: 20000, usedCents: 17000 }) },
        ORDER,
      ),
    ).toEqual({ drawnCents: 3000, drawnMinutes: 0, subsidyCents: 3000 });
    expect(
      planDraw(
        { benefit: { kind: 'monthly_amount' }, ...left({ amountCents: 20000, usedCents: 20000 }) },
        ORDER,
      ),
    ).toBe(null);
  });

  it('a cost share pays its percent of the price within the monthly cap', () => {
    const benefit = { kind: 'cost_share', percent: 70 };
    expect(planDraw({ benefit, ...left({ amountCents: 50000 }) }, ORDER)?.subsidyCents).toBe(6300);
    expect(
      planDraw({ benefit, ...left({ amountCents: 50000, usedCents: 48000 }) }, ORDER)?.subsidyCents,
    ).toBe(2000);
  });

  it('meal discounts and unknown kinds do not pay for door-to-door visits', () => {
    expect(
      planDraw(
        { benefit: { kind: 'meal_discount', perMealCents: 300 }, ...left({ amountCents: 9000 }) },
        ORDER,
      ),
    ).toBe(null);
  });
});
