/** Workspaces and the people who sign in to them. */
import type { Role, User, Workspace } from '../../src/accounts/index.ts';
import type { AppServices } from '../../src/main.ts';
import { uniqueName } from './ids.ts';

type Accounts = Pick<AppServices, 'accounts'>;

/** Who acts in a workspace, as services take it (userId null: the local CLI). */
export interface FactoryActor {
  workspace: Workspace;
  userId: string | null;
}

export interface SignIn {
  user: User;
  email: string;
  password: string;
}

export interface WorkspaceWithOwner {
  workspace: Workspace;
  owner: User;
  email: string;
  password: string;
  /** The owner as a service actor. */
  actor: FactoryActor;
}

export async function aWorkspace(
  app: Accounts,
  over: { name?: string; currency?: string; settings?: Record<string, unknown> } = {},
): Promise<{ workspace: Workspace; actor: FactoryActor }> {
  const workspace = await app.accounts.createWorkspace({
    name: over.name ?? uniqueName('Firm'),
    currency: over.currency ?? 'USD',
    ...(over.settings ? { settings: over.settings } : {}),
  });
  return { workspace, actor: { workspace, userId: null } };
}

/** A user with a role in the workspace and a password they can sign in with. */
export async function aUser(
  app: Accounts,
  workspace: Workspace,
  role: Role,
  over: { email?: string; name?: string; password?: string } = {},
): Promise<SignIn> {
  const name =
    over.name ?? uniqueName(role === 'owner' ? 'Owner' : role === 'staff' ? 'Staff' : 'Freelancer');
  const email = over.email ?? `${name.toLowerCase().replace(/\W+/g, '.')}@${workspace.slug}.example`;
  const password = over.password ?? `${role}-password-1`;
  const user = await app.accounts.upsertUser({ email, name, password, workspaceId: workspace.id, role });
  return { user, email, password };
}

export async function aWorkspaceWithOwner(
  app: Accounts,
  over: { name?: string; currency?: string; email?: string; password?: string; ownerName?: string } = {},
): Promise<WorkspaceWithOwner> {
  const { workspace } = await aWorkspace(app, over);
  const { user, email, password } = await aUser(app, workspace, 'owner', {
    ...(over.email ? { email: over.email } : {}),
    ...(over.password ? { password: over.password } : {}),
    ...(over.ownerName ? { name: over.ownerName } : {}),
  });
  return { workspace, owner: user, email, password, actor: { workspace, userId: user.id } };
}
