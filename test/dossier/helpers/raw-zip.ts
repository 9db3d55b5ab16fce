// A deliberately naive ZIP writer for hostile-archive tests: it writes whatever names, modes and
// sizes it is told to, which is exactly what yazl (rightly) refuses to do.
import { crc32, deflateRawSync } from 'node:zlib';

export interface RawEntry {
  name: string;
  data: Buffer;
  /** Unix mode in the external attributes (0o120777 makes a symlink). */
  mode?: number;
  deflate?: boolean;
  /** Lie about the uncompressed size in both headers. */
  declaredSize?: number;
  /** Lie about the CRC-32 in both headers. */
  crc?: number;
  /** Bytes written as the entry's (compressed) data, whatever `data` says. */
  body?: Buffer;
  /** What only the local header says, where it should repeat the central directory. */
  local?: { name?: string; crc?: number; size?: number; method?: number; flags?: number };
  /** Point the central record at the local header of an earlier entry (an overlap bomb). */
  sameDataAs?: number;
}

export function rawZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  const offsets: number[] = [];
  const bodies: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const body = e.sameDataAs !== undefined ? bodies[e.sameDataAs]! : e.body ?? (e.deflate ? deflateRawSync(e.data, { level: 1 }) : e.data);
    bodies.push(body);
    const size = e.declaredSize ?? e.data.length;
    const crc = e.crc ?? crc32(e.data);
    const at = e.sameDataAs !== undefined ? offsets[e.sameDataAs]! : offset;
    offsets.push(at);
    if (e.sameDataAs === undefined) {
      const localName = Buffer.from(e.local?.name ?? e.name, 'utf8');
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(e.local?.flags ?? 0x800, 6);
      local.writeUInt16LE(e.local?.method ?? (e.deflate ? 8 : 0), 8);
      local.writeUInt32LE(e.local?.crc ?? crc, 14);
      local.writeUInt32LE(body.length, 18);
      local.writeUInt32LE(e.local?.size ?? size, 22);
      local.writeUInt16LE(localName.length, 26);
      locals.push(local, localName, body);
      offset += local.length + localName.length + body.length;
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(e.deflate ? 8 : 0, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(((e.mode ?? 0o100644) << 16) >>> 0, 38);
    central.writeUInt32LE(at, 42);
    centrals.push(central, name);
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
