// The documentation officer's evening: a new vault, a threat recorded in Spanish, the photos
// that came with it sealed, the exhibit that can be shared made, stored and shown without its
// GPS, and the incident's coordinates taken from a photo's GPS when the officer agrees.
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

  // No exhibit yet: the tiles are placeholders, never a shrunken original.
  await expect(tiles.locator('img.thumb')).toHaveCount(0);
  // Never a blank box: each placeholder names the kind of file, and the tile says no shareable copy exists yet.
  await expect(tiles.first().locator('.thumb.placeholder')).toHaveText(es['evidence.kind.photo']);
  await expect(tiles.first()).toContainText(es['evidence.tileNotShareable']);

  await tiles.first().click();
  await expect(page.getByText(sha)).toBeVisible();
  // What identifies a place or a device is highlighted, read from the metadata sealed at import:
  // opening the item decrypts nothing, so the original's timeline holds no `view`.
  // First in plain words (issue 12 item 4), then the raw table behind its disclosure.
  const facts = page.locator('.metadata-facts');
  await expect(facts.getByText(es['evidence.fact.location'])).toBeVisible();
  await expect(facts.getByText('el modelo del dispositivo Samsung SM-A135M')).toBeVisible();
  await expect(facts.getByText('un nombre: «Defensora A»')).toBeVisible();
  await page.getByText(es['evidence.rawTable']).click();
  await expect(page.locator('tr.identifying').filter({ has: page.getByRole('cell', { name: /^GPSLatitude identifica$/ }) })).toBeVisible();
  await expect(page.locator('tr.identifying').filter({ has: page.getByRole('cell', { name: /^Model identifica$/ }) })).toBeVisible();
  const [item] = ((await app.dispatch('evidence.list', { incidentId: 1 })).value as { id: number; sha256: string }[]).filter((e) => e.sha256 === sha);
  const actionsOn = async (subject: string) =>
    ((await app.dispatch('custody.timeline', { subject, limit: 1000 })).value as { entries: { action: string; details: { exhibit?: number; purposeSha256?: string; what?: string } }[] }).entries;
  // Showing the sealed metadata (GPS, device, a name) is a read on record (T4); no byte was read.
  expect((await actionsOn(`evidence:${item!.id}`)).map((e) => [e.action, e.details.what])).toEqual([['receive', undefined], ['seal', undefined], ['view', 'metadata']]);

  // The shareable exhibit is made once and stored as its own sealed item.
  await expect(page.getByText(es['evidence.noExhibit'])).toBeVisible();
  await page.getByRole('button', { name: es['evidence.makeExhibit'] }).click();
  const exhibit = page.getByRole('img', { name: es['evidence.exhibit'] });
  await expect(exhibit).toBeVisible();
  await expect(page.getByRole('button', { name: es['evidence.makeExhibit'] })).toHaveCount(0);
  // The original stays sealed until asked for; opening it is a logged `view` of the original.
  await page.getByRole('button', { name: es['evidence.showOriginal'] }).click();
  const original = page.getByRole('img', { name: es['evidence.original'] });
  await expect(original).toBeVisible();
  // A taller window for this one picture, so the highlighted metadata shows below the two images.
  await page.setViewportSize({ width: 1280, height: 1500 });
  await page.getByRole('heading', { name: es['evidence.metadata'] }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/05-evidence-item.png` });
  await page.setViewportSize({ width: 1280, height: 860 });
  // A view names the exhibit it made, or commits to its purpose by hash (the words stay in the vault).
  const purposeHash = createHash('sha256').update('display original').digest('hex');
  expect((await actionsOn(`evidence:${item!.id}`)).filter((e) => e.details.what !== 'metadata').map((e) => [e.action, e.details.exhibit ?? e.details.purposeSha256])).toEqual([
    ['receive', undefined], ['seal', undefined], ['view', expect.any(Number)], ['view', purposeHash],
  ]);

  // Judge with exiftool the bytes the screen was given (the same channel the images came through;
  // the page itself cannot hand them out: its CSP forbids fetch, even of its own blob: URLs).
  const stored = ((await app.dispatch('evidence.get', { id: item!.id })).value as { exhibits: { id: number; sha256: string }[] }).exhibits;
  expect(stored).toHaveLength(1);
  await expect(page.getByText(stored[0]!.sha256)).toBeVisible();
  const bytesOf = async (which: string) => Buffer.from(((await app.dispatch('evidence.view', { id: item!.id, which })).value as { base64: string }).base64, 'base64');
  const exhibitBytes = await bytesOf('exhibit');
  expect(createHash('sha256').update(exhibitBytes).digest('hex')).toBe(stored[0]!.sha256);
  const exhibitPath = join(app.dir, 'exhibit-from-screen.jpg');
  const originalPath = join(app.dir, 'original-from-screen.jpg');
  writeFileSync(exhibitPath, exhibitBytes);
  writeFileSync(originalPath, await bytesOf('original'));
  expect(await exhibit.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(800);
  expect(exiftool(originalPath).GPSLatitude).toBeCloseTo(-12.5933, 3);
  const shown = exiftool(exhibitPath);
  expect(shown.GPSLatitude).toBeUndefined();
  expect(shown.GPSLongitude).toBeUndefined();
  expect(shown.Model).toBeUndefined();
  expect(shown.Artist).toBeUndefined();

  // Back on the incident, the tile shows a thumbnail made from the exhibit.
  await page.getByRole('button', { name: es['evidence.back'] }).click();
  await expect(tiles.first().locator('img.thumb')).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/04-incident.png` });

  // The incident's coordinates from the photo's GPS, only once the officer agrees.
  await page.getByRole('button', { name: es['incident.edit'] }).click();
  await page.getByRole('button', { name: es['form.gpsFromPhoto'] }).click();
  await expect(page.getByText(/amenaza-km108\.jpg se tomó en -12\.5933/)).toBeVisible();
  await expect(page.getByLabel(es['form.lat'], { exact: true })).toHaveValue('');
  await page.getByRole('button', { name: es['form.gpsUse'] }).first().click();
  await expect(page.getByLabel(es['form.lat'], { exact: true })).toHaveValue(/^-12\.593/);
  await page.getByRole('button', { name: es['form.save'] }).click();
  // Back on the incident, at its second version (the form's own text would match too early).
  await expect(page.getByRole('button', { name: es['incident.edit'] })).toBeVisible();
  await expect(page.getByText('versión 2', { exact: true })).toBeVisible();
  const saved = (await app.dispatch('incidents.get', { id: 1 })).value as { incident: { coordinates?: { lat: number; source?: string } } };
  expect(saved.incident.coordinates).toMatchObject({ source: 'gps' });
  expect(saved.incident.coordinates?.lat).toBeCloseTo(-12.5933, 3);

  await go(page, es['nav.dashboard']);
  await expect(page.locator('.tile-value').first()).toHaveText('1');
  await go(page, es['nav.incidents']);
  await expect(page.locator('.row-button')).toHaveCount(1);
  await page.screenshot({ path: `${SCREENSHOTS}/02-incidents.png` });

  // Everything above left custody entries; the log still verifies end to end.
  await go(page, es['nav.verifyVault']);
  await page.getByRole('button', { name: es['verifyVault.run'] }).click();
  await expect(page.locator('.verdict.good')).toContainText(/Íntegra: \d+ entradas verificadas/);
  await page.screenshot({ path: `${SCREENSHOTS}/12-verify-vault.png` });
});
