// RFC 8785 canonical JSON against published examples.
// Sources, copied verbatim:
//  - RFC 8785 text as kept by its author: github.com/cyberphone/ietf-json-canon, xmlv3/rfc8785.xml
//    (commit 07415508cf16e4fd42eec774344a91cd5593be5e): section 3.2.2 sample, 3.2.3 sorting
//    sample, 3.2.4 UTF-8 bytes, Appendix B number table.
//  - github.com/cyberphone/json-canonicalization, testdata/input/*.json and testdata/output/*.json
//    (weird.json, values.json, structures.json, unicode.json, french.json). Expected outputs are
//    written here with \u escapes for non-ASCII characters so invisible ones stay visible.
import { describe, expect, it } from 'vitest';
import { fromHex, toHex, utf8 } from '../../../shared/custody/bytes';
import { canonicalJson } from '../../../shared/custody/canonical-json';

const RFC_SAMPLE_INPUT = String.raw`{
    "numbers": [333333333.33333329, 1E30, 4.50,
                2e-3, 0.000000000000000000000000001],
    "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
    "literals": [null, true, false]
  }`;
const RFC_SAMPLE_OUTPUT = String.raw`{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}`;
const RFC_SAMPLE_UTF8_HEX = `
  7b 22 6c 69 74 65 72 61 6c 73 22 3a 5b 6e 75 6c 6c 2c 74 72
  75 65 2c 66 61 6c 73 65 5d 2c 22 6e 75 6d 62 65 72 73 22 3a
  5b 33 33 33 33 33 33 33 33 33 2e 33 33 33 33 33 33 33 2c 31
  65 2b 33 30 2c 34 2e 35 2c 30 2e 30 30 32 2c 31 65 2d 32 37
  5d 2c 22 73 74 72 69 6e 67 22 3a 22 e2 82 ac 24 5c 75 30 30
  30 66 5c 6e 41 27 42 5c 22 5c 5c 5c 5c 5c 22 2f 22 7d`;

const RFC_SORTING_INPUT = String.raw`{
    "\u20ac": "Euro Sign",
    "\r": "Carriage Return",
    "\ufb33": "Hebrew Letter Dalet With Dagesh",
    "1": "One",
    "\ud83d\ude00": "Emoji: Grinning Face",
    "\u0080": "Control",
    "\u00f6": "Latin Small Letter O With Diaeresis"
  }`;
const RFC_SORTING_ORDER = [
  'Carriage Return',
  'One',
  'Control',
  'Latin Small Letter O With Diaeresis',
  'Euro Sign',
  'Emoji: Grinning Face',
  'Hebrew Letter Dalet With Dagesh',
];

/** [IEEE 754 bits, JSON text] from RFC 8785 Appendix B (the NaN and Infinity rows are tested below as errors). */
const APPENDIX_B: [string, string][] = [
  ['0000000000000000', '0'],
  ['8000000000000000', '0'],
  ['0000000000000001', '5e-324'],
  ['8000000000000001', '-5e-324'],
  ['7fefffffffffffff', '1.7976931348623157e+308'],
  ['ffefffffffffffff', '-1.7976931348623157e+308'],
  ['4340000000000000', '9007199254740992'],
  ['c340000000000000', '-9007199254740992'],
  ['4430000000000000', '295147905179352830000'],
  ['44b52d02c7e14af5', '9.999999999999997e+22'],
  ['44b52d02c7e14af6', '1e+23'],
  ['44b52d02c7e14af7', '1.0000000000000001e+23'],
  ['444b1ae4d6e2ef4e', '999999999999999700000'],
  ['444b1ae4d6e2ef4f', '999999999999999900000'],
  ['444b1ae4d6e2ef50', '1e+21'],
  ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
  ['3eb0c6f7a0b5ed8d', '0.000001'],
  ['41b3de4355555553', '333333333.3333332'],
  ['41b3de4355555554', '333333333.33333325'],
  ['41b3de4355555555', '333333333.3333333'],
  ['41b3de4355555556', '333333333.3333334'],
  ['41b3de4355555557', '333333333.33333343'],
  ['becbf647612f3696', '-0.0000033333333333333333'],
  ['43143ff3c1cb0959', '1424953923781206.2'],
];

/** [name, input JSON text, expected canonical text] from cyberphone/json-canonicalization testdata. */
const CYBERPHONE: [string, string, string][] = [
  [
    'weird.json',
    String.raw`{
  "\u20ac": "Euro Sign",
  "1": "One",
  "\u0080": "Control\u007f",
  "\ud83d\ude02": "Smiley",
  "\u00f6": "Latin Small Letter O With Diaeresis",
  "\ufb33": "Hebrew Letter Dalet With Dagesh",
  "</script>": "Browser Challenge"
}
`,
    '{"1":"One","</script>":"Browser Challenge","\u0080":"Control\u007f","\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign","\ud83d\ude02":"Smiley","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
  ],
  [
    'values.json',
    String.raw`{
  "numbers": [1E30, 4.50, 333333333.33333329, 2e-3, 0.000000000000000000000000001],
  "escaping": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
  "literals": [null, true, false]
}`,
    String.raw`{"escaping":"€$\u000f\nA'B\"\\\\\"/","literals":[null,true,false],"numbers":[1e+30,4.5,333333333.3333333,0.002,1e-27]}`,
  ],
  [
    'structures.json',
    String.raw`{
  "1": {"f": {"f": "hi","F": 5} ,"\n": 56.0},
  "10": { },
  "": "empty",
  "a": { },
  "111": [ { } ],
  "A": { }
}`,
    String.raw`{"":"empty","1":{"\n":56,"f":{"F":5,"f":"hi"}},"10":{},"111":[{}],"A":{},"a":{}}`,
  ],
  ['unicode.json', String.raw`{
  "Unnormalized Unicode":"\u1e0d\u0307"
}
`, '{"Unnormalized Unicode":"\u1e0d\u0307"}'],
  [
    'french.json',
    `{
  "peach": "This sorting order",
  "p\u00e9ch\u00e9": "is wrong according to French",
  "p\u00eache": "but canonicalization MUST",
  "sin":   "ingnore locale"
}
`,
    '{"peach":"This sorting order","p\u00e9ch\u00e9":"is wrong according to French","p\u00eache":"but canonicalization MUST","sin":"ingnore locale"}',
  ],
];

function doubleFromBits(hex: string): number {
  return new DataView(fromHex(hex).buffer).getFloat64(0, false);
}

describe('RFC 8785 canonical JSON: published examples', () => {
  it('section 3.2.2-3.2.4 sample: text and UTF-8 bytes', () => {
    const text = canonicalJson(JSON.parse(RFC_SAMPLE_INPUT));
    expect(text).toBe(RFC_SAMPLE_OUTPUT);
    expect(toHex(utf8(text))).toBe(RFC_SAMPLE_UTF8_HEX.replace(/\s+/g, ''));
  });

  it('section 3.2.3: members sorted by UTF-16 code units, not code points or locale', () => {
    // Read the order off the text: JSON.parse would put the integer-like key "1" first again.
    const text = canonicalJson(JSON.parse(RFC_SORTING_INPUT));
    const order = [...RFC_SORTING_ORDER].sort((a, b) => text.indexOf(`"${a}"`) - text.indexOf(`"${b}"`));
    expect(RFC_SORTING_ORDER.every((v) => text.includes(`"${v}"`))).toBe(true);
    expect(order).toEqual(RFC_SORTING_ORDER);
  });

  it.each(APPENDIX_B)('Appendix B number %s serializes as %s', (bits, expected) => {
    expect(canonicalJson(doubleFromBits(bits))).toBe(expected);
    expect(canonicalJson([doubleFromBits(bits)])).toBe(`[${expected}]`);
  });

  it.each(CYBERPHONE)('cyberphone testdata %s', (_name, input, expected) => {
    expect(canonicalJson(JSON.parse(input))).toBe(expected);
  });
});

describe('canonical JSON refuses what JSON cannot carry (E_INVALID_INPUT, never silently dropped)', () => {
  const sparse: unknown[] = [1];
  sparse[2] = 3;
  const cyclic: Record<string, unknown> = { a: 1 };
  cyclic.self = cyclic;
  const cases: [string, unknown][] = [
    ['undefined', undefined],
    ['an undefined member', { a: 1, b: undefined }],
    ['an undefined array item', [1, undefined]],
    ['NaN (Appendix B 7fffffffffffffff)', doubleFromBits('7fffffffffffffff')],
    ['Infinity (Appendix B 7ff0000000000000)', { n: doubleFromBits('7ff0000000000000') }],
    ['-Infinity', [-Infinity]],
    ['a bigint', { n: 10n }],
    ['a function', { f: () => 1 }],
    ['a symbol', Symbol('s')],
    ['a symbol-keyed member', { [Symbol('k')]: 1 }],
    ['a Date (toJSON would rewrite it)', { at: new Date(0) }],
    ['a Map', new Map([['a', 1]])],
    ['a typed array', { bytes: new Uint8Array(2) }],
    ['an object with toJSON', { x: { toJSON: () => 'other' } }],
    ['a lone surrogate in a value', { s: '\ud800' }],
    ['a lone surrogate in a member name', { ['\udead']: 1 }],
    ['a hole in an array', sparse],
    ['a circular reference', cyclic],
  ];
  it.each(cases)('%s', (_what, value) => {
    expect(() => canonicalJson(value)).toThrow(expect.objectContaining({ code: 'E_INVALID_INPUT' }));
  });

  it('accepts the same data repeated (shared, not circular, references)', () => {
    const shared = { k: 1 };
    expect(canonicalJson({ b: shared, a: [shared, shared] })).toBe('{"a":[{"k":1},{"k":1}],"b":{"k":1}}');
  });

  it('accepts objects without a prototype', () => {
    const bare = Object.create(null) as Record<string, unknown>;
    bare.z = 1;
    bare.a = null;
    expect(canonicalJson(bare)).toBe('{"a":null,"z":1}');
  });
});
