/**
 * Which connector serves a marketplace for a workspace: its API connector when the firm saved a token
 * (and the key to open it is configured), else the assisted one. A missing or unusable token falls
 * back to assisted, never to an error page.
 */
import { openSecret } from '../../platform/secrets.ts';
import type { Marketplace } from '../limits.ts';
import type { ConnectionRow } from '../marketplace.store.ts';
import { type ApiConnector, ASSISTED, type Capabilities } from './connector.ts';
import { type FreelancerSettings, freelancerConnector } from './freelancer.ts';
import type { HttpDeps } from './http.ts';
import { type UpworkSettings, upworkConnector } from './upwork.ts';

export const API_MARKETPLACES = ['freelancer', 'upwork'] as const;
export type ApiMarketplace = (typeof API_MARKETPLACES)[number];

export function isApiMarketplace(m: Marketplace): m is ApiMarketplace {
  return (API_MARKETPLACES as readonly string[]).includes(m);
}

export interface ConnectorEnv {
  secretsKey: Buffer | undefined;
  apis: { freelancer: string; upwork: string };
  http: HttpDeps;
}

/** The associated data a workspace's token is sealed with. */
export const tokenContext = (workspaceId: string, marketplace: string) =>
  `marketplace-token:${workspaceId}:${marketplace}`;

export function apiConnector(
  env: ConnectorEnv,
  workspaceId: string,
  marketplace: Marketplace,
  conn: ConnectionRow | undefined,
): ApiConnector | null {
  if (!conn || !env.secretsKey || !isApiMarketplace(marketplace)) return null;
  const token = openSecret(env.secretsKey, conn.tokenSealed, tokenContext(workspaceId, marketplace));
  if (marketplace === 'freelancer') {
    const api = env.apis.freelancer;
    return freelancerConnector(
      {
        api,
        // The site of the API's host (www.freelancer.com, or the sandbox's).
        site: new URL(api).origin,
        token,
        settings: conn.settings as unknown as FreelancerSettings,
      },
      env.http,
    );
  }
  return upworkConnector(
    { graphql: env.apis.upwork, token, settings: conn.settings as unknown as UpworkSettings },
    env.http,
  );
}

export function capabilitiesOf(c: ApiConnector | null): Capabilities {
  return c ? c.capabilities : ASSISTED;
}
