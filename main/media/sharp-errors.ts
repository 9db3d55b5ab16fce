// sharp reports problems as plain Errors; users meet them as stable codes.
import { CustodiaError } from '../../shared/errors/error-codes';

export function sharpError(e: unknown): CustodiaError {
  if (e instanceof CustodiaError) return e;
  const message = e instanceof Error ? e.message : String(e);
  if (/pixel limit/i.test(message)) {
    return new CustodiaError('E_DECOMPRESSION_BOMB', `image is larger than the decoding limit: ${message}`);
  }
  // Callers sniff a supported format first, so "unsupported image format" here means a damaged
  // header; only a missing codec (HEVC in prebuilt libheif) is truly unsupported.
  if (/compression format has not been built in|no decoder/i.test(message)) {
    return new CustodiaError('E_UNSUPPORTED_MEDIA', `this image cannot be decoded here: ${message}`);
  }
  return new CustodiaError('E_MALFORMED_MEDIA', `image cannot be decoded (truncated or corrupt): ${message}`);
}
