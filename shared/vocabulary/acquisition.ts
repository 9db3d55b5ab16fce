// How an evidence item came into the organisation's hands; one list and one default for the
// CLI, the IPC schema and the import dialog.
export const ACQUISITION_METHODS = ['received', 'screenshot', 'recording', 'device_copy', 'export', 'other'] as const;
export type AcquisitionMethod = (typeof ACQUISITION_METHODS)[number];

/** Most evidence of a threat is a message or file someone received. */
export const DEFAULT_ACQUISITION_METHOD: AcquisitionMethod = 'received';
