// The app:// handler serves the renderer folder and nothing outside it (T8), always with the CSP.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler, resolveInside } from '../../main/app/app-protocol';
import { CSP } from '../../main/app/csp';
import { CSP_META } from '../../shared/ipc/csp';

// The index.html check reads the real build.
execFileSync('node_modules/.bin/vite', ['build', '--config', 'renderer/vite.config.ts', '--logLevel', 'error']);

const base = mkdtempSync(join(tmpdir(), 'custodia-proto-'));
const root = join(base, 'renderer');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html><title>ok</title>');
writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(join(base, 'secret.txt'), 'the vault key');
afterAll(() => rmSync(base, { recursive: true, force: true }));

const serve = createAppProtocolHandler(root);
const get = (url: string) => serve(new Request(url));

describe('T8 hostile renderer: app:// path traversal', () => {
  it('serves files inside the renderer folder', async () => {
    const r = await get('app://custodia/assets/app.js');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/javascript');
    expect(await r.text()).toBe('console.log(1)');
    expect((await get('app://custodia/')).status).toBe(200);
  });

  it.each([
    'app://custodia/../secret.txt',
    'app://custodia/%2e%2e/secret.txt',
    'app://custodia/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://custodia/..%2fsecret.txt',
    'app://custodia/%2fetc%2fpasswd',
    'app://custodia/index.html%00.js',
    'app://other-host/index.html',
    'app://custodia/missing.js',
    'app://custodia/assets',
  ])('refuses %s', async (url) => {
    const r = await get(url);
    expect(r.status).toBe(404);
    expect(await r.text()).not.toContain('vault key');
  });

  it('resolves nothing outside the root even for absolute-looking paths', () => {
    expect(resolveInside(root, 'app://custodia/..%5c..%5csecret.txt')).not.toBe(join(base, 'secret.txt'));
    expect(resolveInside(root, 'not a url')).toBeNull();
  });

  it('sends the strict CSP with every answer, found or not', async () => {
    for (const url of ['app://custodia/index.html', 'app://custodia/../secret.txt']) {
      const r = await get(url);
      expect(r.headers.get('content-security-policy')).toBe(CSP);
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('the CSP allows no network, no inline script, no plugins, no framing', () => {
    const d = Object.fromEntries(CSP.split('; ').map((x) => [x.split(' ')[0], x.split(' ').slice(1).join(' ')]));
    expect(d['default-src']).toBe("'none'");
    expect(d['script-src']).toBe("'self'");
    expect(d['style-src']).toBe("'self'");
    expect(d['connect-src']).toBe("'none'");
    expect(d['object-src']).toBe("'none'");
    expect(d['frame-ancestors']).toBe("'none'");
    expect(CSP).not.toMatch(/unsafe-(inline|eval)/);
  });

  it('the built index.html carries the same policy in a meta tag (defence in depth)', () => {
    const html = readFileSync('dist/renderer/index.html', 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1]?.replace(/&#39;/g, "'");
    expect(meta).toBe(CSP_META);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('refuses methods other than GET', async () => {
    expect((await serve(new Request('app://custodia/index.html', { method: 'POST', body: 'x' }))).status).toBe(404);
  });
});
