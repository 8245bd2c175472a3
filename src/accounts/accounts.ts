/** Accounts domain: workspaces (tenants), users, their role in a workspace, sessions. */

import type { Role } from '../platform/roles.ts';
import { slug } from '../platform/slug.ts';

export { ROLES, type Role } from '../platform/roles.ts';

export interface Workspace {
  id: string;
  name: string;
  slug: string;
  currency: string;
  settings: Record<string, unknown>;
  /** Bumped by every change of the settings: their ETag (optimistic concurrency); absent before stored. */
  settingsVersion?: number;
}

export interface User {
  id: string;
  email: string;
  name: string;
}

/** Who is calling, in which workspace, with which role. Every service call that touches data takes one. */
export interface Actor {
  user: User;
  workspace: Workspace;
  role: Role;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function isEmail(email: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email);
}

export function slugify(text: string): string {
  return slug(text, { max: 48, fallback: 'workspace' });
}

export const MIN_PASSWORD_LENGTH = 10;

export function passwordProblem(password: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH)
    return `Password must have at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > 256) return 'Password must have at most 256 characters';
  return undefined;
}
