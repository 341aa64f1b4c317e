import type { Db } from '../../db/client.js';
import type { RequestContext } from '../../server/context.js';
import { AppError, conflict } from '../../server/errors.js';
import { mutate } from '../audit/audit.service.js';
import { ownProgram, regionCaller, regionFilter } from './programs.access.js';
import { PGM } from './programs.messages.js';
import * as repo from './programs.repo.js';
import { type Eligibility, normalizeEligibility, toBenefitView, toStoredBenefit } from './programs.rules.js';
import type { CreateProgramInput, ProgramView, UpdateProgramInput } from './programs.schema.js';

export function presentProgram(
  row: repo.ProgramRow,
  prefix: string,
  counts: { eligibleCount: number; enrolledCount: number } = { eligibleCount: 0, enrolledCount: 0 },
): ProgramView {
  return {
    id: row.id,
    regionPrefix: row.regionPrefix,
    code: row.code,
    name: row.name,
    description: row.description,
    eligibility: row.eligibility,
    benefit: toBenefitView(row.benefit),
    autoEnrol: row.autoEnrol,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    status: row.status,
    editable: row.regionPrefix.startsWith(prefix),
    eligibleCount: counts.eligibleCount,
    enrolledCount: counts.enrolledCount,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** 400s the zod schemas cannot give: residence outside the program's region, dates the wrong way. */
function assertCoherent(
  regionPrefix: string,
  eligibility: Eligibility,
  startsOn: string,
  endsOn: string | null,
) {
  if (eligibility.residence && !eligibility.residence.startsWith(regionPrefix)) {
    throw new AppError(
      400,
      PGM['programs.residence_outside'],
      { residence: eligibility.residence, regionPrefix },
      'eligibility.residence',
    );
  }
  if (endsOn !== null && endsOn < startsOn)
    throw new AppError(400, PGM['programs.ends_before_starts'], {}, 'endsOn');
}

/** Programs concerning the caller's region (or a region inside it): those covering it and those inside it. */
export async function listPrograms(db: Db, ctx: RequestContext, query: { regionCode?: string }) {
  const { prefix } = regionCaller(ctx, 'people.read');
  const region = regionFilter(prefix, query.regionCode);
  const items = await repo.listPrograms(db, region, region);
  return { items: items.map((row) => presentProgram(row, prefix, row)) };
}

export async function createProgram(db: Db, ctx: RequestContext, body: CreateProgramInput) {
  const { actor, prefix } = regionCaller(ctx, 'programs.manage');
  regionFilter(prefix, body.regionPrefix);
  const eligibility = normalizeEligibility(body.eligibility);
  const endsOn = body.endsOn ?? null;
  assertCoherent(body.regionPrefix, eligibility, body.startsOn, endsOn);
  const id = await mutate(db, ctx, async (tx, audit) => {
    const created = await repo.insertProgram(tx, {
      regionPrefix: body.regionPrefix,
      code: body.code,
      name: body.name,
      description: body.description ?? null,
      eligibility,
      benefit: toStoredBenefit(body.benefit),
      autoEnrol: body.autoEnrol,
      startsOn: body.startsOn,
      endsOn,
      createdBy: actor.id,
    });
    if (!created)
      throw conflict(PGM['programs.code_taken'], { regionPrefix: body.regionPrefix, code: body.code });
    await audit({
      action: 'program.create',
      entityType: 'program',
      entityId: created,
      regionCode: body.regionPrefix,
      after: { ...body, eligibility },
    });
    return created;
  });
  const row = await repo.findProgram(db, id);
  return presentProgram(row!, prefix);
}

export async function updateProgram(db: Db, ctx: RequestContext, id: string, body: UpdateProgramInput) {
  const { prefix } = regionCaller(ctx, 'programs.manage');
  await mutate(db, ctx, async (tx, audit) => {
    const before = await ownProgram(tx, prefix, id);
    const next = {
      name: body.name ?? before.name,
      description: body.description === undefined ? before.description : body.description,
      eligibility: body.eligibility ? normalizeEligibility(body.eligibility) : before.eligibility,
      benefit: body.benefit ? toStoredBenefit(body.benefit) : before.benefit,
      autoEnrol: body.autoEnrol ?? before.autoEnrol,
      startsOn: body.startsOn ?? before.startsOn,
      endsOn: body.endsOn === undefined ? before.endsOn : body.endsOn,
      status: body.status ?? before.status,
    };
    assertCoherent(before.regionPrefix, next.eligibility, next.startsOn, next.endsOn);
    await repo.updateProgram(tx, id, next);
    await audit({
      action: 'program.update',
      entityType: 'program',
      entityId: id,
      regionCode: before.regionPrefix,
      before,
      after: next,
    });
  });
  const row = await repo.findProgram(db, id);
  return presentProgram(row!, prefix);
}

/** Delete a program nobody was ever enrolled in; one with history is retired instead (409). */
export async function deleteProgram(db: Db, ctx: RequestContext, id: string): Promise<void> {
  const { prefix } = regionCaller(ctx, 'programs.manage');
  await mutate(db, ctx, async (tx, audit) => {
    const program = await ownProgram(tx, prefix, id);
    const count = await repo.historyCount(tx, id);
    if (count > 0) throw conflict(PGM['programs.has_enrolments'], { count });
    await repo.deleteProgram(tx, id);
    await audit({
      action: 'program.delete',
      entityType: 'program',
      entityId: id,
      regionCode: program.regionPrefix,
      before: program,
    });
  });
}
