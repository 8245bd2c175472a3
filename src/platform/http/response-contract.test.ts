import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { firstDifference } from './response-contract.ts';
import { buildServer } from './server.ts';

const Answer = z.object({ id: z.string(), items: z.array(z.object({ n: z.number() })) });

/** One route that answers more than its schema names (a nested field the schema forgot). */
const feature: FastifyPluginAsync = async (fastify) => {
  fastify
    .withTypeProvider<ZodTypeProvider>()
    .get('/', { config: { policy: { public: true } }, schema: { response: { 200: Answer } } }, async () => ({
      id: 'a',
      items: [{ n: 1 }, { n: 2, note: 'forgotten' }],
    }));
};

async function serve(strictResponses: boolean) {
  const app = await buildServer({
    authenticate: async () => {
      throw new Error('no sessions here');
    },
    features: [{ prefix: '/thing', plugin: feature }],
    strictResponses,
  });
  const res = await app.inject({ method: 'GET', url: '/api/thing' });
  await app.close();
  return res;
}

describe('answers through the response schema', () => {
  it('trims what the schema does not name, by default', async () => {
    const res = await serve(false);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: 'a', items: [{ n: 1 }, { n: 2 }] });
  });

  it('fails naming the field in strict mode, instead of trimming it', async () => {
    const res = await serve(true);
    expect(res.statusCode).toBe(500);
    expect(res.json().error.message).toContain('items[1].note (not in the response schema)');
  });

  it('finds the first difference between two JSON values', () => {
    expect(firstDifference({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBeNull();
    expect(firstDifference({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] })).toBe('a[1].b');
    expect(firstDifference({ a: [1] }, { a: [1, 2] })).toBe('a.length');
    expect(firstDifference({ a: 1 }, { a: 1, b: 2 })).toBe('b (added)');
  });
});
