// Serves the built renderer over loopback with the same headers (CSP included) as app://,
// so the tests prove the interface works under the production policy.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAppProtocolHandler } from '../../../main/app/app-protocol';

export async function startStaticServer(root: string): Promise<{ url: string; close(): Promise<void> }> {
  // The very handler Electron's protocol uses, fed with app:// URLs.
  const handle = createAppProtocolHandler(root);
  const server = createServer((req, res) => {
    void (async () => {
      const r = await handle(new Request(`app://custodia${req.url ?? '/'}`, { method: req.method }));
      res.writeHead(r.status, Object.fromEntries(r.headers));
      res.end(Buffer.from(await r.arrayBuffer()));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
