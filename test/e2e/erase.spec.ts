// T2, a raid: the officer chose a key combination in Settings; pressing it erases the open
// vault at once, with no dialog: the app is back at its first screen, main holds no session,
// and no file of the vault is left in its folder. The typed confirmation guards the button.
import { readdirSync } from 'node:fs';
import { expect, test } from './harness/app-fixture';
import { createVault, es, go } from './harness/steps';

test('the chosen key combination erases the open vault at once; the erase button waits for the vault name', async ({ app }) => {
  const { page } = app;
  await createVault(app);
  expect(readdirSync(app.dir).filter((f) => f.startsWith('tambopata.custodia')).length).toBeGreaterThanOrEqual(3);
  await go(page, es['nav.settings']);
  const button = page.getByRole('button', { name: es['erase.submit'] });
  await expect(button).toBeDisabled();
  await page.getByLabel(es['erase.typeName'].replace('{label}', 'Defensores Tambopata')).fill('Defensores');
  await expect(button).toBeDisabled();
  await page.getByLabel(es['settings.eraseShortcut']).selectOption('Ctrl+Alt+Shift+E');
  await page.keyboard.press('Control+Alt+Shift+KeyE');
  await expect(page.getByRole('navigation', { name: es['unlock.modes'] })).toBeVisible();
  expect(await app.mainUnlocked()).toBe(false);
  expect(readdirSync(app.dir).filter((f) => f.startsWith('tambopata.custodia'))).toEqual([]);
});
