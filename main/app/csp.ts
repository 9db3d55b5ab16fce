// Headers sent with every app:// response; the policy itself lives in shared/ipc/csp.ts so the
// renderer's index.html can carry the same one.
import { CSP } from '../../shared/ipc/csp';

export { CSP };

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};
