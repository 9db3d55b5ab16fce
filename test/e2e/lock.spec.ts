// T2, the laptop taken while unlocked: one keystroke locks, the screen and the stores forget,
// main drops the key; a wrong passphrase is a clear refusal in the user's language.
import { expect, test } from './harness/app-fixture';
import { SCREENSHOTS } from './harness/paths';
import { addCase, createVault, es, PASSPHRASE, unlock } from './harness/steps';

const SECRET_CASE = 'Hostigamiento a la comunidad de Boca Pariamanu';

test('T2 seized while unlocked: Ctrl+L locks, nothing stays on screen, wrong passphrase refused, right one reopens', async ({ app }) => {
  const { page } = app;
  await createVault(app);
  await addCase(page, SECRET_CASE);
  expect(await app.mainUnlocked()).toBe(true);

  await page.keyboard.press('Control+l');
  await expect(page.getByRole('heading', { name: es['unlock.title'] })).toBeVisible();
  expect(await app.mainUnlocked()).toBe(false);
  await expect(page.locator('body')).not.toContainText(SECRET_CASE);
  // Main refuses vault work while locked, whatever the page asks.
  expect((await app.dispatch('cases.list', {})).error?.code).toBe('E_VAULT_LOCKED');

  await unlock(page, 'ana', 'una frase equivocada');
  await expect(page.getByRole('alert')).toHaveText(`${es['error.E_BAD_PASSPHRASE']} (E_BAD_PASSPHRASE)`);
  await expect(page.getByLabel(es['unlock.passphrase'], { exact: true })).toHaveValue('');
  expect(await app.mainUnlocked()).toBe(false);
  await page.screenshot({ path: `${SCREENSHOTS}/07-wrong-passphrase.png` });

  await unlock(page, 'ana', PASSPHRASE);
  await expect(page.locator('.vault-label')).toBeVisible();
  await page.getByRole('navigation', { name: es['shell.sections'] }).getByRole('button', { name: es['nav.incidents'] }).click();
  await expect(page.getByText(SECRET_CASE)).toBeVisible();

  await page.getByRole('button', { name: es['shell.lock'] }).click();
  await expect(page.getByRole('heading', { name: es['unlock.title'] })).toBeVisible();
  expect(await app.mainUnlocked()).toBe(false);
});

test('the lock button and the sections are reachable and usable by keyboard alone', async ({ app }) => {
  const { page } = app;
  await createVault(app);
  const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
  const reached: string[] = [];
  for (let i = 0; i < 14; i++) {
    await page.keyboard.press('Tab');
    reached.push(await focused());
  }
  for (const label of [es['shell.lock'], es['nav.dashboard'], es['nav.incidents'], es['nav.verifyDossier'], es['nav.settings']]) {
    expect(reached).toContain(label);
  }
  while ((await focused()) !== es['nav.settings']) await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: es['settings.title'] })).toBeVisible();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe(await page.getByLabel(es['settings.language'], { exact: true }).getAttribute('id'));
});
