/**
 * Duty of care: people whose flags call for a contact every N days (setting `care.visit_frequency`)
 * and who were not contacted — a home visit, a call, or a verified door-to-door visit — within N
 * days appear on the community worker's and the township's queue, most overdue first.
 */
import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Actor, RequestContext } from '../../server/context.js';
import { AppError, conflict, notFound, outOfScope } from '../../server/errors.js';
import { chinaToday } from '../../standards/working-days.js';
import { requirePermission } from '../accounts/accounts.service.js';
import { accounts } from '../accounts/accounts.table.js';
import { regionPrefixOf, requireActor } from '../accounts/scope.js';
import { mutate, recordAudit } from '../audit/audit.service.js';
import { careContacts, olderPeople } from '../people/people.table.js';
import { getSetting } from '../settings/settings.service.js';
import { CM } from './care.messages.js';

function workerScope(ctx: RequestContext): { actor: Actor; prefix: string } {
  const actor = requireActor(ctx.actor);
  requirePermission(actor, 'care.contacts');
  const prefix = regionPrefixOf(actor);
  if (prefix === null) throw outOfScope(actor.username);
  return { actor, prefix };
}

const literal = (values: readonly string[]) =>
  `{${values.map((v) => `"${v.replace(/["\\]/g, '')}"`).join(',')}}`;

export async function overdue(
  db: Db,
  ctx: RequestContext,
  q: { regionCode?: string; page: number; pageSize: number },
) {
  const { prefix } = workerScope(ctx);
  if (q.regionCode && !q.regionCode.startsWith(prefix)) throw outOfScope(prefix);
  const region = q.regionCode ?? prefix;
  const asOf = chinaToday();
  const rules = await getSetting(db, 'care.visit_frequency', region, asOf);
  if (rules.length === 0)
    return { asOf, total: 0, page: q.page, pageSize: q.pageSize, items: [], byCommunity: [] };
  // The shortest frequency among the rules whose flags the person all carries.
  const freq = sql.join(
    rules.map((r) => sql`CASE WHEN p.flags @> ${literal(r.flags)}::text[] THEN ${r.everyDays}::int END`),
    sql`, `,
  );
  const base = sql`
    WITH p AS (
      SELECT o.id, o.name, o.region_code, o.birth_date,
             array_remove(array_agg(DISTINCT f.flag), NULL)
               || CASE WHEN o.birth_date <= (${asOf}::date - interval '80 years') THEN ARRAY['aged_80_plus'] ELSE ARRAY[]::text[] END
               AS flags
        FROM older_people o
        LEFT JOIN person_flags f ON f.person_id = o.id
       WHERE o.status = 'active' AND o.region_code LIKE ${`${region}%`}
       GROUP BY o.id
    ), due AS (
      SELECT p.*, LEAST(${freq}) AS every_days FROM p
    ), last AS (
      SELECT d.id, GREATEST(
               (SELECT max(c.contacted_on) FROM care_contacts c WHERE c.person_id = d.id),
               (SELECT max(v.day) FROM visits v WHERE v.person_id = d.id AND v.status IN ('verified', 'approved'))
             ) AS last_on
        FROM due d WHERE d.every_days IS NOT NULL
    ), o AS (
      SELECT d.id, d.name, d.region_code, d.birth_date, d.flags, d.every_days, l.last_on,
             COALESCE(l.last_on + d.every_days, ${asOf}::date) AS due_on
        FROM due d JOIN last l ON l.id = d.id
       WHERE l.last_on IS NULL OR l.last_on + d.every_days < ${asOf}::date
    )`;
  const rows = (await db.execute(sql`${base}
    SELECT id, name, region_code, birth_date::text AS birth_date, flags, every_days, last_on::text AS last_on,
           due_on::text AS due_on, (${asOf}::date - due_on) AS days_overdue, count(*) OVER () AS total
      FROM o ORDER BY (${asOf}::date - due_on) DESC, region_code, name
     LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`)) as unknown as {
    rows: Record<string, unknown>[];
  };
  const groups = (await db.execute(sql`${base}
    SELECT o.region_code, r.name AS region_name, count(*)::int AS overdue
      FROM o LEFT JOIN regions r ON r.code = o.region_code
     GROUP BY o.region_code, r.name ORDER BY count(*) DESC, o.region_code LIMIT 500`)) as unknown as {
    rows: Record<string, unknown>[];
  };
  const items = rows.rows.map((r) => ({
    personId: String(r.id),
    name: String(r.name),
    regionCode: String(r.region_code),
    age: ageYears(String(r.birth_date), asOf),
    flags: (r.flags as string[]).sort(),
    everyDays: Number(r.every_days),
    lastContactOn: r.last_on ? String(r.last_on) : null,
    dueOn: String(r.due_on),
    daysOverdue: Number(r.days_overdue),
  }));
  await recordAudit(db, ctx, {
    action: 'person.read',
    entityType: 'older_person',
    regionCode: region,
    after: { query: q, view: 'care.overdue', ids: items.map((i) => i.personId) },
  });
  return {
    asOf,
    total: Number(rows.rows[0]?.total ?? 0),
    page: q.page,
    pageSize: q.pageSize,
    items,
    byCommunity: groups.rows.map((g) => ({
      regionCode: String(g.region_code),
      regionName: g.region_name ? String(g.region_name) : null,
      overdue: Number(g.overdue),
    })),
  };
}

function ageYears(birth: string, onDay: string): number {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [oy, om, od] = onDay.split('-').map(Number) as [number, number, number];
  return oy - by - (om < bm || (om === bm && od < bd) ? 1 : 0);
}

async function personInScope(db: Db, ctx: RequestContext, prefix: string, personId: string) {
  const [person] = await db.select().from(olderPeople).where(eq(olderPeople.id, personId));
  if (!person) throw notFound(ctx.lang === 'en' ? 'older person' : '老年人');
  if (!person.regionCode.startsWith(prefix)) throw outOfScope(prefix);
  return person;
}

export async function recordContact(
  db: Db,
  ctx: RequestContext,
  personId: string,
  body: { kind: string; contactedOn: string; outcome: string; notes?: string },
) {
  const { actor, prefix } = workerScope(ctx);
  const person = await personInScope(db, ctx, prefix, personId);
  if (person.status !== 'active') throw conflict(CM['care.person_closed'], { status: person.status });
  if (body.contactedOn > chinaToday())
    throw new AppError(400, CM['care.future_day'], { field: 'contactedOn' }, 'contactedOn');
  return mutate(db, ctx, async (tx, audit) => {
    const [row] = await tx
      .insert(careContacts)
      .values({
        personId,
        regionCode: person.regionCode,
        kind: body.kind,
        contactedOn: body.contactedOn,
        outcome: body.outcome,
        notes: body.notes ?? null,
        by: actor.id,
      })
      .returning();
    await audit({
      action: 'care.contact',
      entityType: 'older_person',
      entityId: personId,
      regionCode: person.regionCode,
      after: row,
    });
    return present(row!, actor.displayName);
  });
}

function present(row: typeof careContacts.$inferSelect, byName: string | null) {
  return {
    id: row.id,
    kind: row.kind,
    contactedOn: row.contactedOn,
    outcome: row.outcome,
    notes: row.notes,
    byName,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listContacts(db: Db, ctx: RequestContext, personId: string) {
  const { prefix } = workerScope(ctx);
  const person = await personInScope(db, ctx, prefix, personId);
  const rows = await db
    .select({ contact: careContacts, byName: accounts.displayName })
    .from(careContacts)
    .leftJoin(accounts, eq(accounts.id, careContacts.by))
    .where(eq(careContacts.personId, personId))
    .orderBy(desc(careContacts.contactedOn), desc(careContacts.createdAt))
    .limit(200);
  await recordAudit(db, ctx, {
    action: 'person.read',
    entityType: 'older_person',
    entityId: personId,
    regionCode: person.regionCode,
    after: { view: 'care.contacts' },
  });
  return { items: rows.map((r) => present(r.contact, r.byName)) };
}
