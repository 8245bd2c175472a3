/** The roles a user can hold in a workspace. Out-taskers see only what is assigned to them. */
export const ROLES = ['owner', 'staff', 'outtasker'] as const;
export type Role = (typeof ROLES)[number];
