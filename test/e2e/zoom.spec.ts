// Readable at 200 % zoom: a 1280×860 window at 200 % lays out like a 640×430 one. Nothing may
// need sideways scrolling, and the lock button must stay in reach.
import { expect, test } from './harness/app-fixture';
import { SCREENSHOTS } from './harness/paths';
import { addCase, createVault, es, go } from './harness/steps';

test('at 200 % zoom the main screens fit the width and keep the lock button', async ({ app }) => {
  const { page } = app;
  await createVault(app);
  await addCase(page, 'Amenazas a guardaparques de Tambopata');
  await page.setViewportSize({ width: 640, height: 430 });
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  for (const section of [es['nav.dashboard'], es['nav.incidents'], es['nav.dossier'], es['nav.verifyDossier'], es['nav.users'], es['nav.settings']]) {
    await go(page, section);
    await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
    expect(await overflow(), section).toBeLessThanOrEqual(0);
    await expect(page.getByRole('button', { name: es['shell.lock'] })).toBeInViewport();
  }
  await go(page, es['nav.incidents']);
  await page.getByRole('button', { name: es['incidents.new'] }).click();
  expect(await overflow()).toBeLessThanOrEqual(0);
  await page.getByRole('radio', { name: es['risk.high'] }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/11-form-at-200-percent.png` });
});
