import { eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { buildStaffingWorld, type StaffingWorld } from '../../test/institutions.js';
import { classes } from './classes.table.js';
import { institutionFunctions, institutions } from './institutions.table.js';

/*
 * The directory's places come from counts that triggers keep on the institution's row: whoever
 * changes classes or functions (the classes API, bookings' conditional updates, an import, a
 * cascade) changes what parents see, in the same transaction.
 */

const HOME = { lat: 38.05, lng: 114.52 };
let t: TestApp;
let w: StaffingWorld;

async function place(id: string, north = 0.001) {
  await t.database.db
    .update(institutions)
    .set({ lat: HOME.lat + north, lng: HOME.lng })
    .where(eq(institutions.id, id));
}

beforeAll(async () => {
  t = await createTestApp();
  w = await buildStaffingWorld(t);
  await place(w.institutionId);
  await place(w.qiaoxiInstitutionId, 0.002);
});

/** The institution's entry as the public list shows it near HOME (with extra query), or undefined. */
async function entry(id: string, query = '') {
  const res = await t.anonymous.get(`/api/directory?lat=${HOME.lat}&lng=${HOME.lng}&pageSize=200${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { id: string; capacity: number | null; freePlaces: number | null }[]).find(
    (i) => i.id === id,
  );
}
const places = async (id: string) => {
  const found = await entry(id);
  return { capacity: found?.capacity ?? null, freePlaces: found?.freePlaces ?? null };
};
const enrol = (classId: string) =>
  t.database.db.execute(
    sql`UPDATE classes SET enrolled = enrolled + 1 WHERE id = ${classId} AND enrolled < capacity`,
  );

describe('free places kept by the trigger on classes', () => {
  it('follow classes created, filled, resized, deactivated and deleted', async () => {
    const id = w.institutionId;
    expect(await places(id)).toEqual({ capacity: null, freePlaces: null });

    const toddler = await w.admin.post(`/api/institutions/${id}/classes`, {
      name: '托小一班',
      type: 'toddler',
      capacity: 15,
    });
    expect(toddler.statusCode, toddler.body).toBe(201);
    const toddlerId = toddler.json().id as string;
    expect(await places(id)).toEqual({ capacity: 15, freePlaces: 15 });

    for (let n = 0; n < 3; n++) await enrol(toddlerId);
    expect(await places(id)).toEqual({ capacity: 15, freePlaces: 12 });

    const resized = await w.admin.patch(`/api/classes/${toddlerId}`, { capacity: 12 });
    expect(resized.statusCode, resized.body).toBe(200);
    expect(await places(id)).toEqual({ capacity: 12, freePlaces: 9 });

    const infant = await w.admin.post(`/api/institutions/${id}/classes`, {
      name: '乳儿一班',
      type: 'infant',
      capacity: 10,
    });
    const infantId = infant.json().id as string;
    expect(await places(id)).toEqual({ capacity: 22, freePlaces: 19 });
    // An 8-month-old fits an infant class only: found while one is active.
    expect(await entry(id, '&ageMonths=8')).toBeDefined();

    await t.database.db.update(classes).set({ status: 'inactive' }).where(eq(classes.id, infantId));
    expect(await places(id)).toEqual({ capacity: 12, freePlaces: 9 });
    expect(await entry(id, '&ageMonths=8')).toBeUndefined();
    expect(await entry(id, '&ageMonths=20')).toBeDefined();

    await t.database.db.update(classes).set({ enrolled: 12 }).where(eq(classes.id, toddlerId));
    expect(await places(id)).toEqual({ capacity: 12, freePlaces: 0 });
    expect(await entry(id, '&hasPlaces=true')).toBeUndefined();

    await t.database.db.update(classes).set({ enrolled: 0 }).where(eq(classes.id, toddlerId));
    expect((await w.admin.delete(`/api/classes/${toddlerId}`)).statusCode).toBe(204);
    await t.database.db.delete(classes).where(eq(classes.id, infantId));
    expect(await places(id)).toEqual({ capacity: null, freePlaces: null });
  });

  it('counts a class moved to another institution there, for many rows in one statement', async () => {
    const [a, b] = [w.institutionId, w.qiaoxiInstitutionId];
    const rows = await t.database.db
      .insert(classes)
      .values([
        { institutionId: a, name: 'A1', type: 'toddler', capacity: 15, enrolled: 5 },
        { institutionId: a, name: 'A2', type: 'older_toddler', capacity: 20, enrolled: 20 },
        { institutionId: b, name: 'B1', type: 'mixed', capacity: 18, enrolled: 8 },
      ])
      .returning({ id: classes.id, name: classes.name });
    expect(await places(a)).toEqual({ capacity: 35, freePlaces: 10 });
    expect(await places(b)).toEqual({ capacity: 18, freePlaces: 10 });

    const a1 = rows.find((r) => r.name === 'A1')!.id;
    await t.database.db.update(classes).set({ institutionId: b }).where(eq(classes.id, a1));
    expect(await places(a)).toEqual({ capacity: 20, freePlaces: 0 });
    expect(await places(b)).toEqual({ capacity: 33, freePlaces: 20 });

    await t.database.db
      .update(classes)
      .set({ enrolled: sql`${classes.capacity}` })
      .where(inArray(classes.institutionId, [a, b]));
    expect(await places(b)).toEqual({ capacity: 33, freePlaces: 0 });
    expect(await entry(a, '&hasPlaces=true')).toBeUndefined();
    expect(await entry(b, '&hasPlaces=true')).toBeUndefined();

    await t.database.db.delete(classes).where(inArray(classes.institutionId, [a, b]));
    expect(await places(a)).toEqual({ capacity: null, freePlaces: null });
    expect(await places(b)).toEqual({ capacity: null, freePlaces: null });
  });

  it('leaves the counts alone when the transaction that changed classes rolls back', async () => {
    const id = w.institutionId;
    await t.database.db
      .transaction(async (tx) => {
        await tx.insert(classes).values({ institutionId: id, name: 'X', type: 'toddler', capacity: 15 });
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    expect(await places(id)).toEqual({ capacity: null, freePlaces: null });
  });

  it('loses no change when two transactions change one institution at once (PostgreSQL)', async (ctx) => {
    if (t.database.kind !== 'postgres') ctx.skip();
    const id = w.institutionId;
    const [first] = await t.database.db
      .insert(classes)
      .values({ institutionId: id, name: 'C1', type: 'toddler', capacity: 15, enrolled: 0 })
      .returning({ id: classes.id });
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The first adds a class and holds its transaction open while the second fills C1.
    const adding = t.database.db.transaction(async (tx) => {
      await tx.insert(classes).values({ institutionId: id, name: 'C2', type: 'infant', capacity: 10 });
      await held;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const filling = t.database.db
      .update(classes)
      .set({ enrolled: 15 })
      .where(eq(classes.id, first!.id))
      .execute();
    await new Promise((resolve) => setTimeout(resolve, 200));
    release();
    await Promise.all([adding, filling]);
    expect(await places(id)).toEqual({ capacity: 25, freePlaces: 10 });
    await t.database.db.delete(classes).where(eq(classes.institutionId, id));
  });
});

describe('capacity kept by the trigger on institution functions', () => {
  it('follows elderly beds added, changed and removed', async () => {
    const home = (await t.buildInstitution({ name: '长安颐养院', kind: 'elderly_care_institution' })).id;
    await place(home, -0.003);
    expect(await places(home)).toEqual({ capacity: null, freePlaces: null });
    await t.database.db.insert(institutionFunctions).values([
      { institutionId: home, function: 'elderly_care', capacity: 80, unit: 'beds' },
      { institutionId: home, function: 'meals', capacity: 40, unit: 'seats' },
    ]);
    expect(await places(home)).toEqual({ capacity: 120, freePlaces: 120 });
    await t.database.db
      .update(institutionFunctions)
      .set({ capacity: 100 })
      .where(eq(institutionFunctions.institutionId, home));
    expect(await places(home)).toEqual({ capacity: 200, freePlaces: 200 });
    await t.database.db
      .delete(institutionFunctions)
      .where(
        sql`${institutionFunctions.institutionId} = ${home} AND ${institutionFunctions.function} = 'meals'`,
      );
    expect(await places(home)).toEqual({ capacity: 100, freePlaces: 100 });
  });

  it('shows a childcare centre without classes at its declared places', async () => {
    const id = w.qiaoxiInstitutionId;
    await t.database.db
      .insert(institutionFunctions)
      .values({ institutionId: id, function: 'childcare', capacity: 60, unit: 'places' });
    expect(await places(id)).toEqual({ capacity: 60, freePlaces: null });
    await t.database.db
      .insert(classes)
      .values({ institutionId: id, name: 'D1', type: 'toddler', capacity: 15 });
    expect(await places(id)).toEqual({ capacity: 15, freePlaces: 15 });
  });
});
