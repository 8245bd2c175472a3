/**
 * Who acts in a workspace, as every service takes it: a signed-in user, or the local CLI (userId
 * null). Neutral ground: the HTTP layer builds one from the session, the CLI from --workspace, and
 * services import it from here, never from platform/http.
 */

/** The workspace as an actor carries it (the accounts feature's Workspace has this shape). */
export interface ActorWorkspace {
  id: string;
  name: string;
  slug: string;
  currency: string;
  settings: Record<string, unknown>;
  /** The settings' version (their ETag); absent before stored. */
  settingsVersion?: number;
}

export interface WorkspaceActor {
  workspace: ActorWorkspace;
  userId: string | null;
}
