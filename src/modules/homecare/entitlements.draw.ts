/**
 * Drawing a verified visit on the person's entitlement of that month. Only verified (or approved)
 * visits draw; the draw is a conditional UPDATE in the visit's own transaction that never takes
 * an entitlement below zero, and what it could not cover is paid by the person.
 *
 * What was drawn is stored on the order (`service_orders.draw`, with its program and entitlement),
 * in the same transaction; the visit's review also writes a `service_order.draw` audit entry.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client.js';
import { entitlements, programs } from '../programs/programs.table.js';
import { serviceOrders } from './homecare.table.js';

export const DRAW_ACTION = 'service_order.draw';

export interface Draw {
  programId: string | null;
  entitlementId: string | null;
  benefitKind: string | null;
  month: string;
  /** Fen taken from the entitlement's amount; minutes taken from its quota. */
  drawnCents: number;
  drawnMinutes: number;
  /** The public part of the price (fen) and what the person pays. */
  subsidyCents: number;
  ownCents: number;
}

interface Candidate {
  id: string;
  programId: string;
  code: string;
  benefit: Record<string, unknown>;
  amountCents: number;
  quotaMinutes: number;
  usedCents: number;
  usedMinutes: number;
}

/** What one entitlement would cover of the order: null when its benefit does not apply or nothing is left. */
export function planDraw(
  c: Pick<Candidate, 'benefit' | 'amountCents' | 'quotaMinutes' | 'usedCents' | 'usedMinutes'>,
  order: { priceCents: number; durationMinutes: number; itemCode: string },
): Pick<Draw, 'drawnCents' | 'drawnMinutes' | 'subsidyCents'> | null {
  const kind = c.benefit.kind;
  if (kind === 'service_quota') {
    const items = c.benefit.items;
    if (Array.isArray(items) && items.length > 0 && !items.includes(order.itemCode)) return null;
    const left = c.quotaMinutes - c.usedMinutes;
    if (left <= 0 || order.durationMinutes <= 0) return null;
    const minutes = Math.min(order.durationMinutes, left);
    return {
      drawnCents: 0,
      drawnMinutes: minutes,
      subsidyCents: Math.round((order.priceCents * minutes) / order.durationMinutes),
    };
  }
  if (kind === 'monthly_amount' || kind === 'cost_share') {
    const left = c.amountCents - c.usedCents;
    const percent = Number(c.benefit.percent ?? 0);
    const want = kind === 'cost_share' ? Math.round((order.priceCents * percent) / 100) : order.priceCents;
    const cents = Math.min(want, left);
    if (cents <= 0) return null;
    return { drawnCents: cents, drawnMinutes: 0, subsidyCents: cents };
  }
  return null;
}

/** Service quotas first (they are meant for services), then cost shares, then monthly amounts. */
const PRIORITY: Record<string, number> = { service_quota: 0, cost_share: 1, monthly_amount: 2 };

/**
 * Draw one order on the person's entitlements of `month`: the entitlements are locked, the first
 * that covers something (by PRIORITY, then program code) is charged with a conditional UPDATE,
 * the order records the program and entitlement. Returns the draw (all zero when nothing applies).
 */
export async function drawForOrder(
  tx: Tx,
  order: { id: string; personId: string; priceCents: number; durationMinutes: number; itemCode: string },
  month: string,
): Promise<Draw> {
  const rows: Candidate[] = await tx
    .select({
      id: entitlements.id,
      programId: entitlements.programId,
      code: programs.code,
      benefit: programs.benefit,
      amountCents: entitlements.amountCents,
      quotaMinutes: entitlements.quotaMinutes,
      usedCents: entitlements.usedCents,
      usedMinutes: entitlements.usedMinutes,
    })
    .from(entitlements)
    .innerJoin(programs, eq(programs.id, entitlements.programId))
    .where(
      and(
        eq(entitlements.personId, order.personId),
        eq(entitlements.month, month),
        eq(programs.status, 'active'),
      ),
    )
    .orderBy(asc(programs.code))
    .for('update', { of: entitlements });
  const ranked = rows
    .filter((r) => String(r.benefit.kind) in PRIORITY)
    .sort((a, b) => PRIORITY[String(a.benefit.kind)]! - PRIORITY[String(b.benefit.kind)]!);
  for (const candidate of ranked) {
    const plan = planDraw(candidate, order);
    if (!plan) continue;
    const [updated] = await tx
      .update(entitlements)
      .set({
        usedCents: sql`${entitlements.usedCents} + ${plan.drawnCents}`,
        usedMinutes: sql`${entitlements.usedMinutes} + ${plan.drawnMinutes}`,
      })
      .where(
        and(
          eq(entitlements.id, candidate.id),
          sql`${entitlements.usedCents} + ${plan.drawnCents} <= ${entitlements.amountCents}`,
          sql`${entitlements.usedMinutes} + ${plan.drawnMinutes} <= ${entitlements.quotaMinutes}`,
        ),
      )
      .returning({ id: entitlements.id });
    if (!updated) continue;
    return record(tx, order.id, {
      programId: candidate.programId,
      entitlementId: candidate.id,
      benefitKind: String(candidate.benefit.kind),
      month,
      ...plan,
      ownCents: order.priceCents - plan.subsidyCents,
    });
  }
  return record(tx, order.id, {
    programId: null,
    entitlementId: null,
    benefitKind: null,
    month,
    drawnCents: 0,
    drawnMinutes: 0,
    subsidyCents: 0,
    ownCents: order.priceCents,
  });
}

/** Store the draw on the order, with its program and entitlement. */
async function record(tx: Tx, orderId: string, draw: Draw): Promise<Draw> {
  await tx
    .update(serviceOrders)
    .set({
      programId: draw.programId,
      entitlementId: draw.entitlementId,
      draw: draw as unknown as Record<string, unknown>,
      updatedAt: new Date(),
    })
    .where(eq(serviceOrders.id, orderId));
  return draw;
}

/** The draw stored on each verified order. */
export async function drawsOf(db: Executor, orderIds: readonly string[]): Promise<Map<string, Draw>> {
  const out = new Map<string, Draw>();
  if (orderIds.length === 0) return out;
  const rows = await db
    .select({ id: serviceOrders.id, draw: serviceOrders.draw })
    .from(serviceOrders)
    .where(inArray(serviceOrders.id, [...orderIds]));
  for (const row of rows) if (row.draw) out.set(row.id, row.draw as unknown as Draw);
  return out;
}
