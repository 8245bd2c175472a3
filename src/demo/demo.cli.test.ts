/** `outtask demo`: creates the demo workspace once, ready to sign in to, with the flagship first. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { outtask } from '../../test/helpers/cli.ts';
import { DEMO_FIRM, DEMO_FLAGSHIP_TASK_NAME } from './demo-firm.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outtask-demo-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const env = { OUTTASK_DATA_DIR: dir };

describe('outtask demo', { timeout: 180_000 }, () => {
  it('creates the demo workspace once, with its login, and ranks the flagship first', () => {
    const demo = outtask(['demo', '--password', 'demo-password-1'], env);
    expect(demo.code).toBe(0);
    const founder = DEMO_FIRM.members.find((m) => m.role === 'founder')!;
    expect(demo.stdout).toContain(`Demo workspace "${DEMO_FIRM.name}" created.`);
    expect(demo.stdout).toContain(`as ${founder.email}`);

    const r = outtask(['opportunities', '--top', '1', '--json'], env);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { opportunities: { name: string }[] }).opportunities[0]!.name).toBe(
      DEMO_FLAGSHIP_TASK_NAME,
    );
    const show = outtask(['procedures', 'show', DEMO_FLAGSHIP_TASK_NAME], env);
    expect(show.stdout).toContain('Ways recorded: 13 (0 in use, 13 retired by the standard)');

    const again = outtask(['demo'], env);
    expect(again.code).toBe(4);
    expect(again.stderr).toContain('The demo workspace already exists');
  });
});
