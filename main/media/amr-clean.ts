// AMR and AMR-WB as phones record them (RFC 4867 §5, the storage format): a magic line, then
// speech frames whose lengths the first byte of each frame gives. The format has no place for a
// tag, a name, a time or a device: once every byte is accounted for as a frame, the file is
// already clean and the exhibit is a byte-for-byte copy. Multichannel AMR is refused.
import { CustodiaError } from '../../shared/errors/error-codes';

const WHAT = 'AMR file';
/** Speech bytes after the 1-byte frame header, by frame type; -1 marks a reserved type. */
const NB = [12, 13, 15, 17, 19, 20, 26, 31, 5, -1, -1, -1, -1, -1, -1, 0];
const WB = [17, 23, 32, 36, 40, 46, 50, 58, 60, 5, -1, -1, -1, -1, 0, 0];

export interface AmrCleanResult {
  data: Buffer;
  removed: string[];
}

export function cleanAmr(buf: Buffer): AmrCleanResult {
  const wide = buf.toString('latin1', 0, 9) === '#!AMR-WB\n';
  const narrow = buf.toString('latin1', 0, 6) === '#!AMR\n';
  if (!wide && !narrow) {
    throw new CustodiaError('E_UNSUPPORTED_MEDIA', `${WHAT}: only single-channel AMR and AMR-WB (#!AMR or #!AMR-WB) can be made exhibits`);
  }
  const sizes = wide ? WB : NB;
  let frames = 0;
  for (let at = wide ? 9 : 6; at < buf.length; frames++) {
    const h = buf[at]!;
    const size = sizes[(h >> 3) & 15]!;
    // The first bit and the last two are padding and must be zero; a reserved type is no frame.
    if ((h & 0x83) !== 0 || size < 0) throw new CustodiaError('E_MALFORMED_MEDIA', `${WHAT}: byte ${at} is not an AMR frame header`, { offset: at });
    if (at + 1 + size > buf.length) throw new CustodiaError('E_MEDIA_TRUNCATED', `${WHAT} ends inside the frame at byte ${at}`, { offset: at });
    at += 1 + size;
  }
  if (frames === 0) throw new CustodiaError('E_MALFORMED_MEDIA', `${WHAT} holds no frame`);
  return { data: Buffer.from(buf), removed: [] };
}
