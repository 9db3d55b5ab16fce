// The documentation officer's evening: a new vault, a threat recorded in Spanish, the photos
// that came with it sealed, and the exhibit that can be shared shown without its GPS.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './harness/app-fixture';
import { SCREENSHOTS } from './harness/paths';
import { exiftool, makeGpsPhoto } from './harness/photos';
import { addCase, createVault, es, go, recordIncident } from './harness/steps';

const VERBATIM = 'Deja de denunciar o te vamos a desaparecer';

test('officer: create a vault, record an incident in Spanish, import photos with GPS, see the exhibit without GPS', async ({ app }) => {
  const { page } = app;
  await expect(page.getByRole('heading', { name: es['create.title'] })).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/01-create-vault.png` });
  await createVault(app);

  await addCase(page, 'Amenazas a guardaparques de Tambopata');
  await recordIncident(page, { verbatim: VERBATIM, place: 'Comunidad nativa Tres Islas, Tambopata, Madre de Dios', withPeople: true });
  await page.getByRole('radio', { name: es['risk.high'] }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/03-incident-form.png` });
  await page.getByRole('button', { name: es['form.save'] }).click();

  await expect(page.getByText(VERBATIM)).toBeVisible();
  await expect(page.getByText('Defensora A')).toBeVisible();
  // The pseudonym is shown, the real name is not.
  await expect(page.getByText('María Quispe Huamán')).toHaveCount(0);

  const photos = [join(app.dir, 'amenaza-km108.jpg'), join(app.dir, 'moto-placa.jpg')];
  await makeGpsPhoto(photos[0]!, { lat: -12.5933, lon: -69.1891, hue: 200 });
  await makeGpsPhoto(photos[1]!, { lat: -12.6011, lon: -69.2034, hue: 20 });
  app.answer('pickEvidenceFiles', photos);
  await page.getByRole('button', { name: es['evidence.pick'] }).click();
  await page.getByLabel(es['evidence.method'], { exact: true }).selectOption({ label: es['acquisition.device_copy'] });
  await page.getByLabel(es['evidence.from'], { exact: true }).fill('celular de Defensora A');
  await page.getByRole('button', { name: /Sellar e importar 2 archivos/ }).click();
  const tiles = page.locator('.evidence-tile');
  await expect(tiles).toHaveCount(2);
  // The hash shown is the file's own sha256, computed here independently of the app.
  const sha = createHash('sha256').update(readFileSync(photos[0]!)).digest('hex');
  await expect(tiles.first().locator('.hash')).toHaveText(sha.slice(0, 16));
  await page.screenshot({ path: `${SCREENSHOTS}/04-incident.png` });

  await tiles.first().click();
  await expect(page.getByText(sha)).toBeVisible();
  // What identifies a place or a device is highlighted.
  await expect(page.locator('tr.identifying').filter({ has: page.getByRole('cell', { name: /^GPSLatitude identifica$/ }) })).toBeVisible();
  await expect(page.locator('tr.identifying').filter({ has: page.getByRole('cell', { name: /^Model identifica$/ }) })).toBeVisible();
  const exhibit = page.getByRole('img', { name: es['evidence.exhibit'] });
  const original = page.getByRole('img', { name: es['evidence.original'] });
  await expect(exhibit).toBeVisible();
  await expect(original).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/05-evidence-item.png` });

  // Judge with exiftool the bytes the screen was given (the same channel the images came through;
  // the page itself cannot hand them out: its CSP forbids fetch, even of its own blob: URLs).
  const [item] = ((await app.dispatch('evidence.list', { incidentId: 1 })).value as { id: number; sha256: string }[]).filter((e) => e.sha256 === sha);
  const bytesOf = async (which: string) => Buffer.from(((await app.dispatch('evidence.view', { id: item!.id, which })).value as { base64: string }).base64, 'base64');
  const exhibitPath = join(app.dir, 'exhibit-from-screen.jpg');
  const originalPath = join(app.dir, 'original-from-screen.jpg');
  writeFileSync(exhibitPath, await bytesOf('exhibit'));
  writeFileSync(originalPath, await bytesOf('original'));
  expect(await exhibit.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(800);
  expect(exiftool(originalPath).GPSLatitude).toBeCloseTo(-12.5933, 3);
  const shown = exiftool(exhibitPath);
  expect(shown.GPSLatitude).toBeUndefined();
  expect(shown.GPSLongitude).toBeUndefined();
  expect(shown.Model).toBeUndefined();
  expect(shown.Artist).toBeUndefined();

  await go(page, es['nav.dashboard']);
  await expect(page.locator('.tile-value').first()).toHaveText('1');
  await page.screenshot({ path: `${SCREENSHOTS}/06-dashboard.png` });
  await go(page, es['nav.incidents']);
  await expect(page.locator('.row-button')).toHaveCount(1);
  await page.screenshot({ path: `${SCREENSHOTS}/02-incidents.png` });

  // Everything above left custody entries; the log still verifies end to end.
  await go(page, es['nav.verifyVault']);
  await page.getByRole('button', { name: es['verifyVault.run'] }).click();
  await expect(page.locator('.verdict.good')).toContainText(/Íntegra: \d+ entradas verificadas/);
  await page.screenshot({ path: `${SCREENSHOTS}/12-verify-vault.png` });
});
