/**
 * JSON bodies parsed and checked in a worker thread (issue 9 row 6): for routes whose bodies are many
 * megabytes (transcripts in base64), JSON.parse and the schema's checks would hold the event loop
 * every other request waits on. The plugin's JSON parser collects the raw bytes and hands them to
 * `check`, which runs the route's schema off the main thread; the route's validator then takes the
 * checked body as it is, or answers 400 with the issues the schema found, in the same shape as any
 * other validation error (error-handler.ts).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FastifyRouteSchemaDef, FastifyValidationResult } from 'fastify/types/schema.js';
import { validatorCompiler } from 'fastify-type-provider-zod';

export interface OffThreadIssue {
  path: (string | number)[];
  code: string;
  message: string;
}

/** What the parser produced: a body already checked against the route's schema, or its issues. */
class CheckedBody {
  constructor(
    readonly value: unknown,
    readonly issues: OffThreadIssue[] | undefined,
  ) {}
}

export type OffThreadCheck = (
  bytes: Buffer,
  request: FastifyRequest,
) => Promise<{ ok: true; body: unknown } | { ok: false; issues: OffThreadIssue[] }>;

/** Every `application/json` body of routes registered in `scope` goes through `check`. */
export function parseJsonOffThread(scope: FastifyInstance, bodyLimit: number, check: OffThreadCheck): void {
  scope.addContentTypeParser(
    'application/json',
    { parseAs: 'buffer', bodyLimit },
    async (req: FastifyRequest, body: Buffer) => {
      const r = await check(body, req);
      return r.ok ? new CheckedBody(r.body, undefined) : new CheckedBody(undefined, r.issues);
    },
  );
}

// The mark fastify-type-provider-zod puts on its validation errors, which the error handler looks for.
const ZOD_ERROR = Symbol.for('ZodFastifySchemaValidationError');

/**
 * The route's validator: a body checked off the thread passes as it is (its issues answered as zod's);
 * anything else — another part of the request, or a body another parser made — is checked as usual.
 */
export function checkedOffThread<S>(route: FastifyRouteSchemaDef<S>): FastifyValidationResult {
  const check = validatorCompiler(route as never);
  if (route.httpPart !== 'body') return check;
  return (data) => {
    if (!(data instanceof CheckedBody)) return check(data);
    if (!data.issues) return { value: data.value };
    return {
      error: data.issues.map((i) => ({
        [ZOD_ERROR]: true,
        keyword: i.code,
        instancePath: `/${i.path.join('/')}`,
        schemaPath: `#/${i.path.join('/')}/${i.code}`,
        message: i.message,
        params: {},
      })),
    } as unknown as ReturnType<typeof check>;
  };
}
