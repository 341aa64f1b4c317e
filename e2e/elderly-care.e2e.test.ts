import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isWorkingDay } from '../src/standards/working-days.js';
import { launchBrowser } from './browser.js';
import { signIn } from './harness.js';
import { type RunningServer, startServer } from './server.js';

/**
 * Issue 5's acceptance, in a browser: an assessor assesses an older person, who becomes eligible
 * for home care; a community worker orders a visit; the centre assigns its caregiver, who checks
 * in and out on a phone; the visit, checked in away from the home, is explained and approved,
 * becomes verified and is paid in the month's settlement. The server runs on a fixed clock
 * (10:00 China time on the next working day) so the visit's times are in the past.
 */
const FAKETIME_LIB = '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1';
const PROVIDER = '长安区建北街道社区养老服务中心';
const COMMUNITY = '130102001001';

function nextWorkingDay(): string {
  const base = Date.now() + 8 * 3600_000;
  for (let d = 1; d < 20; d++) {
    const day = new Date(base + d * 86_400_000).toISOString().slice(0, 10);
    if (isWorkingDay(day)) return day;
  }
  throw new Error('no working day ahead');
}
const day = nextWorkingDay();
const fakeStart = new Date(Date.parse(`${day}T10:00:00+08:00`));

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(FAKETIME_LIB)) throw new Error(`${FAKETIME_LIB} is missing: apt-get install -y faketime`);
  server = await startServer({
    LD_PRELOAD: FAKETIME_LIB,
    FAKETIME: `@${fakeStart.toISOString().replace('T', ' ').slice(0, 19)}`,
    FAKETIME_DONT_FAKE_MONOTONIC: '1',
    TZ: 'UTC',
  });
  browser = await launchBrowser();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function pageAs(username: string, width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN' });
  await context.clock.install({ time: fakeStart });
  const page = await context.newPage();
  await signIn(page, server.url, username);
  return page;
}

/** An API session for reading what the pages do not show (as a signed-in official would). */
async function apiAs(username: string) {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'doorstep2026' }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  return async (path: string) => (await fetch(`${server.url}${path}`, { headers: { cookie } })).json();
}

async function pick(page: Page, testId: string, text: string, type?: string) {
  await page.getByTestId(testId).click();
  if (type) await page.keyboard.type(type);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: text })
    .first()
    .click();
}

describe('door-to-door care in a browser', () => {
  it('assess → eligible → order → check-in/out → verified → paid in the settlement', async () => {
    const assessorApi = await apiAs('changan.assessor');
    const due = await assessorApi(`/api/assessments/due?regionCode=${COMMUNITY}&pageSize=50`);
    const person = due.items.find((p: { state: string }) => p.state === 'never') as {
      personId?: string;
      id?: string;
      name: string;
    };
    const personId = (person.personId ?? person.id)!;
    expect(personId).toBeTruthy();

    // The assessor fills the 26 items at the person's home (a tablet): everything needs full help.
    const assessor = await pageAs('changan.assessor', 1024);
    await assessor.goto(`${server.url}/assessments/new/${personId}`);
    const items = assessor.getByTestId('assessment-item');
    await items.first().waitFor();
    const count = await items.count();
    expect(count).toBe(26);
    for (let i = 0; i < count; i++) {
      await items.nth(i).locator('[data-testid$="-0"]').first().click();
    }
    await assessor.locator('[data-testid=live-grade][data-grade=complete]').waitFor();
    await assessor.getByTestId('assessment-save').click();
    await assessor.getByTestId('history-row').first().waitFor();

    // The new grade makes the person eligible for home care at once (re-evaluated in the same transaction).
    const civilApi = await apiAs('changan.civil');
    const programs = await civilApi(`/api/roster/${personId}/programs`);
    const homecare = JSON.stringify(programs);
    expect(homecare).toContain('HOMECARE_DISABLED');

    // The community worker orders a care visit for today from the centre.
    const worker = await pageAs('mianyi.worker');
    await worker.goto(`${server.url}/care/orders`);
    await pick(worker, 'order-person', person.name, person.name);
    await pick(worker, 'order-item', '探访关爱');
    await pick(worker, 'order-provider', PROVIDER);
    await worker.getByTestId('order-submit').click();
    await worker.locator('[data-testid=order-row]').filter({ hasText: person.name }).first().waitFor();

    // The centre assigns its caregiver.
    const centre = await pageAs('elderly.admin');
    await centre.goto(`${server.url}/care/orders`);
    const row = centre.locator('[data-testid=order-row]').filter({ hasText: person.name }).first();
    await row.getByTestId('assign-caregiver').click();
    await centre
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: '护理员' })
      .first()
      .click();
    await row.getByTestId('assign-submit').click();
    await centre
      .locator('[data-testid=order-row][data-status=assigned]')
      .filter({ hasText: person.name })
      .first()
      .waitFor();

    // The caregiver checks in and out on a phone, with a typed-in location away from the home.
    const carer = await pageAs('elderly.carer', 390);
    await carer.goto(`${server.url}/care/visits`);
    const card = carer.getByTestId('visit-card').filter({ hasText: person.name }).first();
    await card.waitFor();
    await carer.getByTestId('manual-location-toggle').click();
    await carer
      .locator('[data-testid=manual-lat] input, input[data-testid=manual-lat]')
      .first()
      .fill('38.0100');
    await carer
      .locator('[data-testid=manual-lng] input, input[data-testid=manual-lng]')
      .first()
      .fill('114.4800');
    await carer.getByTestId('manual-time').fill('09:15');
    await card.getByTestId('check-in').click();
    await card.getByTestId('check-out').waitFor();
    await carer.getByTestId('manual-time').fill('09:55');
    await card.getByTestId('check-out').click();
    await carer
      .getByTestId('visit-exception')
      .filter({ hasText: /距离|distance|范围/ })
      .first()
      .waitFor();

    // The centre explains; civil affairs approves; the visit is verified.
    await centre.reload();
    const explained = centre.locator('[data-testid=order-row]').filter({ hasText: person.name }).first();
    await explained.getByTestId('explain-visit').click();
    await centre.getByTestId('explain-reason').fill('老人在社区卫生站输液，护理员到卫生站探访');
    await centre.getByTestId('explain-submit').click();
    const civil = await pageAs('changan.civil');
    await civil.goto(`${server.url}/care/exceptions`);
    const exception = civil.getByTestId('exception-row').filter({ hasText: person.name }).first();
    await exception.getByTestId('approve-visit').click();
    await civil
      .locator('.ant-popconfirm:visible .ant-btn-primary, .ant-modal:visible .ant-btn-primary')
      .first()
      .click()
      .catch(() => undefined);
    await expect
      .poll(
        async () =>
          (await civilApi(`/api/service-orders?regionCode=${COMMUNITY}&pageSize=100`)).items?.find?.(
            (o: { person: { id: string } }) => o.person.id === personId,
          )?.status,
        { timeout: 30_000 },
      )
      .toBe('verified');

    // This month's settlement for the centre pays the visit.
    await civil.goto(`${server.url}/care/settlements`);
    await pick(civil, 'settlement-provider', PROVIDER, '建北');
    await civil.getByTestId('generate-settlement').click();
    await civil
      .locator('[data-testid=settlement-row][data-status=paid]')
      .filter({ hasText: person.name })
      .first()
      .waitFor();
  }, 300_000);
});
