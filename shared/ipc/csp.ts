// The renderer's Content-Security-Policy (T8): our own scripts and styles only, images from our
// own bytes (blob:), no network at all, no plugins, no framing. Sent as a header by app://
// and repeated in index.html, so the page is held to it however it is loaded.
export const CSP_DIRECTIVES = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob:",
  "media-src 'self' blob:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "frame-ancestors 'none'",
] as const;

export const CSP = CSP_DIRECTIVES.join('; ');

/** A <meta> policy may not carry frame-ancestors (browsers ignore it there and complain). */
export const CSP_META = CSP_DIRECTIVES.filter((d) => !d.startsWith('frame-ancestors')).join('; ');
