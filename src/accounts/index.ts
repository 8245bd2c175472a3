export { authRoutes, workspaceRoutes } from './accounts.routes.ts';
export {
  type AccountsService,
  createAccountsService,
  type PreparedUser,
  type SessionInfo,
} from './accounts.service.ts';
export type { Actor, Role, User, Workspace } from './accounts.ts';
export { FailureWindow } from './login-throttle.ts';
export { joinRoutes, teamRoutes } from './team.routes.ts';
export { createTeamService, fiscalYearStartMonthOf, type TeamService } from './team.service.ts';
