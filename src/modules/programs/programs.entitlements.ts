/**
 * Monthly entitlements: one row per person enrolled in a program for a month, with what they are
 * owed (`monthlyEntitlement`). Written in set-based batches (slices of person ids); a second run
 * for the same month adds only the people enrolled since (ON CONFLICT DO NOTHING): idempotent.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { RequestContext } from '../../server/context.js';
import { mutate } from '../audit/audit.service.js';
import { regionCaller, visibleProgram, workingRegion } from './programs.access.js';
import { assertInForce, type RunOptions } from './programs.evaluate.js';
import * as repo from './programs.repo.js';
import { daysInMonth, monthlyEntitlement } from './programs.rules.js';
import { ANALYZE_AFTER, lockProgram, refreshStatistics } from './programs.sql.js';

export async function generateEntitlements(
  db: Db,
  ctx: RequestContext,
  id: string,
  month: string,
  options: Pick<RunOptions, 'onProgress'> = {},
) {
  const { prefix } = regionCaller(ctx, 'programs.manage');
  const program = await visibleProgram(db, prefix, id);
  const region = workingRegion(program.regionPrefix, prefix);
  const first = `${month}-01`;
  const last = `${month}-${String(daysInMonth(month)).padStart(2, '0')}`;
  assertInForce(program, first, last);
  // What the program gives does not depend on who: the same for every active enrolled person.
  const owed = monthlyEntitlement(program, { status: 'active' }, month);
  const progress = options.onProgress ?? (() => {});
  let created = 0;
  // Sixteen batches by the first hex digit of the person's id: each reads one slice of the
  // program's enrolments once (by region, every batch would read all of them).
  const bounds = [...'0123456789abcdef'].map((d) => `${d}0000000-0000-0000-0000-000000000000`);
  for (const [i, lo] of bounds.entries()) {
    const hi = bounds[i + 1];
    const slice = sql`en.person_id >= ${lo}::uuid ${hi ? sql`AND en.person_id < ${hi}::uuid` : sql``}`;
    created += await mutate(db, ctx, async (tx, audit) => {
      await lockProgram(tx, id);
      const inserted = await repo.rows<{ n: number }>(
        tx,
        sql`WITH ins AS (
              INSERT INTO entitlements (program_id, person_id, month, amount_cents, quota_minutes)
              SELECT en.program_id, en.person_id, ${month}, ${owed.amountCents}, ${owed.quotaMinutes}
                FROM program_enrolments en JOIN older_people p ON p.id = en.person_id
               WHERE en.program_id = ${id}::uuid AND en.status = 'enrolled' AND en.enrolled_on <= ${last}::date
                 AND ${slice} AND p.status = 'active' AND ${repo.under('p.region_code', region)}
              ON CONFLICT (program_id, person_id, month) DO NOTHING
              RETURNING 1)
            SELECT count(*)::int AS n FROM ins`,
      );
      const n = inserted[0]?.n ?? 0;
      if (n > 0) {
        await audit({
          action: 'program.entitlements',
          entityType: 'program',
          entityId: id,
          regionCode: region,
          after: { month, created: n, ...owed },
        });
      }
      return n;
    });
    progress(i + 1, bounds.length, 'entitlements');
  }
  if (created >= ANALYZE_AFTER) await refreshStatistics(db, 'entitlements');
  const [count] = await repo.rows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM entitlements e JOIN older_people p ON p.id = e.person_id
        WHERE e.program_id = ${id}::uuid AND e.month = ${month} AND ${repo.under('p.region_code', region)}`,
  );
  return { month, regionCode: region, created, total: count?.n ?? 0 };
}
