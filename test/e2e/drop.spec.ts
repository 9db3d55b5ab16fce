// Drag and drop: a file dropped on the incident is handed to main as its bytes (never a path,
// T8) and sealed with the sha256 of exactly those bytes, computed here independently.
import { createHash, randomBytes } from 'node:crypto';
import { expect, test } from './harness/app-fixture';
import { addCase, createVault, es, recordIncident } from './harness/steps';

test('officer drops a recording on the incident and it is sealed whole', async ({ app }) => {
  const { page } = app;
  await createVault(app);
  await addCase(page, 'Hostigamiento en Boca Pariamanu');
  await recordIncident(page, { verbatim: 'Te estamos vigilando', place: 'Boca Pariamanu, Tambopata' });
  await page.getByRole('button', { name: es['form.save'] }).click();
  await expect(page.getByText('Te estamos vigilando')).toBeVisible();

  // 2.5 MiB of bytes: three upload chunks.
  const bytes = randomBytes(2.5 * 1024 * 1024);
  const sha = createHash('sha256').update(bytes).digest('hex');
  const dropzone = page.getByTestId('evidence-dropzone');
  await expect(dropzone).toHaveText(es['evidence.dropHere']);
  const transfer = await page.evaluateHandle((b64) => {
    const raw = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([raw], 'llamada-amenaza.ogg', { type: 'audio/ogg' }));
    return dt;
  }, bytes.toString('base64'));
  await dropzone.dispatchEvent('dragover', { dataTransfer: transfer });
  await dropzone.dispatchEvent('drop', { dataTransfer: transfer });

  const tiles = page.locator('.evidence-tile');
  await expect(tiles).toHaveCount(1);
  await expect(tiles.first().locator('.hash')).toHaveText(sha.slice(0, 16));
  const stored = (await app.dispatch('evidence.list', { incidentId: 1 })).value as Array<{ sha256: string; bytes: number; name: string }>;
  expect(stored).toMatchObject([{ sha256: sha, bytes: bytes.length, name: 'llamada-amenaza.ogg' }]);
});
