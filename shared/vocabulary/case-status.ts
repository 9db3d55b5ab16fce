// A case is open until closed; closing and reopening are custody-logged status changes.
export const CASE_STATUSES = ['open', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
