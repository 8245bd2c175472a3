/**
 * The demo workspace: a fictional consultancy with its task inventory, and an owner who can sign in.
 * Created by `npm start` on an empty database and by `outtask demo`; `outtask demo` adds step 6 in use
 * (the out-tasking services of the same app and database handle, its clock replayed through the history).
 */
import { randomBytes } from 'node:crypto';
import type { AccountsService, User, Workspace } from '../accounts/index.ts';
import type { InventoryService } from '../inventory/index.ts';
import type { IdGenerator } from '../platform/ids.ts';
import type { ProceduresService } from '../procedures/index.ts';
import { DEMO_FIRM, DEMO_FLAGSHIP_TASK_NAME, materializeDemoFirm } from './demo-firm.ts';
import { type DemoOuttaskingDeps, seedDemoOuttasking } from './demo-outtasking.ts';
import { seedDemoProcedures } from './demo-procedures.ts';

export interface DemoLogin {
  workspace: Workspace;
  owner: User;
  email: string;
  /** The password, when this call set it (absent when the owner already existed and kept theirs). */
  password: string;
}

export interface DemoDeps {
  accounts: AccountsService;
  inventory: InventoryService;
  newId: IdGenerator;
  procedures: ProceduresService;
  /** Step 6 in use (four months of out-tasked decks); left out, the demo stops at the procedures. */
  outtasking?: DemoOuttaskingDeps;
}

export async function seedDemoWorkspace(
  deps: DemoDeps,
  opts: { password?: string } = {},
): Promise<DemoLogin> {
  const firm = DEMO_FIRM;
  const workspace = await deps.accounts.createWorkspace({
    name: firm.name,
    currency: firm.currency,
    settings: { demo: true, economics: { ...firm.economics, currency: undefined } },
  });
  const founder = firm.members.find((m) => m.role === 'founder') ?? firm.members[0]!;
  const password = opts.password ?? randomBytes(9).toString('base64url');
  const owner = await deps.accounts.upsertUser({
    email: founder.email,
    name: founder.name,
    password,
    workspaceId: workspace.id,
    role: 'owner',
  });
  const rows = materializeDemoFirm(() => deps.newId(), firm);
  await deps.inventory.insertAll({ workspace, userId: null }, rows);
  // Steps 2–4 for the flagship: its 13 variants, the standard procedure and the interview form.
  await seedDemoProcedures(
    { procedures: deps.procedures, inventory: deps.inventory },
    { workspace, userId: owner.id },
    { flagshipTask: DEMO_FLAGSHIP_TASK_NAME },
  );
  if (deps.outtasking) {
    const actor = { workspace, userId: owner.id };
    const flagship = await deps.inventory.resolveTask(actor, DEMO_FLAGSHIP_TASK_NAME);
    await seedDemoOuttasking(deps.outtasking, actor, flagship.id);
  }
  return { workspace, owner, email: founder.email, password };
}
