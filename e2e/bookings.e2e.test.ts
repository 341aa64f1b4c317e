import { existsSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isWorkingDay } from '../src/standards/working-days.js';
import { launchBrowser } from './browser.js';
import { signIn } from './harness.js';
import { type RunningServer, startServer } from './server.js';

/**
 * Issue 4's acceptance, in a browser: a parent books hourly care, is waitlisted for a full day,
 * gets the place when another family cancels, and the centre sees the child on the room board.
 *
 * Places of "today" only exist while the day has not begun, so the server runs on a fixed clock
 * (libfaketime: 07:00 China time on the next working day) and the browser's clock is set to the
 * same moment; both then tick normally.
 */
const FAKETIME_LIB = '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1';
const CENTRE = '长安区建北街道阳光托育中心';
const CHILD = '刘一航'; // the demo resident's 20-month-old

function nextWorkingDay(): string {
  const base = Date.now() + 8 * 3600_000;
  for (let d = 1; d < 20; d++) {
    const day = new Date(base + d * 86_400_000).toISOString().slice(0, 10);
    if (isWorkingDay(day)) return day;
  }
  throw new Error('no working day ahead');
}

const day = nextWorkingDay();
// 07:00 in China is 23:00 UTC the evening before.
const fakeStart = new Date(Date.parse(`${day}T07:00:00+08:00`));
const fakeUtc = fakeStart.toISOString().replace('T', ' ').slice(0, 19);

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(FAKETIME_LIB)) {
    throw new Error(`${FAKETIME_LIB} is missing: apt-get install -y faketime (CI installs it)`);
  }
  server = await startServer({
    LD_PRELOAD: FAKETIME_LIB,
    FAKETIME: `@${fakeUtc}`,
    FAKETIME_DONT_FAKE_MONOTONIC: '1',
    TZ: 'UTC',
  });
  browser = await launchBrowser();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  await context.clock.install({ time: fakeStart });
  return { context, page: await context.newPage() };
}

/** A second family, through the API as its phone app would: sign up, add a child, book. */
async function otherFamily(base: string) {
  let cookie = '';
  let csrf = '';
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        origin: base,
        ...(cookie ? { cookie } : {}),
        ...(csrf ? { 'x-csrf-token': csrf } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) cookie = setCookie.split(';')[0]!;
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : null };
  };
  const signup = await call('POST', '/api/residents/signup', {
    phone: '13911112222',
    password: 'Family2026ok',
    name: '赵敏',
    birthDate: '1993-06-01',
  });
  expect(signup.status, JSON.stringify(signup.json)).toBe(201);
  csrf = signup.json.csrfToken;
  const birth = new Date(Date.parse(`${day}T00:00:00Z`) - 19 * 30.5 * 86_400_000).toISOString().slice(0, 10);
  const child = await call('POST', '/api/household/members', {
    relation: 'child',
    name: '赵小满',
    birthDate: birth,
    vaccinationStatus: 'up_to_date',
    vaccinationCheckedOn: day,
    healthCheckOn: day,
    healthCheckResult: 'passed',
  });
  expect(child.status, JSON.stringify(child.json)).toBe(201);
  return { call, childId: child.json.id as string };
}

describe('booking care in a browser', () => {
  it('books hourly care, waits for a full day, gets the place on a cancellation; the centre sees the child', async () => {
    const base = server.url;
    const directory = await (await fetch(`${base}/api/directory?q=${encodeURIComponent('阳光托育')}`)).json();
    const centreId = directory.items.find((i: { name: string }) => i.name === CENTRE).id as string;
    const tomorrow = (() => {
      for (let d = 1; d < 20; d++) {
        const next = new Date(Date.parse(`${day}T00:00:00Z`) + d * 86_400_000).toISOString().slice(0, 10);
        if (isWorkingDay(next)) return next;
      }
      throw new Error('no next day');
    })();
    const offers = (
      await (
        await fetch(`${base}/api/public/institutions/${centreId}/offers?from=${day}&to=${tomorrow}`)
      ).json()
    ).items as {
      id: string;
      day: string;
      form: string;
      classType: string;
      classId: string;
      startsAt: string;
    }[];
    const fullDay = offers.find((o) => o.day === day && o.form === 'temporary' && o.classType === 'toddler')!;
    expect(fullDay).toBeTruthy();

    // Another family takes the only full day of temporary care in the toddler class today.
    const other = await otherFamily(base);
    const taken = await other.call('POST', '/api/bookings', {
      memberId: other.childId,
      offerIds: [fullDay.id],
    });
    expect(taken.status, JSON.stringify(taken.json)).toBe(201);

    // The parent books an hour of care for tomorrow.
    const { page } = await newPage();
    await signIn(page, base, 'resident');
    await page.goto(`${base}/find/${centreId}`);
    await page.getByTestId('book-button').click();
    await page.getByTestId('book-page').waitFor();
    await page.getByTestId('book-tab-hourly').click();
    const hourly = page.getByTestId('book-panel-hourly');
    await hourly.getByText(CHILD).click();
    await hourly.getByTestId(`book-class-${fullDay.classId}`).click();
    await hourly.getByTestId(`book-day-${tomorrow}`).click();
    await hourly.getByTestId('book-slot-09:00').click();
    await page.getByTestId('book-summary').waitFor();
    await page.getByTestId('book-submit').click();
    await page.getByTestId('book-success').waitFor();

    // Today's full day in the toddler class is full: the parent joins the waitlist.
    await page.getByTestId('book-again').click();
    await page.getByTestId('book-tab-temporary').click();
    const temporary = page.getByTestId('book-panel-temporary');
    await temporary.getByText(CHILD).click();
    await temporary.getByTestId(`book-day-${day}`).click();
    await temporary.getByTestId('book-waitlist-mode').click();
    await temporary.locator(`[data-offer-id="${fullDay.id}"]`).click();
    await page.getByTestId('book-join-waitlist').click();
    await page.getByTestId('book-waitlisted').waitFor();
    await expect(page.getByTestId('book-waitlist-position').getAttribute('data-position')).resolves.toBe('1');

    // The other family cancels: the place is held for the parent, who confirms it.
    const mine = await other.call('GET', '/api/bookings/mine');
    const cancelled = await other.call('POST', `/api/bookings/${mine.json.bookings[0].id}/cancel`, {});
    expect(cancelled.status, JSON.stringify(cancelled.json)).toBe(200);
    await page.goto(`${base}/my-bookings`);
    const held = page.locator('[data-testid=booking-card][data-status=held]');
    await held.waitFor();
    await held.getByTestId('booking-confirm').click();
    await page.locator('[data-testid=booking-card][data-status=confirmed][data-form=temporary]').waitFor();

    // The centre checks the child in and sees them on today's room board.
    const staff = await newPage();
    await signIn(staff.page, base, 'sunshine.staff');
    await staff.page.goto(`${base}/institution/attendance`);
    const card = staff.page.getByTestId('attendance-child').filter({ hasText: CHILD });
    await card.getByTestId('attendance-check-in').click();
    await staff.page.getByTestId('attendance-picker-ok').click();
    await staff.page
      .locator('[data-testid=attendance-child][data-state=in]')
      .filter({ hasText: CHILD })
      .waitFor();
    await staff.page.goto(`${base}/institution/room-board`);
    await staff.page
      .getByTestId('room-card')
      .filter({ hasText: '托小一班' })
      .filter({ hasText: CHILD })
      .waitFor();
  }, 240_000);
});
