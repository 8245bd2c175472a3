/**
 * The web app's API types (web/src/api/schema.gen.ts) are what `npm run api:types` makes from the
 * server's OpenAPI document now: a route whose answer changed without regenerating them fails here,
 * so the browser's types cannot drift from the contract.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, apiTypesSource, openApiDocument } from '../../scripts/api-types.ts';

describe('the web app’s API types', () => {
  it('are generated from the OpenAPI document as it is now (else run npm run api:types)', async () => {
    const doc = await openApiDocument();
    const committed = readFileSync(API_TYPES_FILE, 'utf8');
    const fresh = await apiTypesSource(doc);
    expect(committed === fresh, 'web/src/api/schema.gen.ts is stale: run npm run api:types').toBe(true);
  });

  it('would notice a changed answer', async () => {
    const doc = (await openApiDocument()) as {
      components: { schemas: Record<string, { properties?: object }> };
    };
    const member = doc.components.schemas.Member!;
    member.properties = { ...member.properties, nickname: { type: 'string' } };
    expect(await apiTypesSource(doc)).not.toBe(readFileSync(API_TYPES_FILE, 'utf8'));
  });
});
