// Which Matroska/WebM elements the cleaner keeps, walks into, or turns into Void. Everything not
// named as kept is voided: Tags, Attachments (cover art, fonts, any file), Chapters (titles),
// Info's Title, MuxingApp, WritingApp, DateUTC, segment UIDs and file names, a track's Name and
// CodecName, CRC-32 elements (their masters change), and any element this list does not know.

export interface MasterRule {
  name: string;
  /** Kept byte for byte. */
  keep: ReadonlySet<number>;
  /** Walked into, by their own rule. */
  walk: ReadonlyMap<number, MasterRule>;
  /** An element of unknown size ends at the first element that is not its child (RFC 8794 §6.2). */
  unknownSize: boolean;
  /** Where an unknown-size element of this kind ends. */
  endsAt?: (id: number) => boolean;
}

export const ID = {
  EBML: 0x1a45dfa3, SEGMENT: 0x18538067, SEEK_HEAD: 0x114d9b74, SEEK: 0x4dbb, SEEK_ID: 0x53ab, INFO: 0x1549a966, TRACKS: 0x1654ae6b,
  TRACK_ENTRY: 0xae, TRACK_TYPE: 0x83, CODEC_ID: 0x86, CODEC_PRIVATE: 0x63a2, CLUSTER: 0x1f43b675, CUES: 0x1c53bb6b, VOID: 0xec,
} as const;

/** Names for the report; an ID not here is reported as unknown. */
export const NAMES: ReadonlyMap<number, string> = new Map([
  [0x1254c367, 'Tags'], [0x1941a469, 'Attachments'], [0x1043a770, 'Chapters'], [0xbf, 'CRC-32'], [0x7ba9, 'Title'],
  [0x4d80, 'MuxingApp'], [0x5741, 'WritingApp'], [0x4461, 'DateUTC'], [0x73a4, 'SegmentUUID'], [0x7384, 'SegmentFilename'],
  [0x3cb923, 'PrevUUID'], [0x3c83ab, 'PrevFilename'], [0x3eb923, 'NextUUID'], [0x3e83bb, 'NextFilename'], [0x4444, 'SegmentFamily'],
  [0x6924, 'ChapterTranslate'], [0x536e, 'Name'], [0x258688, 'CodecName'], [0x3a9697, 'CodecSettings'], [0x3b4040, 'CodecInfoURL'],
  [0x26b240, 'CodecDownloadURL'], [0x7446, 'AttachmentLink'], [0x41a4, 'BlockAddIDName'], [ID.SEEK, 'Seek'],
  [ID.SEEK_HEAD, 'SeekHead'], [ID.INFO, 'Info'], [ID.TRACKS, 'Tracks'], [ID.TRACK_ENTRY, 'TrackEntry'], [ID.CLUSTER, 'Cluster'],
  [ID.SEGMENT, 'Segment'], [ID.EBML, 'EBML'], [0xe0, 'Video'], [0xe1, 'Audio'],
]);

const rule = (name: string, keep: number[], walk: [number, MasterRule][] = [], unknownSize = false): MasterRule => ({
  name, keep: new Set(keep), walk: new Map(walk), unknownSize,
});

const VIDEO = rule('Video', [
  0x9a, 0x9d, 0x53b8, 0x53c0, 0x53b9, 0xb0, 0xba, 0x54aa, 0x54bb, 0x54cc, 0x54dd, 0x54b0, 0x54ba, 0x54b2, 0x54b3, 0x2eb524, 0x2fb523,
  0x2383e3, 0x55b0, 0x7670,
]);
const AUDIO = rule('Audio', [0xb5, 0x78b5, 0x9f, 0x7d7b, 0x6264, 0x52f1]);
const BLOCK_ADDITION_MAPPING = rule('BlockAdditionMapping', [0x41f0, 0x41e7, 0x41ed]);
export const TRACK_ENTRY = rule('TrackEntry', [
  0xd7, 0x73c5, ID.TRACK_TYPE, 0xb9, 0x88, 0x55aa, 0x55ab, 0x55ac, 0x55ad, 0x55ae, 0x55af, 0x9c, 0x6de7, 0x6df8, 0x23e383, 0x234e7a,
  0x23314f, 0x537f, 0x55ee, 0x22b59c, 0x22b59d, ID.CODEC_ID, ID.CODEC_PRIVATE, 0xaa, 0x56aa, 0x56bb, 0x6d80,
], [[0xe0, VIDEO], [0xe1, AUDIO], [0x41e4, BLOCK_ADDITION_MAPPING]]);
export const SEEK = rule('Seek', [ID.SEEK_ID, 0x53ac]);
/** Block, BlockAdditions, BlockDuration, ReferencePriority, ReferenceBlock, CodecState, DiscardPadding, Slices. */
const BLOCK_GROUP = rule('BlockGroup', [0xa1, 0x75a1, 0x9b, 0xfa, 0xfb, 0xa4, 0x75a2, 0x8e]);
const CLUSTER_CHILDREN = [0xe7, 0xa7, 0xab, 0xa3, 0xa0, 0x5854, 0xaf];

const CLUSTER: MasterRule = {
  ...rule('Cluster', CLUSTER_CHILDREN.filter((id) => id !== 0xa0), [[0xa0, BLOCK_GROUP]], true),
  endsAt: (id) => id !== ID.VOID && !CLUSTER_CHILDREN.includes(id),
};
/** CueTime, and the positions of each track's blocks: numbers only. */
const CUES = rule('Cues', [], [[0xbb, rule('CuePoint', [0xb3], [[0xb7, rule('CueTrackPositions', [0xf7, 0xf1, 0xf0, 0xb2, 0x5378, 0xea, 0xdb])]])]]);

/** Segment children a SeekHead entry may keep pointing at; an entry for anything voided is voided too. */
export const KEPT_AT_TOP = new Set<number>([ID.SEEK_HEAD, ID.INFO, ID.TRACKS, ID.CLUSTER, ID.CUES]);

export const SEGMENT: MasterRule = {
  ...rule('Segment', [], [
    [ID.SEEK_HEAD, rule('SeekHead', [], [[ID.SEEK, SEEK]])],
    [ID.CUES, CUES],
    [ID.INFO, rule('Info', [0x2ad7b1, 0x4489])],
    [ID.TRACKS, rule('Tracks', [], [[ID.TRACK_ENTRY, TRACK_ENTRY]])],
    [ID.CLUSTER, CLUSTER],
  ], true),
  endsAt: (id) => id === ID.EBML || id === ID.SEGMENT,
};

export const EBML_HEADER = rule('EBML', [0x4286, 0x42f7, 0x42f2, 0x42f3, 0x4282, 0x4287, 0x4285, 0x4281]);

/** The file itself: EBML headers and Segments, one after another. */
export const FILE: MasterRule = rule('file', [], [[ID.EBML, EBML_HEADER], [ID.SEGMENT, SEGMENT]]);
