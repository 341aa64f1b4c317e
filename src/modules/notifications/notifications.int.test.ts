import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { systemContext } from '../../server/context.js';
import { createTestApp, type TestApp, type TestClient } from '../../test/app.js';
import { TEST_DB_KIND } from '../../test/database.js';
import { mutate } from '../audit/audit.service.js';
import { auditLog } from '../audit/audit.table.js';
import type { NotificationChannel, OutboundMessage } from './channels.js';
import { backoffMs, dispatchDue, MAX_ATTEMPTS, startDispatcher } from './dispatcher.js';
import { notify } from './notifications.service.js';
import { notificationDeliveries, notifications } from './notifications.table.js';

let t: TestApp;
const EN = { 'accept-language': 'en' };
const MINUTE = 60_000;

beforeAll(async () => {
  t = await createTestApp();
});

async function person(phone: string | null = null): Promise<{ id: string; client: TestClient }> {
  const account = await t.buildAccount({ role: 'resident', regionCode: '130102001001', phone });
  return { id: account.id, client: await t.login(account.username) };
}

const booked = (accountId: string, member = '小明') =>
  notify(t.database.db, {
    accountId,
    kind: 'notify.booking_confirmed',
    params: { member, institution: '阳光托育', form: '全日托', when: '2026-03-02 08:00' },
    entityType: 'booking',
  });

const deliveriesOf = (accountId: string) =>
  t.database.db
    .select({ d: notificationDeliveries })
    .from(notificationDeliveries)
    .innerJoin(notifications, eq(notifications.id, notificationDeliveries.notificationId))
    .where(eq(notifications.accountId, accountId))
    .then((rows) => rows.map((r) => r.d));

/** A channel that records what it is given; `fail` decides, per call, whether to throw. */
function recorder(name = 'log', fail: (call: number) => boolean = () => false, delayMs = 0) {
  const sent: OutboundMessage[] = [];
  let calls = 0;
  const channel: NotificationChannel = {
    name,
    async send(msg) {
      calls += 1;
      if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
      if (fail(calls)) throw new Error(`gateway down (call ${calls})`);
      sent.push(msg);
    },
  };
  return { channel, sent, calls: () => calls };
}

describe('the outbox is written in the state change’s own transaction', () => {
  it('stores nothing when the change throws, and inbox row plus delivery when it commits', async () => {
    const { id } = await person();
    const change = (fail: boolean) =>
      mutate(t.database.db, systemContext(), async (tx, audit) => {
        await notify(tx, { accountId: id, kind: 'notify.checked_in', params: { member: '小红' } });
        await audit({ action: 'test.change', entityType: 'account', entityId: id, regionCode: '130102' });
        if (fail) throw new Error('the state change failed');
      });
    await expect(change(true)).rejects.toThrow('the state change failed');
    const own = eq(notifications.accountId, id);
    expect(await t.database.db.select().from(notifications).where(own)).toHaveLength(0);
    expect(await deliveriesOf(id)).toHaveLength(0);

    await change(false);
    expect(await t.database.db.select().from(notifications).where(own)).toHaveLength(1);
    expect(await deliveriesOf(id)).toMatchObject([{ channel: 'log', status: 'pending', attempts: 0 }]);
  });
});

describe('the inbox', () => {
  it('lists only the caller’s own notifications, newest first, translated into zh-CN and en', async () => {
    const a = await person();
    const b = await person();
    await booked(a.id, '小明');
    await booked(a.id, '小刚');
    await booked(b.id, '小丽');

    const zh = await a.client.get('/api/notifications');
    expect(zh.statusCode).toBe(200);
    expect(zh.json()).toMatchObject({ total: 2, page: 1, pageSize: 20, unread: 2 });
    const messages = zh
      .json()
      .items.map((n: { message: string }) => n.message)
      .sort();
    expect(messages).toEqual([
      '已为小刚预约阳光托育的全日托（2026-03-02 08:00）',
      '已为小明预约阳光托育的全日托（2026-03-02 08:00）',
    ]);
    expect(zh.json().items[0]).toMatchObject({
      kind: 'notify.booking_confirmed',
      entityType: 'booking',
      readAt: null,
      params: { institution: '阳光托育' },
    });

    const en = await a.client.get('/api/notifications?pageSize=1', EN);
    expect(en.json()).toMatchObject({ total: 2, pageSize: 1, unread: 2 });
    expect(en.json().items).toHaveLength(1);
    expect(en.json().items[0].message).toMatch(
      /^全日托 at 阳光托育 is booked for 小(明|刚) \(2026-03-02 08:00\)$/,
    );

    const other = await b.client.get('/api/notifications');
    expect(other.json()).toMatchObject({ total: 1, unread: 1 });
    expect(other.json().items[0].message).toContain('小丽');
  });

  it('marks one read (own only, audited once), filters unread, and marks all read', async () => {
    const a = await person();
    const b = await person();
    await booked(a.id, '甲');
    await booked(a.id, '乙');
    await booked(a.id, '丙');
    const items = (await a.client.get('/api/notifications')).json().items as { id: string }[];
    const first = items[0]!.id;

    expect((await b.client.post(`/api/notifications/${first}/read`)).statusCode).toBe(403);
    const missing = await a.client.post('/api/notifications/00000000-0000-4000-8000-000000000000/read');
    expect(missing.statusCode).toBe(404);

    const read = await a.client.post(`/api/notifications/${first}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ id: first });
    expect(read.json().readAt).toEqual(expect.any(String));
    const again = await a.client.post(`/api/notifications/${first}/read`);
    expect(again.json().readAt).toBe(read.json().readAt);
    const audited = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'notification.read'), eq(auditLog.entityId, first)));
    expect(audited).toHaveLength(1);

    const unread = await a.client.get('/api/notifications?unread=true');
    expect(unread.json()).toMatchObject({ total: 2, unread: 2 });
    expect(unread.json().items.map((n: { id: string }) => n.id)).not.toContain(first);
    expect((await a.client.get('/api/notifications')).json()).toMatchObject({ total: 3, unread: 2 });

    const all = await a.client.post('/api/notifications/read-all');
    expect(all.json()).toEqual({ updated: 2, unread: 0 });
    expect((await a.client.get('/api/notifications?unread=true')).json()).toMatchObject({
      total: 0,
      unread: 0,
    });
    expect((await a.client.post('/api/notifications/read-all')).json()).toEqual({ updated: 0, unread: 0 });
    // B's inbox is untouched by A's read-all.
    await booked(b.id);
    expect((await b.client.get('/api/notifications')).json()).toMatchObject({ unread: 1 });
  });
});

describe('the dispatcher', () => {
  beforeEach(async () => {
    await t.database.db.delete(notificationDeliveries);
  });
  const soon = () => new Date(Date.now() + 1000);
  const deliveryOf = async (accountId: string) => (await deliveriesOf(accountId))[0]!;

  it('sends due deliveries after commit with the zh-CN text and phone, marks them sent, sends once', async () => {
    const a = await person('13800138000');
    await booked(a.id, '小明');
    const log = recorder('log');
    expect(log.sent).toHaveLength(0);

    const now = soon();
    expect(await dispatchDue(t.database.db, [log.channel], { now })).toEqual({
      claimed: 1,
      sent: 1,
      retried: 0,
      failed: 0,
    });
    expect(log.sent).toEqual([
      {
        deliveryId: (await deliveryOf(a.id)).id,
        accountId: a.id,
        phone: '13800138000',
        kind: 'notify.booking_confirmed',
        text: '已为小明预约阳光托育的全日托（2026-03-02 08:00）',
        params: { member: '小明', institution: '阳光托育', form: '全日托', when: '2026-03-02 08:00' },
      },
    ]);
    expect(await deliveryOf(a.id)).toMatchObject({
      status: 'sent',
      attempts: 1,
      lastError: null,
      sentAt: now,
    });
    expect((await dispatchDue(t.database.db, [log.channel], { now: soon() })).claimed).toBe(0);
    expect(log.sent).toHaveLength(1);
  });

  it('retries a failing channel with back-off (1 min, then 2) and sends when it recovers', async () => {
    const a = await person();
    await booked(a.id);
    const flaky = recorder('log', (call) => call <= 2);
    const t0 = soon();

    expect((await dispatchDue(t.database.db, [flaky.channel], { now: t0 })).retried).toBe(1);
    let row = await deliveryOf(a.id);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'gateway down (call 1)' });
    expect(row.nextAttemptAt.getTime()).toBe(t0.getTime() + MINUTE);

    const early = new Date(t0.getTime() + MINUTE - 1000);
    expect((await dispatchDue(t.database.db, [flaky.channel], { now: early })).claimed).toBe(0);

    const t1 = new Date(t0.getTime() + MINUTE);
    expect((await dispatchDue(t.database.db, [flaky.channel], { now: t1 })).retried).toBe(1);
    row = await deliveryOf(a.id);
    expect(row).toMatchObject({ attempts: 2, lastError: 'gateway down (call 2)' });
    expect(row.nextAttemptAt.getTime()).toBe(t1.getTime() + 2 * MINUTE);

    const t2 = new Date(t1.getTime() + 2 * MINUTE);
    expect((await dispatchDue(t.database.db, [flaky.channel], { now: t2 })).sent).toBe(1);
    expect(await deliveryOf(a.id)).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
    expect(flaky.sent).toHaveLength(1);
  });

  it(`gives up as failed after ${MAX_ATTEMPTS} attempts, the wait doubling up to one hour`, async () => {
    const a = await person();
    await booked(a.id);
    const down = recorder('log', () => true);
    let now = soon();
    const waits: number[] = [];
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      await dispatchDue(t.database.db, [down.channel], { now });
      const row = await deliveryOf(a.id);
      expect(row.attempts).toBe(attempt);
      if (attempt < MAX_ATTEMPTS) {
        expect(row.status).toBe('pending');
        waits.push((row.nextAttemptAt.getTime() - now.getTime()) / MINUTE);
        now = row.nextAttemptAt;
      } else {
        expect(row).toMatchObject({ status: 'failed', lastError: `gateway down (call ${MAX_ATTEMPTS})` });
      }
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60]);
    expect(backoffMs(20)).toBe(60 * MINUTE);
    const later = new Date(now.getTime() + 24 * 60 * MINUTE);
    expect((await dispatchDue(t.database.db, [down.channel], { now: later })).claimed).toBe(0);
    expect(down.calls()).toBe(MAX_ATTEMPTS);
  });

  it('fails a delivery for a channel no adapter serves, with a clear error, and still sends the others', async () => {
    const previous = process.env.DOORSTEP_NOTIFY_CHANNELS;
    process.env.DOORSTEP_NOTIFY_CHANNELS = 'log, sms';
    try {
      const a = await person();
      await booked(a.id);
      const log = recorder('log');
      const result = await dispatchDue(t.database.db, [log.channel], { now: soon() });
      expect(result).toMatchObject({ claimed: 2, sent: 1, failed: 1 });
      const byChannel = Object.fromEntries((await deliveriesOf(a.id)).map((d) => [d.channel, d]));
      expect(byChannel.log).toMatchObject({ status: 'sent' });
      expect(byChannel.sms).toMatchObject({ status: 'failed', attempts: 1 });
      expect(byChannel.sms!.lastError).toBe(
        'no outbound channel named "sms" in this process (available: log)',
      );
    } finally {
      if (previous === undefined) delete process.env.DOORSTEP_NOTIFY_CHANNELS;
      else process.env.DOORSTEP_NOTIFY_CHANNELS = previous;
    }
  });

  it.skipIf(TEST_DB_KIND !== 'postgres')(
    'two dispatchers running at once on PostgreSQL never send the same delivery twice ' +
      '(PGlite has one connection, so two dispatchers cannot overlap there: skipped)',
    async () => {
      const a = await person();
      for (let i = 0; i < 30; i += 1) await booked(a.id, `孩子${i}`);
      const log = recorder('log', () => false, 5);
      const now = soon();
      let claimed = 0;
      for (let round = 0; round < 10; round += 1) {
        const [x, y] = await Promise.all([
          dispatchDue(t.database.db, [log.channel], { now, batch: 7 }),
          dispatchDue(t.database.db, [log.channel], { now, batch: 7 }),
        ]);
        claimed += x.claimed + y.claimed;
        if (x.claimed + y.claimed === 0) break;
      }
      const ids = log.sent.map((m) => m.deliveryId);
      expect(ids).toHaveLength(30);
      expect(new Set(ids).size).toBe(30);
      expect(claimed).toBe(30);
      const rows = await deliveriesOf(a.id);
      expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
    },
  );

  it('runs in the background once started and stops when asked', async () => {
    const a = await person();
    const log = recorder('log');
    const lines: object[] = [];
    const logger = {
      info: () => {},
      warn: (o: object) => lines.push(o),
      error: (o: object) => lines.push(o),
    };
    const stop = startDispatcher(t.database.db, [log.channel], logger, 20);
    try {
      await booked(a.id, '后台');
      for (let i = 0; i < 200 && log.sent.length === 0; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      expect(log.sent.map((m) => m.text)).toEqual(['已为后台预约阳光托育的全日托（2026-03-02 08:00）']);
    } finally {
      await stop();
    }
    await booked(a.id, '停止后');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(log.sent).toHaveLength(1);
    const pending = await t.database.db
      .select()
      .from(notificationDeliveries)
      .where(inArray(notificationDeliveries.status, ['pending']));
    expect(pending).toHaveLength(1);
    expect(lines).toEqual([]);
  });
});
