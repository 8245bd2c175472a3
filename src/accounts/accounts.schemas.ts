import { z } from 'zod';
import { ROLES } from '../platform/roles.ts';

export const LoginBody = z.object({
  email: z.string().min(3).max(320),
  password: z.string().min(1).max(256),
  workspace: z.string().optional(),
});

export const UserOut = z.object({ id: z.string(), email: z.string(), name: z.string() });

export const WorkspaceOut = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  currency: z.string(),
  settings: z.record(z.string(), z.unknown()),
});

export const MeOut = z.object({ user: UserOut, workspace: WorkspaceOut, role: z.enum(ROLES) });
