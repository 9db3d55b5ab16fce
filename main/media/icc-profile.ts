// ICC profiles: a standard colour space (sRGB, Display P3, Adobe RGB...) is shared by millions of
// devices and is kept so colours stay right; any other profile may name a scanner or a
// calibrated camera, so it is dropped.

const STANDARD_DESCRIPTIONS = [
  /^sRGB\b/i,
  /^sRGB IEC61966-2[.-]1$/i,
  /^Display P3$/i,
  /^Adobe RGB \(1998\)$/i,
  /^ProPhoto RGB$/i,
  /^(ITU-R )?BT\.? ?(2020|709)/i,
  /^Rec\.? ?(2020|709)/i,
  /^DCI-P3/i,
  /^Generic (RGB|Gray|CMYK) Profile$/i,
  /^Gray Gamma (1\.8|2\.2)$/i,
  /^Dot Gain \d+%$/i,
  /^sGray$/i,
  /^(U\.S\. Web Coated \(SWOP\) v2|Coated FOGRA39 \(ISO 12647-2:2004\))$/i,
  /^c2$/i,
];

export function isStandardIcc(description: string | undefined): boolean {
  return description !== undefined && STANDARD_DESCRIPTIONS.some((re) => re.test(description.trim()));
}

/** The profile's 'desc' text (ICC v2 'desc' or v4 'mluc'), or undefined if absent or malformed. */
export function iccDescription(icc: Buffer): string | undefined {
  if (icc.length < 132) return undefined;
  const count = icc.readUInt32BE(128);
  for (let i = 0; i < count && 132 + i * 12 + 12 <= icc.length && i < 256; i += 1) {
    const entry = 132 + i * 12;
    if (icc.toString('latin1', entry, entry + 4) !== 'desc') continue;
    const offset = icc.readUInt32BE(entry + 4);
    const size = icc.readUInt32BE(entry + 8);
    if (offset + size > icc.length || size < 12) return undefined;
    return readText(icc.subarray(offset, offset + size));
  }
  return undefined;
}

function readText(tag: Buffer): string | undefined {
  const type = tag.toString('latin1', 0, 4);
  if (type === 'desc') {
    const n = tag.readUInt32BE(8);
    if (12 + n > tag.length) return undefined;
    return tag.toString('latin1', 12, 12 + n).replace(/\0+$/, '');
  }
  if (type === 'mluc' && tag.length >= 28) {
    const len = tag.readUInt32BE(20) & ~1; // UTF-16: whole code units only
    const off = tag.readUInt32BE(24);
    if (off + len > tag.length) return undefined;
    return tag.subarray(off, off + len).swap16().toString('utf16le');
  }
  return undefined;
}
