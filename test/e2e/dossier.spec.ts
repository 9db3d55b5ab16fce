// The lawyer builds a signed dossier after seeing what it would disclose; the auditor checks
// it item by item against the signer's fingerprint (amber until it is checked), and a tampered
// copy turns red (T4, T5, T6).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './harness/app-fixture';
import { SCREENSHOTS } from './harness/paths';
import { makeGpsPhoto } from './harness/photos';
import { createVault, es, go } from './harness/steps';

const incident = {
  occurredAt: '2026-10-02T18:30:00-05:00',
  place: 'Comunidad nativa Tres Islas, Tambopata',
  channel: 'phone',
  verbatim: 'Deja de denunciar o te vamos a desaparecer',
  riskLevel: 'high',
  type: 'threat',
  affected: [{ name: 'María Quispe Huamán', pseudonym: 'Defensora A', consent: { toFile: true, toNameToState: false, toPublicReport: false } }],
};

/** Rewrites one entry of the ZIP with python's zipfile (an independent tool), as a forger would. */
function tamper(zip: string, out: string): void {
  execFileSync('python3', ['-c', `
import sys, zipfile
src, dst = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(src) as a, zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED) as b:
    for info in a.infolist():
        data = a.read(info.filename)
        if info.filename.endswith('data/dossier.json'):
            data = data.replace('Tres Islas'.encode(), 'Otra comunidad'.encode())
        b.writestr(info, data)
`, zip, out]);
}

test('lawyer exports a dossier after the disclosure check; auditor verifies it green, then a tampered copy red', async ({ app }) => {
  const { page } = app;
  await createVault(app);
  const caseId = ((await app.dispatch('cases.add', { title: 'Denuncia ante la Fiscalía Ambiental' })).value as { id: number }).id;
  const incidentId = ((await app.dispatch('incidents.add', { caseId, incident })).value as { id: number }).id;
  const photo = join(app.dir, 'amenaza-km108.jpg');
  await makeGpsPhoto(photo, { lat: -12.5933, lon: -69.1891, hue: 200 });
  app.answer('pickEvidenceFiles', [photo]);
  const [picked] = (await app.dispatch('evidence.pick', {})).value as { token: string }[];
  await app.dispatch('evidence.import', { incidentId, tokens: [picked!.token], acquisition: { method: 'device_copy' } });

  await go(page, es['nav.dossier']);
  await page.getByRole('checkbox', { name: /Tres Islas/ }).check();
  await page.getByRole('checkbox', { name: 'amenaza-km108.jpg' }).check();
  // Each kind of recipient brings its own protections (T5): the police get rounded coordinates, a prosecutor exact ones.
  const recipient = page.getByLabel(es['dossier.recipient'], { exact: true });
  const coordinates = page.getByLabel(es['dossier.coordinates'], { exact: true });
  await recipient.selectOption({ label: es['recipient.police'] });
  await expect(coordinates).toHaveValue('round:2');
  await recipient.selectOption({ label: es['recipient.prosecutor'] });
  await expect(coordinates).toHaveValue('keep');
  await expect(page.getByLabel(es['dossier.redact.notes'])).toBeChecked();
  await expect(page.getByLabel(es['dossier.originalNames'])).not.toBeChecked();
  await page.getByLabel(es['dossier.purpose'], { exact: true }).fill('Denuncia penal por amenazas (art. 151 CP)');
  await expect(page.getByLabel(es['dossier.pseudonyms'])).toBeChecked();
  const logLength = async () => ((await app.dispatch('custody.timeline', { limit: 1 })).value as { total: number }).total;
  const beforeCheck = await logLength();
  await page.getByRole('button', { name: es['dossier.check'] }).click();
  const verdict = page.getByRole('status');
  await expect(verdict).toBeVisible();
  // The check wrote nothing: the exhibit it counted on is still to be made, and the log did not grow.
  expect(await logLength()).toBe(beforeCheck);
  await expect(page.getByText(es['dossier.exhibitAtExport'])).toBeVisible();
  // Each high finding is accepted by its own tick; the export is offered only when all are.
  for (const accept of await page.getByLabel(es['dossier.acceptFinding']).all()) await accept.check();
  const out = join(app.dir, 'dossier-fiscalia.zip');
  app.answer('chooseDossierDestination', out);
  await page.getByRole('button', { name: es['dossier.export'] }).click();
  await expect(page.getByText(es['dossier.written'])).toBeVisible();
  // The export made the exhibit, once, as its own stored item.
  const exhibits = ((await app.dispatch('evidence.list', { incidentId })).value as { derivedFrom: number | null }[]).filter((e) => e.derivedFrom !== null);
  expect(exhibits).toHaveLength(1);
  await expect(page.getByText(out)).toBeVisible();
  const fileSha = createHash('sha256').update(readFileSync(out)).digest('hex');
  await expect(page.getByText(fileSha)).toBeVisible();
  const fingerprint = (await page.locator('.verdict.good code.hash').last().textContent()) ?? '';
  expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
  await expect(page.getByText(es['dossier.exhibitStored'])).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/08-dossier-exported.png` });

  await go(page, es['nav.verifyDossier']);
  // Without the published fingerprint: intact but amber, never green (T6); pasting it turns green.
  app.answer('pickDossier', out);
  await page.getByRole('button', { name: es['verifyDossier.pick'] }).click();
  await page.getByRole('button', { name: es['verifyDossier.run'], exact: true }).click();
  await expect(page.locator('.verdict.unchecked')).toContainText(es['verifyDossier.unchecked']);
  await expect(page.locator('.verdict.good')).toHaveCount(0);
  await expect(page.locator('.verdict.unchecked code.hash')).toHaveText(fingerprint);
  const published = page.getByLabel(es['verifyDossier.published'], { exact: true });
  await published.fill(fingerprint.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')));
  await page.getByRole('button', { name: es['verifyDossier.checkSigner'] }).click();
  await expect(page.locator('.verdict.bad')).toContainText(`${es['error.E_KEY_MISMATCH']} (E_KEY_MISMATCH)`);
  await published.fill(fingerprint);
  await page.getByRole('button', { name: es['verifyDossier.checkSigner'] }).click();
  await expect(page.locator('.verdict.good')).toContainText(es['verifyDossier.ok']);

  app.answer('pickDossier', out);
  await page.getByRole('button', { name: es['verifyDossier.pick'] }).click();
  await expect(page.getByText('dossier-fiscalia.zip')).toBeVisible();
  await page.getByLabel(es['verifyDossier.expected'], { exact: true }).fill(fingerprint);
  await page.getByRole('button', { name: es['verifyDossier.run'], exact: true }).click();
  await expect(page.locator('.verdict.good')).toContainText(es['verifyDossier.ok']);
  await expect(page.locator('.verdict.good code.hash')).toHaveText(fingerprint);
  await expect(page.locator('.checks li.fail')).toHaveCount(0);
  expect(await page.locator('.checks li.pass').count()).toBeGreaterThan(3);
  await page.screenshot({ path: `${SCREENSHOTS}/09-dossier-verified.png` });

  // The auditor needs no vault: lock, and check the forged copy from the first screen.
  const forged = join(app.dir, 'dossier-alterado.zip');
  tamper(out, forged);
  await page.keyboard.press('Control+l');
  await page.getByRole('navigation', { name: es['unlock.modes'] }).getByRole('button', { name: es['unlock.mode.verify'] }).click();
  app.answer('pickDossier', forged);
  await page.getByRole('button', { name: es['verifyDossier.pick'] }).click();
  await page.getByLabel(es['verifyDossier.expected'], { exact: true }).fill(fingerprint);
  await page.getByRole('button', { name: es['verifyDossier.run'], exact: true }).click();
  await expect(page.locator('.verdict.bad')).toContainText(es['verifyDossier.bad']);
  expect(await page.locator('.checks li.fail').count()).toBeGreaterThan(0);
  await page.locator('.checks li.fail').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/10-dossier-tampered.png` });
});
