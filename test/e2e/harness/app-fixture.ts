// Each test gets a fresh temp folder, the real handler table over a real vault (in a child Node
// process, as main is in Electron), and the renderer served with its CSP. Dialog answers are
// queued by the test: they stand for the user's clicks in main's own file dialogs.
import { test as base, type Page } from '@playwright/test';
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dialogs } from '../../../main/app/dialogs';
import type { HostMessage } from './handler-host';
import { BRIDGE_BUNDLE, RENDERER_DIR } from './paths';
import { startStaticServer } from './static-server';

export interface App {
  page: Page;
  dir: string;
  /** The same door the page calls through: for seeding data as another user would. */
  dispatch(channel: string, request: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;
  answer(dialog: keyof Dialogs, value: unknown): void;
  /** Whether main still holds an open vault session (its key). */
  mainUnlocked(): Promise<boolean>;
}

function host(dir: string) {
  const child: ChildProcess = fork('test/e2e/harness/handler-host.ts', [], { execArgv: ['--import', 'tsx'], env: { ...process.env, CUSTODIA_E2E_DIR: dir } });
  const pending = new Map<number, (v: unknown) => void>();
  let next = 0;
  let onEvent: (e: unknown) => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.on('message', (m: { type: string; id?: number; result?: unknown; event?: unknown }) => {
      if (m.type === 'ready') resolve();
      else if (m.type === 'event') onEvent(m.event);
      else if (m.type === 'result' && m.id !== undefined) {
        pending.get(m.id)?.(m.result);
        pending.delete(m.id);
      }
    });
  });
  const post = (m: HostMessage) => child.send(m);
  const ask = (m: { type: 'call'; channel: unknown; request: unknown } | { type: 'state' }) =>
    new Promise<unknown>((resolve) => {
      const id = next++;
      pending.set(id, resolve);
      post({ ...m, id } as HostMessage);
    });
  const close = () => new Promise<void>((resolve) => (child.once('exit', () => resolve()), post({ type: 'close' })));
  return { ready, post, ask, close, events: (fn: (e: unknown) => void) => (onEvent = fn) };
}

export const test = base.extend<{ app: App }, { server: { url: string } }>({
  server: [
    // Playwright requires the fixtures argument to be destructured, even when none is used.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const s = await startStaticServer(RENDERER_DIR);
      await use(s);
      await s.close();
    },
    { scope: 'worker' },
  ],
  app: async ({ page, server }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'custodia-e2e-'));
    const main = host(dir);
    await main.ready;
    main.events((event) => void page.evaluate((e) => (window as unknown as { __custodiaEmit(e: unknown): void }).__custodiaEmit(e), event).catch(() => undefined));
    await page.exposeBinding('__custodiaInvoke', (_source, channel: unknown, request: unknown) => main.ask({ type: 'call', channel, request }));
    await page.addInitScript({ content: readFileSync(BRIDGE_BUNDLE, 'utf8') });
    const violations: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content.Security.Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(server.url);
    await use({
      page,
      dir,
      dispatch: (channel, request) => main.ask({ type: 'call', channel, request }) as ReturnType<App['dispatch']>,
      answer: (dialog, value) => main.post({ type: 'answer', dialog, value }),
      mainUnlocked: async () => ((await main.ask({ type: 'state' })) as { unlocked: boolean }).unlocked,
    });
    await main.close();
    rmSync(dir, { recursive: true, force: true });
    expect(violations).toEqual([]);
  },
});

const { expect } = base;
export { expect };
