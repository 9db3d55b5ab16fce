// The renderer's only way out: the named functions the preload published, answers unwrapped.
import type { CustodiaApi } from '../../shared/ipc/bridge';
import type { Envelope } from '../../shared/ipc/contract';

declare global {
  interface Window {
    custodia: CustodiaApi;
  }
}

export const api = (): CustodiaApi => window.custodia;

/** A refusal from main: its code is stable, its message already in the user's language. */
export class UiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function unwrap<T>(pending: Promise<Envelope<T>>): Promise<T> {
  const r = await pending;
  if (r.ok) return r.value;
  throw new UiError(r.error.code, r.error.message);
}

export function errorText(e: unknown): string {
  return e instanceof UiError ? `${e.message} (${e.code})` : String(e);
}
