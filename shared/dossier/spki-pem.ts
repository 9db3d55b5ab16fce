// Ed25519 public keys as SPKI PEM (RFC 8410), the form `openssl pkeyutl -pubin` reads.
// Pure (atob/btoa exist in Node and browsers) so the app's renderer can show the same key.

// DER of SubjectPublicKeyInfo { algorithm id-Ed25519 (1.3.101.112), BIT STRING of 32 bytes }.
const SPKI_PREFIX = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00];

export function ed25519PublicKeyToPem(publicKey: Uint8Array): string {
  if (publicKey.length !== 32) throw new Error('an Ed25519 public key has 32 bytes');
  const der = Uint8Array.from([...SPKI_PREFIX, ...publicKey]);
  const b64 = btoa(String.fromCharCode(...der));
  return `-----BEGIN PUBLIC KEY-----\n${b64}\n-----END PUBLIC KEY-----\n`;
}

/** The 32 raw key bytes, or null when the text is not an Ed25519 SPKI PEM. */
export function ed25519PublicKeyFromPem(pem: string): Uint8Array | null {
  const m = /^-----BEGIN PUBLIC KEY-----\r?\n([A-Za-z0-9+/=\r\n]+)-----END PUBLIC KEY-----\r?\n?$/.exec(pem.trim() + '\n');
  if (!m) return null;
  let der: Uint8Array;
  try {
    der = Uint8Array.from(atob(m[1]!.replace(/[\r\n]/g, '')), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
  if (der.length !== SPKI_PREFIX.length + 32 || SPKI_PREFIX.some((b, i) => der[i] !== b)) return null;
  return der.slice(SPKI_PREFIX.length);
}
