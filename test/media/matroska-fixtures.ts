// WebM evidence built by hand, element by element, so each tag is known: Info with a Title, the
// muxing and writing apps and a date; a Vorbis track whose CodecPrivate carries a comment header
// naming the person; a track Name; Tags with her name and GPS; an Attachment named after her; a
// SeekHead and Cues pointing at real offsets. Clusters may have unknown sizes, as live recordings write them.
import { GPS_6709, PERSON } from './av-fixtures';
import { VORBIS_ID, VORBIS_SETUP, vorbisComment } from './xiph-fixtures';

export const UNKNOWN = -1;

function vint(n: number, width?: number): Buffer {
  let w = width ?? 1;
  if (n === UNKNOWN) return Buffer.from([0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
  while (width === undefined && n >= 2 ** (7 * w) - 1) w += 1;
  const b = Buffer.alloc(w);
  let v = n;
  for (let i = w - 1; i >= 0; i--) {
    b[i] = v % 256;
    v = Math.floor(v / 256);
  }
  b[0] = b[0]! | (0x80 >> (w - 1));
  return b;
}

const idBytes = (id: number): Buffer => {
  const n = id >= 0x1000000 ? 4 : id >= 0x10000 ? 3 : id >= 0x100 ? 2 : 1;
  const b = Buffer.alloc(n);
  b.writeUIntBE(id, 0, n);
  return b;
};

/** An element; `size` UNKNOWN writes the all-ones size of a live recording. */
export function el(id: number, ...parts: (Buffer | string)[]): Buffer {
  const payload = Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)));
  return Buffer.concat([idBytes(id), vint(payload.length), payload]);
}

export function openEl(id: number, ...parts: Buffer[]): Buffer {
  return Buffer.concat([idBytes(id), vint(UNKNOWN), ...parts]);
}

export const uint = (n: number, bytes = 1): Buffer => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(n), 0);
  return b.subarray(8 - bytes);
};

const float64 = (x: number): Buffer => {
  const b = Buffer.alloc(8);
  b.writeDoubleBE(x);
  return b;
};

function xiphLaced(packets: Buffer[]): Buffer {
  const lace = (n: number): Buffer => Buffer.concat([Buffer.alloc(Math.floor(n / 255), 255), Buffer.from([n % 255])]);
  return Buffer.concat([Buffer.from([packets.length - 1]), ...packets.slice(0, -1).map((p) => lace(p.length)), ...packets]);
}

export const ebmlHeader = (docType: string): Buffer =>
  el(0x1a45dfa3, el(0x4286, uint(1)), el(0x42f7, uint(1)), el(0x42f2, uint(4)), el(0x42f3, uint(8)), el(0x4282, docType), el(0x4287, uint(4)), el(0x4285, uint(2)));
export const EBML_HEADER = ebmlHeader('webm');

/** Media bytes a test can find again in the exhibit, at the same offset. */
export const FRAME = Buffer.from('fake-vp8-keyframe-bytes-kept-as-they-are', 'latin1');

function simpleBlock(track: number, time: number): Buffer {
  return el(0xa3, Buffer.from([0x80 | track]), uint(time, 2), Buffer.from([0x80]), FRAME);
}

export interface WebmOptions {
  /** Clusters and the Segment of unknown size, as a live recording writes them. */
  live?: boolean;
  /** A subtitle track (type 0x11) beside the video. */
  subtitles?: boolean;
}

/** A tagged WebM: video and Vorbis tracks, two clusters, Cues, Tags and an Attachment. */
export function taggedWebm(o: WebmOptions = {}): Buffer {
  const info = el(0x1549a966, el(0x2ad7b1, uint(1_000_000, 3)), el(0x4489, float64(2000)), el(0x7ba9, `Video de ${PERSON}`),
    el(0x4d80, 'Lavf60.3.100'), el(0x5741, 'Android 14 / Pixel 8 de Rosa'), el(0x4461, uint(0x0a1b2c3d, 8)));
  const video = el(0xae, el(0xd7, uint(1)), el(0x73c5, uint(0x1111, 2)), el(0x83, uint(1)), el(0x86, 'V_VP8'), el(0x536e, `Camara de ${PERSON}`),
    el(0xe0, el(0xb0, uint(16)), el(0xba, uint(16))));
  const audio = el(0xae, el(0xd7, uint(2)), el(0x73c5, uint(0x2222, 2)), el(0x83, uint(2)), el(0x86, 'A_VORBIS'), el(0x258688, 'Vorbis (grabadora de Rosa)'),
    el(0x63a2, xiphLaced([VORBIS_ID, vorbisComment(), VORBIS_SETUP])), el(0xe1, el(0xb5, float64(44100)), el(0x9f, uint(1))));
  const subs = o.subtitles ? [el(0xae, el(0xd7, uint(3)), el(0x73c5, uint(0x3333, 2)), el(0x83, uint(0x11)), el(0x86, 'S_TEXT/UTF8'))] : [];
  const tracks = el(0x1654ae6b, video, audio, ...subs);
  const cluster = (time: number): Buffer => (o.live ? openEl : el)(0x1f43b675, el(0xe7, uint(time)), simpleBlock(1, 0), simpleBlock(2, 0));
  const tags = el(0x1254c367, el(0x7373, el(0x63c0, el(0x68ca, uint(50))),
    el(0x67c8, el(0x45a3, 'ARTIST'), el(0x4487, PERSON)), el(0x67c8, el(0x45a3, 'LOCATION'), el(0x4487, GPS_6709))));
  const attachments = el(0x1941a469, el(0x61a7, el(0x466e, `${PERSON}.jpg`), el(0x4660, 'image/jpeg'), el(0x465c, Buffer.alloc(64, 0x4a)), el(0x46ae, uint(7, 8))));
  // Seek positions are offsets from the start of the Segment's payload; the SeekHead has a fixed size.
  const seekHeadLength = (targets: number[]): number => el(0x114d9b74, ...targets.map((t) => el(0x4dbb, el(0x53ab, uint(t, 4)), el(0x53ac, uint(0, 4))))).length;
  const targets = [0x1549a966, 0x1654ae6b, 0x1254c367, 0x1941a469, 0x1c53bb6b];
  const seekLength = seekHeadLength(targets);
  const c1 = cluster(0);
  const c2 = cluster(1000);
  // Tags before the clusters, as ffmpeg writes them (exiftool stops reading at the first Cluster).
  const layout = [info, tracks, tags, attachments, c1, c2];
  const offsets: number[] = [];
  let at = seekLength;
  for (const part of layout) {
    offsets.push(at);
    at += part.length;
  }
  const cues = el(0x1c53bb6b, ...[0, 1].map((i) => el(0xbb, el(0xb3, uint(i * 1000, 2)), el(0xb7, el(0xf7, uint(1)), el(0xf1, uint(offsets[4 + i]!, 4))))));
  const position = [offsets[0]!, offsets[1]!, offsets[2]!, offsets[3]!, at];
  const seekHead = el(0x114d9b74, ...targets.map((t, i) => el(0x4dbb, el(0x53ab, uint(t, 4)), el(0x53ac, uint(position[i]!, 4)))));
  const body = [seekHead, ...layout, cues];
  return Buffer.concat([EBML_HEADER, o.live ? openEl(0x18538067, ...body) : el(0x18538067, ...body)]);
}
