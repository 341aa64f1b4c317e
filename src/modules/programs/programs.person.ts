/**
 * One person's programs: for each program that concerns them, the eligibility with its reasons
 * (as last evaluated, or judged now by the same rules when never evaluated), their enrolments
 * and their monthly entitlements with what is used and left. Reading it is audited.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { RequestContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { chinaToday } from '../../standards/working-days.js';
import { assertRegionInScope } from '../accounts/scope.js';
import { recordAudit } from '../audit/audit.service.js';
import { regionCaller } from './programs.access.js';
import { PGM } from './programs.messages.js';
import * as repo from './programs.repo.js';
import { evaluate, toBenefitView } from './programs.rules.js';

interface EligibilityRow {
  programId: string;
  eligible: boolean;
  reasons: string[];
  evaluatedAt: string;
}
interface EntitlementRow {
  programId: string;
  month: string;
  amountCents: number;
  quotaMinutes: number;
  usedCents: number;
  usedMinutes: number;
}

export async function personPrograms(db: Db, ctx: RequestContext, personId: string) {
  const { actor } = regionCaller(ctx, 'people.read');
  const person = await repo.personFacts(db, personId);
  if (!person) throw notFound(PGM['programs.person']);
  assertRegionInScope(actor, person.regionCode);
  const today = chinaToday();
  const programs = await repo.rows<repo.ProgramRow>(
    db,
    sql`SELECT g.id, g.region_prefix AS "regionPrefix", g.code, g.name, g.eligibility, g.benefit,
          g.auto_enrol AS "autoEnrol", g.status
        FROM programs g
        WHERE ${person.regionCode} LIKE g.region_prefix || '%'
           OR EXISTS (SELECT 1 FROM program_eligibility e WHERE e.program_id = g.id AND e.person_id = ${personId}::uuid)
           OR EXISTS (SELECT 1 FROM program_enrolments en WHERE en.program_id = g.id AND en.person_id = ${personId}::uuid)
        ORDER BY g.status, g.region_prefix, g.code`,
  );
  const [judged, enrolments, entitlements] = await Promise.all([
    repo.rows<EligibilityRow>(
      db,
      sql`SELECT program_id AS "programId", eligible, reasons,
            to_char(evaluated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "evaluatedAt"
          FROM program_eligibility WHERE person_id = ${personId}::uuid`,
    ),
    repo.rows<repo.EnrolmentRow>(
      db,
      sql`SELECT en.id, en.program_id AS "programId", en.status, en.enrolled_on::text AS "enrolledOn",
            en.ended_on::text AS "endedOn", en.ended_reason AS "endedReason"
          FROM program_enrolments en WHERE en.person_id = ${personId}::uuid
          ORDER BY en.enrolled_on DESC, en.created_at DESC`,
    ),
    repo.rows<EntitlementRow>(
      db,
      sql`SELECT program_id AS "programId", month, amount_cents AS "amountCents", quota_minutes AS "quotaMinutes",
            used_cents AS "usedCents", used_minutes AS "usedMinutes"
          FROM entitlements WHERE person_id = ${personId}::uuid ORDER BY month DESC LIMIT 240`,
    ),
  ]);
  await recordAudit(db, ctx, {
    action: 'person.programs.read',
    entityType: 'older_person',
    entityId: personId,
    regionCode: person.regionCode,
  });
  const yuan = (cents: number) => cents / 100;
  return {
    personId,
    items: programs.map((program) => {
      const stored = judged.find((j) => j.programId === program.id);
      const live = stored ? null : evaluate(program, person, today);
      return {
        program: {
          id: program.id,
          regionPrefix: program.regionPrefix,
          code: program.code,
          name: program.name,
          benefit: toBenefitView(program.benefit),
          autoEnrol: program.autoEnrol,
          status: program.status,
        },
        eligibility: stored
          ? { eligible: stored.eligible, reasons: stored.reasons, evaluatedAt: stored.evaluatedAt }
          : { eligible: live!.eligible, reasons: live!.reasons, evaluatedAt: null },
        enrolments: enrolments
          .filter((e) => e.programId === program.id)
          .map(({ id, status, enrolledOn, endedOn, endedReason }) => ({
            id,
            status,
            enrolledOn,
            endedOn,
            endedReason,
          })),
        entitlements: entitlements
          .filter((e) => e.programId === program.id)
          .map((e) => ({
            month: e.month,
            amount: yuan(e.amountCents),
            quotaMinutes: e.quotaMinutes,
            used: yuan(e.usedCents),
            usedMinutes: e.usedMinutes,
            left: yuan(Math.max(0, e.amountCents - e.usedCents)),
            leftMinutes: Math.max(0, e.quotaMinutes - e.usedMinutes),
          })),
      };
    }),
  };
}
