/**
 * The HTTP server as a function of its dependencies: Fastify with zod contracts, an OpenAPI document at
 * /api/docs, a policy on every /api route, the error map, and the built web app with SPA fallback.
 */
import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyPluginAsync,
  type FastifyServerOptions,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBodyOut } from '../contract.ts';
import { AppError } from '../errors.ts';
import { errorHandler, notFoundError } from './error-handler.ts';
import { checkOrigin } from './origin.ts';
import { describePolicy, type HttpActor, type Policy } from './policy.ts';
import { contractSerializer } from './response-contract.ts';
import { securityHeaders } from './security-headers.ts';
import { sessionToken } from './session-cookie.ts';

export interface ApiFeature {
  /** Path under /api, e.g. "/tasks". */
  prefix: string;
  plugin: FastifyPluginAsync;
}

export interface ServerOptions {
  logger?: FastifyServerOptions['logger'];
  authenticate(token: string): Promise<HttpActor>;
  features: ApiFeature[];
  /** Folder of the built web app (index.html); omitted in API-only tests. */
  webRoot?: string;
  /** Largest request body (file uploads), bytes. */
  bodyLimit?: number;
  /** Behind a reverse proxy: which X-Forwarded-* to believe (protocol for Secure cookies, client address). */
  trustProxy?: boolean | number | string[];
  version?: string;
  /**
   * Fail (500, naming the field) when an answer does not pass through its route's response schema
   * unchanged, instead of trimming it: tests turn this on, so a field the schema forgot shows up there.
   */
  strictResponses?: boolean;
}

export interface RouteRecord {
  method: string;
  url: string;
  policy: Policy | undefined;
  /** The route's declared answers by status code (zod schemas, or `{ content: … }` for files). */
  response: Record<string, unknown> | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** See ServerOptions.strictResponses; read by answers that skip the serializer (cached JSON). */
    strictResponses: boolean;
  }
}

export type App = FastifyInstance & { routeTable: RouteRecord[] };

/**
 * A plugin's routes typed by their zod schemas (`fastify.withTypeProvider<ZodTypeProvider>()`): what a
 * feature's route files take when one plugin's routes are spread over several files by use case.
 */
export type ZodRoutes = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

const ERROR_RESPONSE = {
  description: 'A failure: a specific code, a message saying what and where, and details',
  content: { 'application/json': { schema: { $ref: `#/components/schemas/${ErrorBodyOut.meta()?.id}` } } },
};

/**
 * zod's validator, except that a request which sent no body meets an optional body schema as
 * "nothing sent": Fastify hands the validator null for a missing body, which `.optional()` refused
 * ("expected object, received null"). A required body is checked as before.
 */
const optionalBodyAware: typeof validatorCompiler = (route) => {
  const check = validatorCompiler(route);
  const optional =
    route.httpPart === 'body' &&
    route.schema instanceof z.ZodType &&
    route.schema.safeParse(undefined).success;
  return optional ? (data) => (data === null ? { value: undefined } : check(data)) : check;
};

export async function buildServer(opts: ServerOptions): Promise<App> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: opts.bodyLimit ?? 25 * 1024 * 1024,
    // A hop count is a function of the hop here (Fastify's types take no number).
    trustProxy:
      typeof opts.trustProxy === 'number'
        ? (
            (hops: number) => (_address: string, hop: number) =>
              hop < hops
          )(opts.trustProxy)
        : (opts.trustProxy ?? false),
  }).withTypeProvider<ZodTypeProvider>();
  const routeTable: RouteRecord[] = [];

  app.setValidatorCompiler(optionalBodyAware);
  app.setSerializerCompiler(contractSerializer(opts.strictResponses === true));
  app.decorate('strictResponses', opts.strictResponses === true);
  app.setErrorHandler(errorHandler);
  app.decorateRequest('actor', null);

  // Uploaded files arrive as the raw request body.
  app.addContentTypeParser(
    [
      'application/octet-stream',
      'text/csv',
      'text/plain',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ],
    { parseAs: 'buffer' },
    (_req, body, done) => done(null, body),
  );

  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!route.url.startsWith('/api') || route.url.startsWith('/api/docs')) return;
    const policy = route.config?.policy;
    const response = route.schema?.response as Record<string, unknown> | undefined;
    for (const method of methods) {
      if (method === 'HEAD') continue;
      routeTable.push({ method, url: route.url, policy, response });
    }
    if (!policy)
      throw new Error(`Route ${methods.join(',')} ${route.url} declares no policy (config.policy)`);
  });

  // A state-changing request from another site is refused before anything else (see origin.ts).
  app.addHook('onRequest', async (request) => checkOrigin(request));
  app.addHook('onSend', async (request, reply) => {
    securityHeaders(request, reply);
  });

  // Authentication and authorisation before the body is even validated: the route's policy decides.
  app.addHook('preValidation', async (request) => {
    const policy = request.routeOptions.config?.policy;
    if (!policy) return; // non-API routes (web app, docs)
    const token = sessionToken(request);
    if ('public' in policy) {
      if (token) request.actor = await opts.authenticate(token).catch(() => null);
      return;
    }
    if (!token) throw new AppError('UNAUTHENTICATED', 'Sign in first');
    const actor = await opts.authenticate(token);
    if (!policy.roles.includes(actor.role)) {
      throw new AppError('FORBIDDEN', `This needs the role ${describePolicy(policy)}; you are ${actor.role}`);
    }
    request.actor = actor;
  });

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Outtask API',
        description: 'The out-tasking workbench. Every route states the roles that may call it (x-policy).',
        version: opts.version ?? '0.1.0',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'outtask_session' } } },
    },
    transform: (input) => {
      const out = jsonSchemaTransform(input);
      const policy = (input.route.config as { policy?: Policy } | undefined)?.policy;
      const schema = out.schema as Record<string, unknown>;
      if (policy) schema['x-policy'] = describePolicy(policy);
      // Every failure answers with the one error body (error-handler.ts), whatever the route.
      if (policy) schema.response = { ...(schema.response as object), default: ERROR_RESPONSE };
      // A plugin's '/' route is also served without the slash; the document names it without.
      return { ...out, url: out.url.length > 1 ? out.url.replace(/\/$/, '') : out.url };
    },
    // Schemas with .meta({ id }) become named components (the names the web app's types use).
    transformObject: jsonSchemaTransformObject,
  });

  await app.register(
    async (api) => {
      api.get(
        '/health',
        {
          config: { policy: { public: true } },
          schema: {
            tags: ['platform'],
            summary: 'Liveness',
            response: { 200: z.object({ status: z.literal('ok') }) },
          },
        },
        async () => ({ status: 'ok' as const }),
      );
      for (const f of opts.features) await api.register(f.plugin, { prefix: f.prefix });
    },
    { prefix: '/api' },
  );

  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  const webRoot =
    opts.webRoot && fs.existsSync(path.join(opts.webRoot, 'index.html')) ? opts.webRoot : undefined;
  // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
  if (webRoot) await app.register(fastifyStatic, { root: webRoot, wildcard: true });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    // Missing files (a path with an extension) are a 404, not the app: a stale asset must not load HTML.
    if (path.startsWith('/api') || !webRoot || request.method !== 'GET' || /\.[a-z0-9]+$/i.test(path)) {
      return errorHandler(notFoundError(request.method, request.url), request, reply);
    }
    // Client-side routes of the single-page app.
    return reply.type('text/html').sendFile('index.html');
  });

  return Object.assign(app, { routeTable }) as unknown as App;
}
