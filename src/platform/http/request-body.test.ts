/**
 * A request without a body meets an optional body schema as "no body": Fastify hands a bodiless POST
 * to the validator as null, which `.optional()` refused ("expected object, received null"), so a
 * client that sent nothing where nothing is needed got a 400. (Fastify gives the validator null for a
 * JSON `null` body too, so the two cannot be told apart there: both mean "nothing".)
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type App, buildServer } from './server.ts';

const Options = z.object({ from: z.string().min(1) }).strict();

const feature: FastifyPluginAsync = async (fastify) => {
  const open = { config: { policy: { public: true } } } as const;
  const r = fastify.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/optional',
    { ...open, schema: { body: Options.optional(), response: { 200: z.object({ got: z.string() }) } } },
    async (req) => ({ got: req.body === undefined ? 'nothing' : `from ${req.body.from}` }),
  );
  r.post(
    '/required',
    { ...open, schema: { body: Options, response: { 200: z.object({ got: z.string() }) } } },
    async (req) => ({ got: `from ${req.body.from}` }),
  );
};

describe('request bodies', () => {
  let app: App;
  beforeAll(async () => {
    app = await buildServer({
      authenticate: async () => {
        throw new Error('no sessions here');
      },
      features: [{ prefix: '/thing', plugin: feature }],
      strictResponses: true,
    });
  });
  afterAll(() => app.close());

  const post = (url: string, init: { payload?: string; type?: string } = {}) =>
    app.inject({
      method: 'POST',
      url: `/api/thing${url}`,
      ...(init.payload !== undefined ? { payload: init.payload } : {}),
      headers: init.type ? { 'content-type': init.type } : {},
    });

  it('takes a POST with no body where the body is optional', async () => {
    const res = await post('/optional');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ got: 'nothing' });
  });

  it('still reads and checks a body that is sent', async () => {
    const ok = await post('/optional', { payload: '{"from":"v1"}', type: 'application/json' });
    expect(ok.json()).toEqual({ got: 'from v1' });
    const bad = await post('/optional', { payload: '{"from":""}', type: 'application/json' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('from');
  });

  it('refuses a missing body, or a null one, where one is required', async () => {
    const nul = await post('/required', { payload: 'null', type: 'application/json' });
    expect(nul.statusCode).toBe(400);
    const missing = await post('/required');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.code).toBe('VALIDATION_FAILED');
  });
});
