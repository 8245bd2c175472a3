/**
 * The two sides of a work order over HTTP, for a suite: a signed-in firm (`t`, its owner's cookies in
 * `t.cookies`) with an awarded contract (`c`), and that contract's out-tasker signed in (`worker`, their
 * cookies). Registers the suite's beforeAll and afterAll; the fields are set before the first test.
 */
import { afterAll, beforeAll } from 'vitest';
import { aContract, type ContractFixture } from '../factories/workorders.ts';
import { signedInApp } from './app.ts';
import type { DialectName } from './db.ts';

export interface WorkOrderSides {
  t: Awaited<ReturnType<typeof signedInApp>>;
  c: ContractFixture;
  worker: Record<string, string>;
}

export function workOrderSides(dialect: DialectName): WorkOrderSides {
  const sides = {} as WorkOrderSides;
  beforeAll(async () => {
    sides.t = await signedInApp(dialect);
    sides.c = await aContract(sides.t.services, sides.t.owner.actor);
    sides.worker = await sides.t.login(sides.c.outtasker.email, sides.c.outtasker.password);
  });
  afterAll(async () => sides.t?.close());
  return sides;
}
