import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/app.js';
import { seedTestRegions } from '../../test/regions.js';
import { filingClock } from './filing.service.js';
import {
  CHILDCARE_MATERIALS,
  FILES,
  registerAndLogin,
  submittedInstitution,
  upload,
} from './institutions.fixtures.js';

let t: TestApp;
let county: TestClient; // health_county 长安区
let city: TestClient; // health_city 石家庄市
let civilCounty: TestClient; // civil_county 长安区
let otherCounty: TestClient; // health_county 桥西区
const realNow = filingClock.now;

/** A moment in China time, e.g. at('2026-02-13') is 10:00 that day in Beijing. */
const at = (day: string) => () => new Date(`${day}T10:00:00+08:00`);

beforeAll(async () => {
  t = await createTestApp();
  await seedTestRegions(t.database);
  const login = async (role: Parameters<TestApp['buildAccount']>[0]) =>
    t.login((await t.buildAccount(role)).username);
  county = await login({ role: 'health_county', regionCode: '130102', displayName: '长安区卫健局张科长' });
  city = await login({ role: 'health_city', regionCode: '1301' });
  civilCounty = await login({ role: 'civil_county', regionCode: '130102' });
  otherCounty = await login({ role: 'health_county', regionCode: '130104' });
});

afterEach(() => {
  filingClock.now = realNow;
});

describe('the filing workflow', () => {
  it('takes a childcare centre from registration to filed, with deadlines across the 2026 Spring Festival', async () => {
    const { institution, admin, filingId } = await registerAndLogin(t);
    expect(institution.status).toBe('draft');
    expect(institution.currentFiling).toMatchObject({ kind: 'initial', status: 'draft' });

    const draft = (await admin.get(`/api/filings/${filingId}`)).json();
    expect(draft.allowedActions).toEqual(['submit', 'withdraw']);
    expect(draft.materials.map((m: { kind: string }) => m.kind)).toEqual([...CHILDCARE_MATERIALS]);
    expect(
      draft.materials.every((m: { required: boolean; present: boolean }) => m.required && !m.present),
    ).toBe(true);

    const early = await admin.post(
      `/api/filings/${filingId}/actions/submit`,
      {},
      { 'accept-language': 'en' },
    );
    expect(early.statusCode).toBe(400);
    expect(early.json().error).toMatchObject({ code: 'filing.materials_missing', field: 'materials' });
    expect(early.json().error.missingMaterials).toEqual([...CHILDCARE_MATERIALS]);
    expect(early.json().error.message).toMatch(/Fire-safety inspection pass/);

    const uploaded: Record<string, string> = {};
    for (const kind of CHILDCARE_MATERIALS) {
      const res = await upload(admin, institution.id, kind, Buffer.concat([FILES.pdf, Buffer.from(kind)]));
      expect(res.statusCode).toBe(201);
      uploaded[kind] = res.json().id;
    }

    // Friday 13 February 2026: the Spring Festival holiday runs 15–23 February; Saturday 14th and
    // Saturday 28th are swapped working days. 5 working days: 14, 24, 25, 26, 27 February.
    filingClock.now = at('2026-02-13');
    const submitted = await admin.post(`/api/filings/${filingId}/actions/submit`, { comment: '请审核' });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({
      status: 'submitted',
      acknowledgeBy: '2026-02-27',
      reviewBy: '2026-03-12',
      round: 1,
      allowedActions: [],
    });
    expect((await admin.get(`/api/institutions/${institution.id}`)).json().status).toBe('submitted');

    const queue = (await county.get('/api/filings/queue')).json();
    const mine = queue.items.find((i: { id: string }) => i.id === filingId);
    expect(mine).toMatchObject({
      nextDeadline: '2026-02-27',
      workingDaysLeft: 5,
      overdue: false,
      institutionName: institution.name,
    });

    expect((await county.get(`/api/filings/${filingId}`)).json().allowedActions).toEqual([
      'acknowledge',
      'return',
    ]);
    filingClock.now = at('2026-02-24');
    const acknowledged = await county.post(`/api/filings/${filingId}/actions/acknowledge`);
    expect(acknowledged.statusCode).toBe(200);
    expect(acknowledged.json().status).toBe('acknowledged');
    const afterAck = (await county.get('/api/filings/queue'))
      .json()
      .items.find((i: { id: string }) => i.id === filingId);
    expect(afterAck).toMatchObject({ nextDeadline: '2026-03-12', workingDaysLeft: 13 });

    const wrong = await admin.post(`/api/filings/${filingId}/actions/resubmit`, {});
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().error).toMatchObject({
      code: 'filing.action_not_allowed',
      status: 'acknowledged',
      allowedActions: ['return', 'approve'],
    });

    filingClock.now = at('2026-02-25');
    const noMaterials = await county.post(`/api/filings/${filingId}/actions/return`, {
      comment: '消防证明已过期',
    });
    expect(noMaterials.statusCode).toBe(400);
    expect(noMaterials.json().error.field).toBe('missingMaterials');
    const noComment = await county.post(`/api/filings/${filingId}/actions/return`, {
      missingMaterials: ['fire_safety'],
    });
    expect(noComment.json().error.field).toBe('comment');
    const returned = await county.post(`/api/filings/${filingId}/actions/return`, {
      missingMaterials: ['fire_safety'],
      comment: '消防证明已过期',
    });
    expect(returned.statusCode).toBe(200);
    expect(returned.json()).toMatchObject({
      status: 'returned',
      missingMaterials: ['fire_safety'],
      comment: '消防证明已过期',
    });
    expect((await admin.get(`/api/institutions/${institution.id}`)).json().status).toBe('returned');

    expect((await admin.delete(`/api/uploads/${uploaded.fire_safety}`)).statusCode).toBe(204);
    const missing = await admin.post(`/api/filings/${filingId}/actions/resubmit`, {});
    expect(missing.json().error.missingMaterials).toEqual(['fire_safety']);
    expect(
      (await upload(admin, institution.id, 'fire_safety', Buffer.concat([FILES.pdf, Buffer.from('new')])))
        .statusCode,
    ).toBe(201);
    filingClock.now = at('2026-03-02');
    const resubmitted = await admin.post(`/api/filings/${filingId}/actions/resubmit`, {});
    expect(resubmitted.json()).toMatchObject({
      status: 'resubmitted',
      round: 2,
      acknowledgeBy: '2026-03-09',
    });

    filingClock.now = at('2026-03-03');
    const approved = await county.post(`/api/filings/${filingId}/actions/approve`, { comment: '予以备案' });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'filed', allowedActions: [] });
    expect(approved.json().decidedAt).toBe('2026-03-03T02:00:00.000Z');
    expect(approved.json().events.map((e: { action: string }) => e.action)).toEqual([
      'submit',
      'acknowledge',
      'return',
      'resubmit',
      'approve',
    ]);
    expect(approved.json().events[1]).toMatchObject({
      actorName: '长安区卫健局张科长',
      fromStatus: 'submitted',
      toStatus: 'acknowledged',
    });

    const filed = (await admin.get(`/api/institutions/${institution.id}`)).json();
    expect(filed).toMatchObject({ status: 'filed', filedAt: '2026-03-03T02:00:00.000Z' });
    const audit = (await city.get(`/api/audit?entityId=${filingId}&pageSize=50`)).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining([
        'filing.submit',
        'filing.acknowledge',
        'filing.return',
        'filing.resubmit',
        'filing.approve',
      ]),
    );
  });

  it('lets the institution withdraw a draft and open a new initial filing, one open filing at a time', async () => {
    const { institution, admin, filingId } = await registerAndLogin(t);
    const twice = await admin.post(`/api/institutions/${institution.id}/filings`, { kind: 'initial' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toMatchObject({ code: 'filing.open_exists', filingId });
    expect((await admin.post(`/api/filings/${filingId}/actions/withdraw`)).json().status).toBe('withdrawn');
    expect((await admin.get(`/api/institutions/${institution.id}`)).json().status).toBe('withdrawn');
    const again = await admin.post(`/api/institutions/${institution.id}/filings`, { kind: 'initial' });
    expect(again.statusCode).toBe(201);
    expect((await admin.get(`/api/institutions/${institution.id}/filings`)).json().items).toHaveLength(2);
    const change = await admin.post(`/api/institutions/${institution.id}/filings`, {
      kind: 'change',
      changes: { name: 'x' },
    });
    expect(change.statusCode).toBe(409);
  });

  it('refuses the wrong side and the wrong department with 403, another county with 403', async () => {
    const { admin, filingId } = await submittedInstitution(t);
    const self = await admin.post(`/api/filings/${filingId}/actions/acknowledge`);
    expect(self.statusCode).toBe(403);
    expect(self.json().error.code).toBe('filing.not_your_action');
    expect((await civilCounty.get(`/api/filings/${filingId}`)).json().allowedActions).toEqual([]);
    expect((await civilCounty.post(`/api/filings/${filingId}/actions/acknowledge`)).statusCode).toBe(403);
    expect((await otherCounty.get(`/api/filings/${filingId}`)).statusCode).toBe(403);
    expect((await otherCounty.post(`/api/filings/${filingId}/actions/acknowledge`)).statusCode).toBe(403);
    expect((await city.get(`/api/filings/${filingId}`)).json().allowedActions).toEqual([
      'acknowledge',
      'return',
    ]);
  });

  it('lets exactly one of two officials approving at once succeed', async () => {
    const { filingId, institution } = await submittedInstitution(t);
    expect((await county.post(`/api/filings/${filingId}/actions/acknowledge`)).statusCode).toBe(200);
    const results = await Promise.all([
      county.post(`/api/filings/${filingId}/actions/approve`, {}),
      city.post(`/api/filings/${filingId}/actions/approve`, {}),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const loser = results.find((r) => r.statusCode === 409)!;
    expect(loser.json().error).toMatchObject({
      code: 'filing.action_not_allowed',
      status: 'filed',
      allowedActions: [],
    });
    const events = (await county.get(`/api/filings/${filingId}`)).json().events;
    expect(events.filter((e: { action: string }) => e.action === 'approve')).toHaveLength(1);
    const audit = (await county.get(`/api/audit?entityId=${institution.id}&action=institution.filed`)).json();
    expect(audit.total).toBe(1);
  });

  it('applies an approved change filing to the register and deregisters on a deregistration filing', async () => {
    const { institution, admin, filingId } = await submittedInstitution(t);
    await county
      .post(`/api/filings/${filingId}/actions/approve`, {})
      .then((r) => expect(r.statusCode).toBe(409));
    await county.post(`/api/filings/${filingId}/actions/acknowledge`);
    await county.post(`/api/filings/${filingId}/actions/approve`);
    const nothing = await admin.post(`/api/institutions/${institution.id}/filings`, {
      kind: 'change',
      changes: { name: institution.name },
    });
    expect(nothing.statusCode).toBe(400);
    const change = await admin.post(`/api/institutions/${institution.id}/filings`, {
      kind: 'change',
      changes: { name: '新名称托育中心', functions: [{ function: 'childcare', capacity: 80 }] },
    });
    expect(change.statusCode).toBe(201);
    expect(change.json().materials.every((m: { required: boolean }) => !m.required)).toBe(true);
    const changeId = change.json().id;
    await admin.post(`/api/filings/${changeId}/actions/submit`);
    await county.post(`/api/filings/${changeId}/actions/acknowledge`);
    expect((await county.post(`/api/filings/${changeId}/actions/approve`)).statusCode).toBe(200);
    const after = (await admin.get(`/api/institutions/${institution.id}`)).json();
    expect(after).toMatchObject({
      name: '新名称托育中心',
      status: 'filed',
      functions: [{ function: 'childcare', capacity: 80, unit: 'places' }],
    });

    const dereg = (
      await admin.post(`/api/institutions/${institution.id}/filings`, { kind: 'deregistration' })
    ).json();
    await admin.post(`/api/filings/${dereg.id}/actions/submit`);
    await county.post(`/api/filings/${dereg.id}/actions/acknowledge`);
    await county.post(`/api/filings/${dereg.id}/actions/approve`);
    expect((await admin.get(`/api/institutions/${institution.id}`)).json().status).toBe('deregistered');
  });
});

describe('the work queue', () => {
  it('lists open filings of my region and department, soonest deadline first, with a due filter', async () => {
    filingClock.now = at('2026-03-02');
    const later = await submittedInstitution(t);
    filingClock.now = at('2026-02-13');
    const sooner = await submittedInstitution(t);
    filingClock.now = at('2026-02-25');
    const middle = await submittedInstitution(t, { regionCode: '130102001002' });
    const elsewhere = await submittedInstitution(t, { regionCode: '130104001001' });

    filingClock.now = at('2026-03-02');
    const items = (await county.get('/api/filings/queue')).json().items as Array<Record<string, unknown>>;
    const ids = items.map((i) => i.id);
    expect(ids).not.toContain(elsewhere.filingId);
    const order = [sooner.filingId, middle.filingId, later.filingId].map((id) => ids.indexOf(id));
    expect(order.every((n) => n >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(items.find((i) => i.id === sooner.filingId)).toMatchObject({ overdue: true, workingDaysLeft: -2 });
    const deadlines = items.map((i) => i.nextDeadline as string);
    expect(deadlines).toEqual([...deadlines].sort());

    const due = (await county.get('/api/filings/queue?dueWithinDays=3'))
      .json()
      .items.map((i: { id: string }) => i.id);
    expect(due).toContain(sooner.filingId);
    expect(due).not.toContain(later.filingId);

    expect(
      (await otherCounty.get('/api/filings/queue')).json().items.map((i: { id: string }) => i.id),
    ).toContain(elsewhere.filingId);
    expect(
      (await otherCounty.get('/api/filings/queue')).json().items.map((i: { id: string }) => i.id),
    ).not.toContain(sooner.filingId);
    expect(
      (await civilCounty.get('/api/filings/queue')).json().items.map((i: { id: string }) => i.id),
    ).not.toContain(sooner.filingId);
    expect((await city.get('/api/filings/queue')).json().items.map((i: { id: string }) => i.id)).toEqual(
      expect.arrayContaining([sooner.filingId, elsewhere.filingId]),
    );
    expect((await sooner.admin.get('/api/filings/queue')).statusCode).toBe(403);
  });
});
