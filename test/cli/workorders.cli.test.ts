/** outtask work-orders create | send | deliver | reject | accept | show | list | statements, run as a user would. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aPptx } from '../factories/documents.ts';
import { aContract, DECK_CHECKLIST } from '../factories/workorders.ts';
import { outtask } from '../helpers/cli.ts';
import { seedDataDir } from '../helpers/data-dir.ts';

describe('outtask work-orders', { timeout: 420_000 }, () => {
  let dir: string;
  let env: Record<string, string>;
  let contractId: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outtask-cli-wo-'));
    env = { OUTTASK_DATA_DIR: path.join(dir, 'data') };
    contractId = await seedDataDir(env, async (app, actor) => (await aContract(app, actor)).contractId);
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'interview notes, redacted');
    fs.writeFileSync(path.join(dir, 'deck-v1.pptx'), await aPptx(12, [12]));
    fs.writeFileSync(path.join(dir, 'deck-v2.pptx'), await aPptx(14));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const run = (...args: string[]) => {
    const r = outtask(['work-orders', ...args], env);
    expect(r.code, r.stderr).toBe(0);
    return r.stdout;
  };
  const json = (...args: string[]) => JSON.parse(run(...args, '--json'));

  it('runs an order from the command line: created with a material and sent, delivered, sent back, redelivered, approved, billed', () => {
    const order = json(
      'create',
      contractId,
      '--title',
      'Acme interviews',
      '--units',
      '14',
      '--material',
      path.join(dir, 'notes.txt'),
      '--redacted',
      '--send',
    );
    expect(order).toMatchObject({ ref: 'WO-1', state: 'sent', unitsExpected: 14, unitPriceMinor: 1100 });
    expect(order.dueAt).toEqual(expect.any(String));

    // The firm records a delivery that came by the marketplace's messages: slides read from the PPTX.
    const first = json('deliver', 'WO-1', path.join(dir, 'deck-v1.pptx'), '--note', 'First cut');
    expect(first).toMatchObject({ round: 1, units: 11, hiddenSlides: [12] });

    const changes = json(
      'reject',
      'wo-1',
      '--failed',
      DECK_CHECKLIST[2]!,
      '--comment',
      'Use our template, please.',
    );
    expect(changes).toMatchObject({
      outcome: 'changes_requested',
      reviewComment: 'Use our template, please.',
    });
    expect(changes.checklist.find((c: { item: string }) => c.item === DECK_CHECKLIST[2])?.checked).toBe(
      false,
    );

    json('deliver', 'WO-1', path.join(dir, 'deck-v2.pptx'));
    expect(json('accept', 'WO-1', '--quality', '5')).toMatchObject({ outcome: 'approved', units: 14 });

    const shown = run('show', 'WO-1');
    expect(shown).toContain('WO-1 Acme interviews (approved)');
    expect(shown).toContain('Approved: 14 slide(s) = $154.00');
    expect(shown).toMatch(/File \(material\): notes\.txt/);
    expect(run('list')).toMatch(/^WO-1 {2}approved/m);
    const [statement] = json('statements', '--from', '2000-01-01', '--to', '2100-12-31');
    expect(statement).toMatchObject({ units: 14, total: { amountMinor: 15_400, currency: 'USD' } });
  });

  it('says what is wrong: an unknown order, a checklist item not on the list, a missing file', () => {
    const none = outtask(['work-orders', 'show', 'WO-99'], env);
    expect(none.code).not.toBe(0);
    expect(none.stderr).toMatch(/No work order WO-99/);
    const item = outtask(['work-orders', 'reject', 'WO-1', '--failed', 'Nice colors', '--comment', 'x'], env);
    expect(item.code).not.toBe(0);
    expect(item.stderr).toMatch(/Not on WO-1's checklist: Nice colors/);
    const file = outtask(['work-orders', 'deliver', 'WO-1', path.join(dir, 'missing.pptx')], env);
    expect(file.code).not.toBe(0);
    expect(file.stderr).toMatch(/No file .*missing\.pptx/);
  });
});
