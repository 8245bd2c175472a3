/**
 * Refusals over HTTP name the rule that was broken with a specific code (not a generic CONFLICT),
 * answered with the status the catalogue gives it; nothing is changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCatalogue } from '../../src/platform/errors.ts';
import { aSmallFirm, aTask, aVariantInput, storeFirm, usd } from '../factories/index.ts';
import { signedInApp } from '../helpers/app.ts';

type SignedIn = Awaited<ReturnType<typeof signedInApp>>;

describe('specific refusals', () => {
  let app: SignedIn;
  const firm = aSmallFirm();
  const other = aTask({ processId: firm.process.id, name: 'Book the venue' });
  firm.tasks.push(other);
  const send = (method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    app.http.inject({ method, url, cookies: app.cookies, ...(payload ? { payload } : {}) });
  /** The answer's status and code, checked against the catalogue. */
  const refusal = async (res: Awaited<ReturnType<typeof send>>) => {
    const code = res.json().error.code as keyof typeof ErrorCatalogue;
    expect(res.statusCode, code).toBe(ErrorCatalogue[code].status);
    return code;
  };

  beforeAll(async () => {
    app = await signedInApp('sqlite');
    await storeFirm(app.services, app.owner.actor, firm);
  });
  afterAll(() => app.close());

  it('refuses a name the inventory already has', async () => {
    const member = { name: 'andy analyst', role: 'analyst', hourlyCost: usd(50) };
    expect(await refusal(await send('POST', '/api/members', member))).toBe('MEMBER_NAME_TAKEN');
    expect(await refusal(await send('POST', '/api/processes', { name: 'CLIENT RESEARCH' }))).toBe(
      'PROCESS_NAME_TAKEN',
    );
    const task = {
      processId: firm.process.id,
      name: firm.deck.name,
      frequency: { kind: 'per_year', occurrencesPerYear: 4 },
      minutesPerOccurrence: 30,
    };
    expect(await refusal(await send('POST', '/api/tasks', task))).toBe('TASK_NAME_TAKEN');
    expect(await refusal(await send('PATCH', `/api/tasks/${other.id}`, { name: firm.deck.name }))).toBe(
      'TASK_NAME_TAKEN',
    );
    const tasks = (await app.http.inject({ method: 'GET', url: '/api/tasks', cookies: app.cookies })).json();
    expect(tasks.map((t: { name: string }) => t.name).sort()).toEqual([other.name, firm.deck.name].sort());
  });

  it('refuses to change a retired way, to open a second draft, and to compare unrelated versions', async () => {
    const p = app.services.procedures;
    const { actor } = app.owner;
    const way = await p.createVariant(actor, firm.deck.id, aVariantInput());
    const draft = await p.createStandard(actor, firm.deck.id, { variantIds: [way.id] });
    expect(await refusal(await send('PATCH', `/api/procedures/variants/${way.id}`, { label: 'x' }))).toBe(
      'VARIANT_RETIRED',
    );
    expect(await refusal(await send('DELETE', `/api/procedures/variants/${way.id}`))).toBe('VARIANT_RETIRED');
    const again = await send('POST', `/api/procedures/tasks/${firm.deck.id}/versions`, {});
    expect(await refusal(again)).toBe('DRAFT_EXISTS');
    expect(again.json().error.details).toEqual({ versionId: draft.id });
    const next = await p.createVariant(actor, firm.deck.id, aVariantInput());
    const standard = await send('POST', `/api/procedures/tasks/${firm.deck.id}/standard`, {
      variantIds: [next.id],
    });
    expect(await refusal(standard)).toBe('DRAFT_EXISTS');

    const elsewhere = await p.newDraft(actor, other.id);
    const diff = await app.http.inject({
      method: 'GET',
      url: `/api/procedures/versions/${draft.id}/diff?from=${elsewhere.id}`,
      cookies: app.cookies,
    });
    expect(await refusal(diff)).toBe('VERSIONS_UNRELATED');
  });

  it('refuses to give a form the name of another', async () => {
    const form = (name: string) => ({ name, title: name, questions: [{ id: 'a', text: 'A?' }] });
    const a = (await send('POST', '/api/forms', form('Debrief'))).json();
    await send('POST', '/api/forms', form('Kick-off'));
    const taken = await send('POST', `/api/forms/${a.form.id}/versions`, form('Kick-off'));
    expect(await refusal(taken)).toBe('FORM_NAME_TAKEN');
  });
});

describe('requests the server cannot read', () => {
  it('answers an unknown content type with 415 and a body over the limit with 413', async () => {
    const app = await signedInApp('sqlite', { env: { OUTTASK_IMPORT_MAX_MB: '0.01' } });
    const strange = await app.http.inject({
      method: 'POST',
      url: '/api/members',
      cookies: app.cookies,
      headers: { 'content-type': 'application/x-strange' },
      payload: 'name=Ann',
    });
    expect(strange.statusCode).toBe(415);
    expect(strange.json().error.code).toBe('CONTENT_TYPE_UNSUPPORTED');
    const big = await app.http.inject({
      method: 'POST',
      url: '/api/imports?file=big.csv',
      cookies: app.cookies,
      headers: { 'content-type': 'text/csv' },
      payload: 'x'.repeat(2 * 1024 * 1024),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('FILE_TOO_LARGE');
    await app.close();
  });
});
