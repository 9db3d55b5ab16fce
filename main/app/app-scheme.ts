// app:// must be declared before the app is ready: a standard, secure scheme, so the page gets
// a real origin that CSP's 'self' can name, and nothing else (no fetch, no CORS, no service workers).
import { protocol, type Session } from 'electron';
import { APP_SCHEME } from './origin';
import { createAppProtocolHandler } from './app-protocol';

export function declareAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false, allowServiceWorkers: false } },
  ]);
}

export function serveApp(ses: Session, rendererRoot: string): void {
  ses.protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererRoot));
}
