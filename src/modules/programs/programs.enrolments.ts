/**
 * An official's decisions on enrolment: enrol an eligible person (programs enrolled on
 * application) and end an enrolment (declined, no longer eligible, other). Auto-enrolment never
 * re-enrols someone whose enrolment ended as declined.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { RequestContext } from '../../server/context.js';
import { conflict, notFound } from '../../server/errors.js';
import { chinaToday } from '../../standards/working-days.js';
import { assertRegionInScope } from '../accounts/scope.js';
import { mutate } from '../audit/audit.service.js';
import { regionCaller, visibleProgram } from './programs.access.js';
import { assertInForce } from './programs.evaluate.js';
import { PGM } from './programs.messages.js';
import * as repo from './programs.repo.js';
import { evaluate } from './programs.rules.js';
import { evaluateWhere, lockProgram } from './programs.sql.js';

export async function enrolPerson(
  db: Db,
  ctx: RequestContext,
  programId: string,
  personId: string,
  onDay: string = chinaToday(),
) {
  const { actor, prefix } = regionCaller(ctx, 'programs.manage');
  const program = await visibleProgram(db, prefix, programId);
  assertInForce(program, onDay);
  return mutate(db, ctx, async (tx, audit) => {
    await lockProgram(tx, programId);
    const person = await repo.personFacts(tx, personId);
    if (!person) throw notFound(PGM['programs.person']);
    assertRegionInScope(actor, person.regionCode);
    const judged = evaluate(program, person, onDay);
    if (!judged.eligible) {
      throw conflict(
        PGM['programs.not_eligible'],
        { reasons: judged.reasons.filter((r) => r.startsWith('!')).join(', ') },
        { reasons: judged.reasons },
      );
    }
    if (await repo.liveEnrolment(tx, programId, personId)) throw conflict(PGM['programs.already_enrolled']);
    const enrolment = await repo.insertEnrolment(tx, {
      programId,
      personId,
      enrolledOn: onDay > program.startsOn ? onDay : program.startsOn,
      by: actor.id,
    });
    // Record the judgement as the set-based evaluation would (same SQL), so the report agrees.
    await evaluateWhere(tx, { ...program, autoEnrol: false }, sql`p.id = ${personId}::uuid`, onDay, actor.id);
    await audit({
      action: 'program.enrol',
      entityType: 'program_enrolment',
      entityId: enrolment.id,
      regionCode: person.regionCode,
      after: { programId, personId, reasons: judged.reasons },
    });
    return enrolment;
  });
}

export async function endEnrolment(
  db: Db,
  ctx: RequestContext,
  programId: string,
  enrolmentId: string,
  reason: string,
) {
  const { actor, prefix } = regionCaller(ctx, 'programs.manage');
  await visibleProgram(db, prefix, programId);
  return mutate(db, ctx, async (tx, audit) => {
    const enrolment = await repo.findEnrolment(tx, enrolmentId);
    if (!enrolment || enrolment.programId !== programId) throw notFound(PGM['programs.enrolment']);
    const person = await repo.personFacts(tx, enrolment.personId);
    assertRegionInScope(actor, person!.regionCode);
    if (enrolment.status !== 'enrolled')
      throw conflict(PGM['programs.enrolment_ended'], { endedOn: enrolment.endedOn });
    const ended = await repo.endEnrolment(tx, enrolmentId, chinaToday(), reason);
    await audit({
      action: 'program.enrolment_end',
      entityType: 'program_enrolment',
      entityId: enrolmentId,
      regionCode: person!.regionCode,
      before: enrolment,
      after: ended,
    });
    return ended;
  });
}
