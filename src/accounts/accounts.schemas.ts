import { z } from 'zod';
import type { AuditRecord } from '../platform/audit/audit.store.ts';
import { sameShape } from '../platform/contract.ts';
import { ROLES } from '../platform/roles.ts';

export const LoginBody = z.object({
  email: z.string().min(3).max(320),
  password: z.string().min(1).max(256),
  workspace: z.string().optional(),
});

export const UserOut = z.object({ id: z.string(), email: z.string(), name: z.string() }).meta({ id: 'User' });

export const WorkspaceOut = z
  .object({
    id: z.string(),
    name: z.string(),
    slug: z.string(),
    currency: z.string(),
    settings: z.record(z.string(), z.unknown()),
    settingsVersion: z.number().optional(),
  })
  .meta({ id: 'Workspace' });

export const MeOut = z
  .object({ user: UserOut, workspace: WorkspaceOut, role: z.enum(ROLES) })
  .meta({ id: 'Me' });

/** One line of the audit trail (GET /api/workspace/audit). */
export const AuditRecordOut = z
  .object({
    id: z.string(),
    at: z.string(),
    workspaceId: z.string(),
    userId: z.string().nullable(),
    action: z.string(),
    subjectType: z.string(),
    subjectId: z.string().nullable().optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'AuditRecord' });
sameShape<z.output<typeof AuditRecordOut>, AuditRecord>(true);
