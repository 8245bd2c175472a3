export { authRoutes, workspaceRoutes } from './accounts.routes.ts';
export { type AccountsService, createAccountsService } from './accounts.service.ts';
export type { Actor, Role, User, Workspace } from './accounts.ts';
