import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seeText, signIn as signInAt, startDoorstepForFile } from './harness.js';

const doorstep = startDoorstepForFile();
const server = {
  get url() {
    return doorstep.server().url;
  },
  output: () => doorstep.server().output(),
};

async function signIn(page: Page, username: string, password = 'doorstep2026') {
  await signInAt(page, server.url, username, password);
}

describe('doorstep foundation in a real browser', () => {
  it('printed the demo accounts on first start', () => {
    expect(server.output()).toMatch(/changan\.health/);
    expect(server.output()).toMatch(/doorstep2026/);
  });

  it('a county official signs in, browses regions, switches language and is refused another county', async () => {
    const context = await doorstep.browser().newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await signIn(page, 'changan.health');
    await seeText(page, 'user-name', '长安区卫健局');

    // Regions: the official's own county opens with its statistics.
    await page.getByTestId('menu-regions').click();
    await page.getByTestId('region-tree').waitFor();
    await page.goto(`${server.url}/regions/130102`);
    await seeText(page, 'region-detail-name', '长安区');
    await page.getByTestId('region-stats').waitFor();

    // Search by Chinese substring and by pinyin initials.
    await page.getByTestId('region-search').fill('建北');
    await page.getByTestId('region-search-option').first().click();
    await page.waitForURL(/\/regions\/130102001$/);
    await seeText(page, 'region-detail-name', '建北街道');
    await page.getByTestId('region-search').fill('');
    await page.getByTestId('region-search').fill('sjz');
    await seeText(page, 'region-search-option', '石家庄市');

    // Language: switch to English; it is remembered across a reload.
    await page.getByTestId('lang-switch').click();
    await page
      .getByTestId('menu-regions')
      .filter({ hasText: /Regions/ })
      .waitFor();
    await page.reload();
    await page
      .getByTestId('menu-regions')
      .filter({ hasText: /Regions/ })
      .waitFor();

    // Another county (Qiaoxi, 130104): the tree is public, its data is not.
    await page.goto(`${server.url}/regions/130104`);
    await seeText(page, 'region-detail-name', '桥西区');
    await page
      .getByTestId('out-of-scope')
      .filter({ hasText: /Outside your area/ })
      .waitFor();

    // The API says the same to the same session.
    const refused = await page.evaluate(async () => (await fetch('/api/accounts?regionCode=130104')).status);
    expect(refused).toBe(403);
    await context.close();
  });

  it('a county official creates a township account, which shows in the list and the audit trail', async () => {
    const context = await doorstep.browser().newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await signIn(page, 'changan.civil');
    await page.getByTestId('menu-accounts').click();
    await seeText(page, 'accounts-table', 'jianbei.civil');
    await expect(page.getByTestId('accounts-table').textContent()).resolves.not.toContain('qiaoxi.health');

    await page.getByTestId('account-create').click();
    await page.getByTestId('account-username').fill('qingyuan.civil');
    await page.getByTestId('account-display-name').fill('青园街道民政办');
    // The drawer may still be sliding in: pick the role until the select shows it.
    for (let attempt = 0; attempt < 3; attempt++) {
      await page.getByTestId('account-role').click();
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: '乡镇（街道）民政' })
        .click();
      const picked = page.getByTestId('account-role').filter({ hasText: '乡镇（街道）民政' });
      if (
        await picked.waitFor({ timeout: 5_000 }).then(
          () => true,
          () => false,
        )
      )
        break;
    }
    await page.getByTestId('account-region').click();
    await page.keyboard.type('青园');
    await page.locator('.ant-select-item-option').filter({ hasText: '青园街道' }).first().click();
    await page.getByTestId('password-input').fill('Welcome2026');
    await page.getByTestId('password-confirm').fill('Welcome2026');
    await page.getByTestId('account-submit').click();
    await seeText(page, 'accounts-table', 'qingyuan.civil');

    await page.getByTestId('menu-audit').click();
    await seeText(page, 'audit-table', '青园街道民政办');
    await context.close();
  });

  it('a resident works at phone width and has no officials menu', async () => {
    const context = await doorstep
      .browser()
      .newContext({ locale: 'zh-CN', viewport: { width: 375, height: 740 } });
    const page = await context.newPage();
    await signIn(page, 'resident');
    await page.getByTestId('menu-toggle').click();
    await page.getByTestId('menu-home').waitFor();
    expect(await page.getByTestId('menu-accounts').count()).toBe(0);
    expect(await page.getByTestId('menu-audit').count()).toBe(0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });
});
