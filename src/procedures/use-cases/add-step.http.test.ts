/**
 * A step from outside input (a request body): either stored, valid, or refused with a typed error
 * (VALIDATION_FAILED for its shape at the edge, STEP_INVALID for the rules) and nothing changed.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aSmallFirm } from '../../../test/factories/index.ts';
import { signedInApp } from '../../../test/helpers/app.ts';

type SignedIn = Awaited<ReturnType<typeof signedInApp>>;

describe('steps from outside input', () => {
  let app: SignedIn;
  let url: string;
  let memberId: string;
  beforeAll(async () => {
    app = await signedInApp('sqlite');
    const firm = aSmallFirm();
    await app.services.inventory.insertAll(app.owner.actor, firm);
    memberId = firm.analyst.id;
    const draft = await app.services.procedures.newDraft(app.owner.actor, firm.tasks[0]!.id);
    url = `/api/procedures/versions/${draft.id}`;
  });
  afterAll(() => app.close());

  const stepsNow = async () =>
    (await app.http.inject({ method: 'GET', url, cookies: app.cookies })).json().version.steps as unknown[];

  it('refuses a minutes given as text at the edge, naming the field', async () => {
    const r = await app.http.inject({
      method: 'POST',
      url: `${url}/steps`,
      cookies: app.cookies,
      payload: { name: 'x', performer: { kind: 'outtasker' }, minutes: '5' },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringMatching(/minutes/),
    });
  });

  it('either stores a valid step or refuses with a typed error, changing nothing', async () => {
    const performer = fc.oneof(
      fc.record({
        kind: fc.constantFrom('member', 'role', 'outtasker', 'automation', 'robot'),
        ref: fc.option(fc.constantFrom(memberId, 'analyst', 'x')),
      }),
      fc.anything(),
    );
    const likely = fc.record({
      name: fc.string({ minLength: 0, maxLength: 20 }),
      minutes: fc.integer({ min: -5, max: 500 }),
      performer: fc.constantFrom(
        { kind: 'member', ref: memberId },
        { kind: 'role', ref: 'analyst' },
        { kind: 'outtasker' },
        { kind: 'automation', name: 'App' },
      ),
      outputs: fc.array(fc.string({ maxLength: 8 }), { maxLength: 2 }),
    });
    const body = fc.oneof(
      likely,
      fc.record(
        {
          name: fc.oneof(fc.string({ maxLength: 40 }), fc.integer()),
          minutes: fc.oneof(
            fc.double(),
            fc.integer({ min: -100, max: 200_000 }),
            fc.string({ maxLength: 3 }),
          ),
          performer,
          inputs: fc.oneof(fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }), fc.string()),
          waste: fc.option(fc.record({ reason: fc.string({ maxLength: 10 }) })),
        },
        { requiredKeys: [] },
      ),
      fc.jsonValue(),
    );
    let stored = 0;
    await fc.assert(
      fc.asyncProperty(body, async (input) => {
        const before = (await stepsNow()).length;
        const r = await app.http.inject({
          method: 'POST',
          url: `${url}/steps`,
          cookies: app.cookies,
          payload: JSON.stringify(input),
          headers: { 'content-type': 'application/json' },
        });
        if (r.statusCode === 201) {
          stored++;
          const after = r.json().steps as { minutes: number }[];
          expect(after).toHaveLength(before + 1);
          expect(after.at(-1)!.minutes).toBeGreaterThanOrEqual(0);
          expect(await stepsNow()).toHaveLength(before + 1);
        } else {
          expect(r.statusCode, r.body).toBe(400);
          expect(['VALIDATION_FAILED', 'STEP_INVALID']).toContain(r.json().error.code);
          expect(await stepsNow()).toHaveLength(before);
        }
      }),
      { numRuns: 150 },
    );
    expect(stored).toBeGreaterThan(0);
  });
});
