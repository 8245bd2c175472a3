/** Environment parsed once with zod, frozen. Nothing else reads process.env. */
import path from 'node:path';
import { z } from 'zod';
import { AppError } from './errors.ts';

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  OUTTASK_DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().optional(),
  OUTTASK_SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .default(24 * 14),
  OUTTASK_COOKIE_SECURE: z
    .enum(['true', 'false', 'auto'])
    .default('auto')
    .transform((v) => (v === 'auto' ? undefined : v === 'true')),
  OUTTASK_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .positive()
    .default(8 * 60),
  /**
   * Behind a reverse proxy (TLS terminated there): "true" trusts X-Forwarded-* from any hop, a number
   * that many hops, else a comma-separated list of proxy addresses/CIDRs. Unset: no proxy trusted.
   */
  OUTTASK_TRUST_PROXY: z.string().default('false'),
  OUTTASK_IMPORT_MAX_MB: z.coerce.number().positive().default(20),
  OUTTASK_BLOB_MAX_MB: z.coerce.number().positive().default(2048),
  OUTTASK_JOB_RETENTION_DAYS: z.coerce.number().positive().default(30),
  /** 32 bytes, base64 or hex: seals the firm's marketplace tokens at rest. Unset: no API connector (assisted only). */
  OUTTASK_SECRETS_KEY: z.string().min(1).optional(),
  OUTTASK_FREELANCER_API_URL: z.string().url().default('https://www.freelancer.com/api'),
  OUTTASK_UPWORK_API_URL: z.string().url().default('https://api.upwork.com/graphql'),
  OUTTASK_BLOB_GRACE_HOURS: z.coerce.number().positive().default(24),
  OUTTASK_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().default('development'),
  OUTTASK_DEMO_PASSWORD: z.string().min(10).optional(),
  OUTTASK_WHISPER_MODEL: z.string().min(1).optional(),
  OUTTASK_STRICT_RESPONSES: z.enum(['true', 'false']).default('false'),
});

export type DatabaseTarget = { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string };

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly database: DatabaseTarget;
  readonly sessionTtlHours: number;
  readonly sessionIdleMinutes: number;
  /** Fastify's trustProxy: false, true, a hop count, or proxy addresses. */
  readonly trustProxy: boolean | number | string[];
  /** undefined: secure cookies when the request came over https. */
  readonly cookieSecure: boolean | undefined;
  readonly importMaxBytes: number;
  /** Stored files (uploads, recordings, transcripts): content-addressed under <dataDir>/blobs. */
  readonly blobsDir: string;
  readonly blobMaxBytes: number;
  /** Housekeeping (hourly job): finished jobs kept this long; unreferenced files kept this long. */
  readonly jobRetentionDays: number;
  /** The key that seals marketplace tokens (32 bytes); undefined: API connectors cannot be configured. */
  readonly secretsKey: Buffer | undefined;
  /** Where the marketplace API connectors call (the documented endpoints; a local server in the contract tests). */
  readonly marketplaceApis: { freelancer: string; upwork: string };
  readonly blobGraceHours: number;
  readonly logLevel: string;
  readonly production: boolean;
  /** Password of the demo workspace's owner; random (and printed) when unset. */
  readonly demoPassword: string | undefined;
  /** whisper.cpp ggml model file the firm supplies (never downloaded); unset: pocketsphinx only. */
  readonly whisperModel: string | undefined;
  /** Tests: an answer its route's response schema would trim fails with 500 instead (see http/response-contract). */
  readonly strictResponses: boolean;
}

export function databaseTarget(url: string | undefined, dataDir: string): DatabaseTarget {
  if (!url) return { dialect: 'sqlite', file: path.join(dataDir, 'outtask.db') };
  if (/^postgres(ql)?:\/\//.test(url)) return { dialect: 'postgres', url };
  if (url.startsWith('sqlite:'))
    return { dialect: 'sqlite', file: url.slice('sqlite:'.length).replace(/^\/\//, '') };
  throw new AppError(
    'CONFIG_INVALID',
    `DATABASE_URL must start with postgres://, postgresql:// or sqlite: (got "${url.split(':')[0]}:…")`,
  );
}

export function trustProxyOf(v: string): boolean | number | string[] {
  const t = v.trim();
  if (t === '' || t === 'false') return false;
  if (t === 'true') return true;
  if (/^\d+$/.test(t)) return Number(t);
  return t
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** OUTTASK_SECRETS_KEY as 32 bytes: 64 hex digits or base64 of 32 bytes (`openssl rand -base64 32`). */
export function secretsKeyOf(text: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  if (key.length !== 32) {
    throw new AppError(
      'CONFIG_INVALID',
      'OUTTASK_SECRETS_KEY must be 32 bytes, as 64 hex digits or base64 (make one with `openssl rand -base64 32`)',
    );
  }
  return key;
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new AppError('CONFIG_INVALID', `Invalid environment: ${issues}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.OUTTASK_DATA_DIR);
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database: databaseTarget(e.DATABASE_URL, dataDir),
    sessionTtlHours: e.OUTTASK_SESSION_TTL_HOURS,
    sessionIdleMinutes: e.OUTTASK_SESSION_IDLE_MINUTES,
    trustProxy: trustProxyOf(e.OUTTASK_TRUST_PROXY),
    cookieSecure: e.OUTTASK_COOKIE_SECURE,
    importMaxBytes: Math.round(e.OUTTASK_IMPORT_MAX_MB * 1024 * 1024),
    blobsDir: path.join(dataDir, 'blobs'),
    blobMaxBytes: Math.round(e.OUTTASK_BLOB_MAX_MB * 1024 * 1024),
    jobRetentionDays: e.OUTTASK_JOB_RETENTION_DAYS,
    secretsKey: e.OUTTASK_SECRETS_KEY === undefined ? undefined : secretsKeyOf(e.OUTTASK_SECRETS_KEY),
    marketplaceApis: { freelancer: e.OUTTASK_FREELANCER_API_URL, upwork: e.OUTTASK_UPWORK_API_URL },
    blobGraceHours: e.OUTTASK_BLOB_GRACE_HOURS,
    logLevel: e.OUTTASK_LOG_LEVEL,
    production: e.NODE_ENV === 'production',
    demoPassword: e.OUTTASK_DEMO_PASSWORD,
    whisperModel: e.OUTTASK_WHISPER_MODEL ? path.resolve(e.OUTTASK_WHISPER_MODEL) : undefined,
    strictResponses: e.OUTTASK_STRICT_RESPONSES === 'true',
  });
}
