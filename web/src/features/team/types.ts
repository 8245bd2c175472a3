/** The team screen's API shapes, from the API contract. */
import type { Answer, Schema } from '../../api/contract.ts';

/** GET /api/workspace/users: someone who can sign in, with their role here. */
export type WorkspaceUser = Answer<'/api/workspace/users'>[number];
export type AccessRole = WorkspaceUser['role'];
export type Invitation = Schema<'Invitation'>;
/** POST /api/workspace/invitations: the invitation with its one-time link, shown once. */
export type CreatedInvitation = Schema<'CreatedInvitation'>;
export type WorkspaceSettings = Schema<'WorkspaceSettings'>;
export type InvitationPeek = Schema<'InvitationPeek'>;
