import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seeText, signIn, startDoorstepForFile } from './harness.js';

const { server, browser } = startDoorstepForFile();

/** A minimal but real PDF (the server checks the bytes, not the name). */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

const NAME = '建北街道小橡树托育中心';

async function uploadMaterial(page: Page, kind: string) {
  const item = page.locator(`[data-testid=material-item][data-kind=${kind}]`);
  await item
    .locator('input[type=file]')
    .setInputFiles({ name: `${kind}.pdf`, mimeType: 'application/pdf', buffer: PDF });
  await page.locator(`[data-testid=material-item][data-kind=${kind}][data-present=true]`).waitFor();
}

/** Pick the option with this text in the open antd Select dropdown. */
async function pickOption(page: Page, text: string) {
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: text })
    .first()
    .click();
}

/** Register 小橡树 and its administrator through the public registration page, as an operator would. */
async function registerOak(page: Page, baseUrl: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('register-link').click();
  const form = page.getByTestId('register-form');
  await form.waitFor();
  await page.getByTestId('register-name').fill(NAME);
  await page.getByTestId('register-kind').click();
  await pickOption(page, '托育机构');
  await page.getByTestId('register-operator').click();
  await pickOption(page, '民办非营利');
  await page.getByTestId('register-affordable').click();
  await page.getByTestId('register-price-cap').fill('1800');
  await page.getByTestId('register-region').click();
  await page.keyboard.type('棉一东');
  await pickOption(page, '棉一东社区居民委员会');
  await page.getByTestId('register-address').fill('石家庄市长安区建北街道中山东路 100 号');
  await page.getByTestId('register-lat').fill('38.0497');
  await page.getByTestId('register-lng').fill('114.5312');
  await page.getByTestId('register-floor').fill('1');
  await page.getByTestId('register-care-forms').getByText('全日托').click();
  await page.getByTestId('register-care-forms').getByText('计时托').click();
  await page.getByTestId('register-min-age').fill('12');
  await page.getByTestId('register-max-age').fill('36');
  await page.getByTestId('register-username').fill('oak.admin');
  await page.getByTestId('register-display-name').fill('小橡树园长');
  await page.getByTestId('register-phone').fill('13900001111');
  await page.getByTestId('password-input').fill('Oak2026pass');
  await page.getByTestId('password-confirm').fill('Oak2026pass');
  await page.getByTestId('register-submit').click();
}

describe('care institutions in a real browser', () => {
  it('an institution files, is returned, resubmits and is filed; the official sees the deadlines; a resident finds it on the map', async () => {
    // An operator registers the institution and its administrator on the public page, from the login page.
    const adminContext = await browser().newContext({ locale: 'zh-CN' });
    const admin = await adminContext.newPage();
    await registerOak(admin, server().url);

    // Registering signs the new administrator in and lands on the filing tab.
    await admin.waitForURL(/\/institution\/filing$/);
    await expect(admin.getByTestId('user-menu').getAttribute('aria-label')).resolves.toContain('小橡树园长');
    const registered = await admin.evaluate(async () => {
      const me = await (await fetch('/api/auth/me')).json();
      const institution = await (await fetch(`/api/institutions/${me.account.institutionId}`)).json();
      return { username: me.account.username, ...institution };
    });
    expect(registered).toMatchObject({
      username: 'oak.admin',
      name: NAME,
      kind: 'childcare_centre',
      regionCode: '130102001001',
      affordable: true,
      priceCap: 1800,
      lat: 38.0497,
      lng: 114.5312,
      floor: 1,
      careForms: ['full_day', 'hourly'],
      minAgeMonths: 12,
      maxAgeMonths: 36,
      status: 'draft',
    });

    // The administrator uploads every required material and submits.
    await admin.getByTestId('materials-checklist').waitFor();
    const kinds = await admin
      .locator('[data-testid=material-item][data-present=false]')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-kind')!));
    expect(kinds.length).toBeGreaterThanOrEqual(5);
    for (const kind of kinds) await uploadMaterial(admin, kind);
    await admin.getByTestId('filing-action-submit').click();
    await seeText(admin, 'filing-status', /已提交|submitted/i);

    // The county official sees it in the work queue with its deadline, acknowledges and returns it.
    const officialContext = await browser().newContext({ locale: 'zh-CN' });
    const official = await officialContext.newPage();
    await signIn(official, server().url, 'changan.health');
    await official.getByTestId('menu-filing-queue').click();
    await seeText(official, 'filing-queue-table', NAME);
    const row = official.locator('tr').filter({ hasText: NAME });
    await expect(row.getByTestId('filing-deadline').textContent()).resolves.toMatch(/\d/);
    await row.getByTestId('filing-link').click();
    await official.getByTestId('filing-action-acknowledge').click();
    await official.getByTestId('filing-action-return').waitFor();
    await official.getByTestId('filing-action-return').click();
    await official.getByTestId('return-materials').click();
    await official.locator('.ant-select-item-option').filter({ hasText: '消防' }).first().click();
    await official.keyboard.press('Escape');
    await official.getByTestId('return-comment').fill('消防安全检查合格证明已过期，请重新上传');
    await official.getByTestId('return-confirm').click();
    await seeText(official, 'filing-events', /退回|return/i);

    // The administrator sees what is missing, uploads it again and resubmits.
    await admin.reload();
    await seeText(admin, 'filing-status', /退回|returned/i);
    await seeText(admin, 'filing-panel', '消防安全检查合格证明已过期');
    await uploadMaterial(admin, 'fire_safety');
    await admin.getByTestId('filing-action-resubmit').click();
    await seeText(admin, 'filing-status', /重新提交|resubmitted/i);

    // The official approves: the institution is filed.
    await official.reload();
    await official.getByTestId('filing-action-approve').click();
    await official.getByTestId('filing-confirm').click();
    await seeText(official, 'filing-status', /已备案|filed/i);

    // A resident, not signed in, finds it in the directory, on the list and on the map.
    const residentContext = await browser().newContext({ locale: 'zh-CN' });
    const resident = await residentContext.newPage();
    await resident.goto(`${server().url}/login`);
    await resident.getByTestId('find-link').click();
    await resident.getByTestId('directory-search').fill('小橡树');
    await resident.getByTestId('directory-search').press('Enter');
    await seeText(resident, 'directory-results', NAME);
    await resident.getByTestId('directory-map').waitFor();
    await resident.getByTestId('directory-card').filter({ hasText: NAME }).click();
    await seeText(resident, 'institution-public', NAME);
    await Promise.all([adminContext.close(), officialContext.close(), residentContext.close()]);
  });
});
