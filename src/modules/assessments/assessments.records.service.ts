import type { Database } from '../../db/client.js';
import type { FieldCipher } from '../../lib/secrets.js';
import type { Actor, RequestContext } from '../../server/context.js';
import { AppError, conflict, notFound, outOfScope } from '../../server/errors.js';
import {
  AssessmentScoreError,
  CURRENT_CAPABILITY_ASSESSMENT,
  type Grade,
  scoreAssessment,
} from '../../standards/capability-assessment.js';
import { chinaToday } from '../../standards/working-days.js';
import { requirePermission } from '../accounts/accounts.service.js';
import type { Permission } from '../accounts/roles.js';
import { assertRegionInScope, regionPrefixOf, requireActor } from '../accounts/scope.js';
import { mutate, recordAudit } from '../audit/audit.service.js';
import * as people from '../people/roster.repo.js';
import { regionNames } from '../regions/regions.service.js';
import { getSetting } from '../settings/settings.service.js';
import { personChanged } from './assessments.events.js';
import { scoreIssueError } from './assessments.messages.js';
import { ARM, CLOSED_STATUS } from './assessments.records.messages.js';
import { presentAssessment, presentPerson } from './assessments.records.presenter.js';
import * as repo from './assessments.records.repo.js';
import { assessedOnProblem, dueState, nextDueOn, sixtiethBirthday } from './assessments.records.rules.js';
import type { AssessmentView, DueQuery, RecordAssessmentInput } from './assessments.records.schema.js';
import { STACK_SETTING } from './assessments.service.js';

/** The setting giving the months until re-assessment per final grade. */
export const REASSESS_SETTING = 'assessment.reassess_months';

function scoped(ctx: RequestContext, permission: Permission): { actor: Actor; prefix: string } {
  const actor = requireActor(ctx.actor);
  requirePermission(actor, permission);
  const prefix = regionPrefixOf(actor);
  if (prefix === null) throw outOfScope(actor.username);
  return { actor, prefix };
}

const personNotFound = (ctx: RequestContext) => notFound(ctx.lang === 'en' ? 'older person' : '老年人');

/**
 * Store a capability assessment of a person in the caller's scope: scored by the standard with
 * the person's regional rules in force on the assessment day, the next due day from the months
 * for its final grade, then the person-changed hooks (program re-evaluation) and the audit
 * entry, all in one transaction. A second "first" is a 409; a day in the future or before the
 * 60th birthday is a 400 naming `assessedOn`.
 */
export async function recordAssessment(
  database: Database,
  ctx: RequestContext,
  personId: string,
  input: RecordAssessmentInput,
): Promise<AssessmentView> {
  const { actor } = scoped(ctx, 'assessments.manage');
  return mutate(database.db, ctx, async (tx, audit) => {
    const person = await repo.lockPerson(tx, personId);
    if (!person) throw personNotFound(ctx);
    assertRegionInScope(actor, person.regionCode);
    const today = chinaToday();
    const problem = assessedOnProblem(input.assessedOn, person.birthDate, today);
    if (problem === 'future')
      throw new AppError(400, ARM['assessment.date_future'], { field: 'assessedOn', today }, 'assessedOn');
    if (problem === 'before_60') {
      const sixtieth = sixtiethBirthday(person.birthDate);
      throw new AppError(
        400,
        ARM['assessment.date_before_60'],
        { field: 'assessedOn', sixtieth },
        'assessedOn',
      );
    }
    if (person.status !== 'active' && (person.closedOn === null || input.assessedOn > person.closedOn)) {
      const names = CLOSED_STATUS[person.status as keyof typeof CLOSED_STATUS];
      throw conflict(
        ARM['assessment.person_closed'],
        {
          statusZh: names?.['zh-CN'] ?? person.status,
          statusEn: names?.en ?? person.status,
          closedOn: person.closedOn ?? '',
        },
        { status: person.status, closedOn: person.closedOn },
      );
    }
    if (input.reason === 'first') {
      const lastAssessedOn = await repo.latestAssessedOn(tx, personId);
      if (lastAssessedOn !== null)
        throw conflict(ARM['assessment.first_exists'], { lastAssessedOn }, { lastAssessedOn });
    }
    const stackAdjustments = await getSetting(tx, STACK_SETTING, person.regionCode, input.assessedOn);
    const months = await getSetting(tx, REASSESS_SETTING, person.regionCode, input.assessedOn);
    const edition = CURRENT_CAPABILITY_ASSESSMENT;
    let score: ReturnType<typeof scoreAssessment>;
    try {
      score = scoreAssessment(
        { ...input, riskEvents30d: input.riskEvents30d.length },
        { stackAdjustments, edition },
      );
    } catch (err) {
      if (err instanceof AssessmentScoreError) throw scoreIssueError(err.issue);
      throw err;
    }
    const row = await repo.insertAssessment(tx, {
      personId,
      regionCode: person.regionCode,
      assessorId: actor.id,
      assessedOn: input.assessedOn,
      reason: input.reason,
      scores: input.scores,
      coma: input.coma,
      dementia: input.dementia,
      riskEvents30d: input.riskEvents30d,
      total: score.total,
      groups: Object.fromEntries(Object.entries(score.groups).map(([key, g]) => [key, g.score])),
      initialGrade: score.initialGrade,
      finalGrade: score.finalGrade,
      standard: edition.id,
      nextDueOn: nextDueOn(input.assessedOn, score.finalGrade, months),
      notes: input.notes || null,
      minutes: input.minutes ?? null,
    });
    await personChanged(tx, personId);
    await audit({
      action: 'assessment.create',
      entityType: 'assessment',
      entityId: row.id,
      regionCode: person.regionCode,
      after: {
        personId,
        assessedOn: row.assessedOn,
        reason: row.reason,
        total: row.total,
        initialGrade: row.initialGrade,
        finalGrade: row.finalGrade,
        adjustments: score.adjustments,
        nextDueOn: row.nextDueOn,
        standard: row.standard,
      },
    });
    return presentAssessment({ ...row, assessorName: actor.displayName });
  });
}

/**
 * A person's assessments, newest first, with the person (masked) and the day the next one is
 * due. Readers of the roster (civil affairs, assessors) in whose scope the person lives; the
 * read is audited as a read of personal data.
 */
export async function assessmentHistory(
  database: Database,
  cipher: FieldCipher,
  ctx: RequestContext,
  personId: string,
) {
  const { actor, prefix } = scoped(ctx, 'people.read');
  const db = database.db;
  const person = await people.findPerson(db, prefix, personId);
  if (!person) {
    const region = await people.personRegion(db, personId);
    if (region !== null) assertRegionInScope(actor, region);
    throw personNotFound(ctx);
  }
  const [rows, flags, names] = await Promise.all([
    repo.historyOf(db, personId),
    people.flagsOf(db, personId),
    regionNames(db, [person.regionCode]),
  ]);
  await recordAudit(db, ctx, {
    action: 'person.read',
    entityType: 'older_person',
    entityId: personId,
    regionCode: person.regionCode,
    after: { view: 'assessments', count: rows.length },
  });
  const today = chinaToday();
  return {
    items: rows.map(presentAssessment),
    person: presentPerson(
      cipher,
      person,
      [...new Set(flags.map((f) => f.flag))],
      names.get(person.regionCode) ?? null,
      today,
    ),
    nextDueOn: rows[0]?.nextDueOn ?? null,
  };
}

/**
 * The assessor's work list: people in scope whose re-assessment is due on or before `before`
 * (default today), or who were never assessed but carry a disability or dementia flag. The
 * names on the page are a read of personal data, audited once per request.
 */
export async function dueAssessments(
  database: Database,
  cipher: FieldCipher,
  ctx: RequestContext,
  query: DueQuery,
) {
  const { prefix } = scoped(ctx, 'assessments.manage');
  if (query.regionCode && !query.regionCode.startsWith(prefix) && !prefix.startsWith(query.regionCode))
    throw outOfScope(prefix);
  const today = chinaToday();
  const before = query.before ?? today;
  const db = database.db;
  const { items, total } = await repo.dueList(db, prefix, { ...query, before });
  const names = await regionNames(
    db,
    items.map((i) => i.regionCode),
  );
  await recordAudit(db, ctx, {
    action: 'person.read',
    entityType: 'older_person',
    regionCode: query.regionCode?.startsWith(prefix) ? query.regionCode : prefix,
    after: { view: 'assessments.due', query: { ...query, before }, ids: items.map((i) => i.personId) },
  });
  return {
    items: items.map((i) => {
      const person = presentPerson(cipher, { ...i, id: i.personId, status: 'active' }, i.flags, null, today);
      return {
        personId: i.personId,
        name: i.name,
        sex: i.sex,
        age: person.age,
        idNumber: person.idNumber,
        regionCode: i.regionCode,
        regionName: names.get(i.regionCode) ?? null,
        address: i.address,
        phone: person.phone,
        flags: person.flags,
        state: dueState(i.nextDueOn, today),
        lastAssessedOn: i.lastAssessedOn,
        lastGrade: i.lastGrade as Grade | null,
        nextDueOn: i.nextDueOn,
      };
    }),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
