/** Use cases of step 1: members, processes, tasks, imports. Economics are computed by ./economics. */

import type { WorkspaceActor } from '../platform/actor.ts';
import { recordAudit } from '../platform/audit/audit.store.ts';
import { claimRowVersion } from '../platform/db/row-version.ts';
import { nowIso, type ServiceDeps } from '../platform/deps.ts';
import { AppError } from '../platform/errors.ts';
import { staleWrite, type WriteCondition } from '../platform/versioning.ts';
import { createImportsService } from './imports.service.ts';
import type { MemberInputT, MemberPatchT, TaskInputT, TaskPatchT } from './inventory.schemas.ts';
import { inventoryStore } from './inventory.store.ts';
import type { Measurement, Member, Process, Task, TaskFields } from './inventory.ts';
import { measurementsStore } from './measurements.store.ts';

/** Who acts: a signed-in user, or the local CLI (userId null). */
export type InventoryActor = WorkspaceActor;

export type { ImportReport } from './imports.service.ts';

export function createInventoryService(deps: ServiceDeps, opts: { importMaxBytes: number }) {
  const db = deps.db.kysely;

  async function requireTask(ws: string, id: string): Promise<Task> {
    const t = await inventoryStore.findTask(db, ws, id);
    if (!t) throw new AppError('TASK_NOT_FOUND', `No task with id ${id}`);
    return t;
  }

  /** The process and performer a task names exist in the workspace (only those given are checked). */
  async function checkReferences(
    ws: string,
    t: Partial<Pick<Task, 'processId' | 'performerId'>>,
    on: typeof db = db,
  ): Promise<void> {
    if (t.processId !== undefined) {
      const processes = await inventoryStore.listProcesses(on, ws);
      if (!processes.some((p) => p.id === t.processId)) {
        throw new AppError('PROCESS_NOT_FOUND', `No process with id ${t.processId}`, { field: 'processId' });
      }
    }
    if (t.performerId && !(await inventoryStore.findMember(on, ws, t.performerId))) {
      throw new AppError('MEMBER_NOT_FOUND', `No member with id ${t.performerId}`, { field: 'performerId' });
    }
  }

  /** Why a task write matched no row: the task is gone, or it moved past the expected version. */
  async function refuseTaskWrite(on: typeof db, ws: string, id: string, c: WriteCondition): Promise<never> {
    const current = await inventoryStore.findTask(on, ws, id);
    if (!current) throw new AppError('TASK_NOT_FOUND', `No task with id ${id}`);
    throw staleWrite('task', id, c.expectedVersion ?? -1, current.version ?? 0, current);
  }

  async function writeTask(
    actor: InventoryActor,
    id: string,
    fields: Partial<TaskFields>,
    condition: WriteCondition,
  ): Promise<Task> {
    const ws = actor.workspace.id;
    const task = await db.transaction().execute(async (trx) => {
      await checkReferences(ws, fields, trx);
      if (Object.keys(fields).length === 0) {
        // Nothing to write: no new version (it would refuse others' writes for no change).
        const current = await inventoryStore.findTask(trx, ws, id);
        const v = condition.expectedVersion;
        if (current && (v === undefined || v === current.version)) return current;
        return refuseTaskWrite(trx, ws, id, condition);
      }
      const stored = await inventoryStore
        .patchTask(trx, ws, id, fields, nowIso(deps), condition.expectedVersion)
        .catch((cause) => {
          throw uniqueTaskError(cause, fields.name);
        });
      return stored ?? refuseTaskWrite(trx, ws, id, condition);
    });
    await audit(actor, 'task.update', 'task', id, { fields: Object.keys(fields) });
    return task;
  }

  const audit = (
    actor: InventoryActor,
    action: string,
    subjectType: string,
    subjectId: string | null,
    details?: Record<string, unknown>,
  ) => recordAudit(db, deps, actor, { action, subjectType, subjectId, ...(details ? { details } : {}) });

  return {
    listMembers: (actor: InventoryActor) => inventoryStore.listMembers(db, actor.workspace.id),
    listProcesses: (actor: InventoryActor) => inventoryStore.listProcesses(db, actor.workspace.id),
    listTasks: (actor: InventoryActor) => inventoryStore.listTasks(db, actor.workspace.id),
    getTask: (actor: InventoryActor, id: string) => requireTask(actor.workspace.id, id),
    measurements: (actor: InventoryActor, taskId?: string): Promise<Map<string, Measurement[]>> =>
      measurementsStore.measurements(db, actor.workspace.id, taskId),

    /** A task by id, by name, or by "Process / Task" when a name is used in several processes. */
    async resolveTask(actor: InventoryActor, ref: string): Promise<Task> {
      const ws = actor.workspace.id;
      const byId = await inventoryStore.findTask(db, ws, ref);
      if (byId) return byId;
      const tasks = await inventoryStore.listTasks(db, ws);
      const norm = (s: string) => s.trim().toLowerCase();
      let matches = tasks.filter((t) => norm(t.name) === norm(ref));
      if (matches.length !== 1 && ref.includes('/')) {
        const processes = await inventoryStore.listProcesses(db, ws);
        const [p, ...rest] = ref.split('/');
        const proc = processes.find((x) => norm(x.name) === norm(p ?? ''));
        matches = tasks.filter((t) => t.processId === proc?.id && norm(t.name) === norm(rest.join('/')));
      }
      if (matches.length === 1) return matches[0]!;
      if (matches.length > 1) {
        throw new AppError(
          'TASK_AMBIGUOUS',
          `"${ref}" names ${matches.length} tasks: write it as "Process / Task" or use the id`,
        );
      }
      const close = tasks.filter((t) => norm(t.name).includes(norm(ref))).slice(0, 5);
      throw new AppError(
        'TASK_NOT_FOUND',
        `No task "${ref}"${close.length ? `; did you mean: ${close.map((t) => `"${t.name}"`).join(', ')}?` : ''}`,
      );
    },

    /** Bulk insert of whole rows (demo workspace, restores of exported inventories), in one transaction. */
    async insertAll(
      actor: InventoryActor,
      data: { members: Member[]; processes: Process[]; tasks: Task[] },
    ): Promise<void> {
      const ws = actor.workspace.id;
      const now = nowIso(deps);
      await db.transaction().execute(async (trx) => {
        for (const m of data.members) await inventoryStore.insertMember(trx, ws, m, now);
        let position = 0;
        for (const p of data.processes) await inventoryStore.insertProcess(trx, ws, p, position++, now);
        await inventoryStore.insertTasks(trx, deps.db, ws, data.tasks, now);
      });
    },

    async createMember(actor: InventoryActor, data: MemberInputT): Promise<Member> {
      const m: Member = { id: deps.newId(), ...data, version: 1 };
      const existing = await inventoryStore.listMembers(db, actor.workspace.id);
      if (existing.some((x) => x.name.toLowerCase() === m.name.toLowerCase())) {
        throw new AppError('MEMBER_NAME_TAKEN', `A member named "${m.name}" already exists`, {
          field: 'name',
        });
      }
      await inventoryStore.insertMember(db, actor.workspace.id, m, nowIso(deps));
      await audit(actor, 'member.create', 'member', m.id);
      return m;
    },

    /**
     * Changes the fields a patch sends, on the member as stored when the write takes it (so two
     * people changing different fields both keep theirs). With `expectedVersion` (If-Match) it is
     * refused with STALE_WRITE and the member as it is now when someone saved first.
     */
    async updateMember(
      actor: InventoryActor,
      id: string,
      fields: MemberPatchT,
      condition: WriteCondition = {},
    ): Promise<Member> {
      const ws = actor.workspace.id;
      const member = await db.transaction().execute(async (trx) => {
        if ((await claimRowVersion(trx, 'members', ws, id, condition.expectedVersion)) === undefined) {
          const current = await inventoryStore.findMember(trx, ws, id);
          if (!current) throw new AppError('MEMBER_NOT_FOUND', `No member with id ${id}`);
          throw staleWrite('member', id, condition.expectedVersion ?? -1, current.version ?? 0, current);
        }
        const current = (await inventoryStore.findMember(trx, ws, id))!;
        if (
          fields.name !== undefined &&
          (await inventoryStore.listMembers(trx, ws)).some(
            (x) => x.id !== id && x.name.toLowerCase() === fields.name!.toLowerCase(),
          )
        ) {
          throw new AppError('MEMBER_NAME_TAKEN', `A member named "${fields.name}" already exists`, {
            field: 'name',
          });
        }
        return inventoryStore.writeClaimedMember(trx, ws, { ...current, ...fields }, nowIso(deps));
      });
      await audit(actor, 'member.update', 'member', id, { fields: Object.keys(fields) });
      return member;
    },

    /** The economics settings changed (by the owner): which fields, for the audit trail. */
    auditSettingsChange: (actor: InventoryActor, fields: string[]) =>
      audit(actor, 'settings.economics.update', 'workspace', actor.workspace.id, { fields }),

    async createProcess(
      actor: InventoryActor,
      input: { name: string; description?: string },
    ): Promise<Process> {
      const name = input.name.trim();
      if (!name) throw new AppError('VALIDATION_FAILED', 'Process name must not be empty', { field: 'name' });
      const all = await inventoryStore.listProcesses(db, actor.workspace.id);
      if (all.some((p) => p.name.toLowerCase() === name.toLowerCase())) {
        throw new AppError('PROCESS_NAME_TAKEN', `A process named "${name}" already exists`, {
          field: 'name',
        });
      }
      const p: Process = { id: deps.newId(), name, description: input.description ?? '' };
      await inventoryStore.insertProcess(db, actor.workspace.id, p, all.length, nowIso(deps));
      return p;
    },

    async createTask(actor: InventoryActor, data: TaskInputT): Promise<Task> {
      await checkReferences(actor.workspace.id, data);
      const t: Task = { id: deps.newId(), ...data };
      await inventoryStore.insertTask(db, actor.workspace.id, t, nowIso(deps)).catch((cause) => {
        throw uniqueTaskError(cause, t.name);
      });
      await audit(actor, 'task.create', 'task', t.id);
      return t;
    },

    /**
     * Changes the fields a patch sends, and only those, in one transaction: concurrent patches of
     * different fields all keep their change. With `expectedVersion` (HTTP If-Match) the write is a
     * compare-and-set, refused with STALE_WRITE (and the task as it is now) when someone wrote first.
     */
    async updateTask(
      actor: InventoryActor,
      id: string,
      fields: TaskPatchT,
      condition: WriteCondition = {},
    ): Promise<Task> {
      return writeTask(actor, id, fields, condition);
    },

    /**
     * Sets how many ways the task is done today. Procedures set it to 1 when a standard procedure
     * replaces the recorded ways; only this field changes.
     */
    async setKnownVariants(actor: InventoryActor, id: string, count: number): Promise<Task> {
      if (!Number.isInteger(count) || count < 1 || count > 1000) {
        throw new AppError(
          'VALIDATION_FAILED',
          `Known variants must be a whole number from 1 to 1000, got ${count}`,
          {
            field: 'knownVariants',
          },
        );
      }
      return writeTask(actor, id, { knownVariants: count }, {});
    },

    /** Deletes a task; with `expectedVersion`, only if nobody changed it since (else STALE_WRITE). */
    async deleteTask(actor: InventoryActor, id: string, condition: WriteCondition = {}): Promise<void> {
      const ws = actor.workspace.id;
      await db.transaction().execute(async (trx) => {
        if ((await inventoryStore.deleteTask(trx, ws, id, condition.expectedVersion)) === 0) {
          await refuseTaskWrite(trx, ws, id, condition);
        }
      });
      await audit(actor, 'task.delete', 'task', id);
    },

    ...createImportsService(deps, opts),
  };
}

function uniqueTaskError(cause: unknown, name: string | undefined): unknown {
  const msg = String((cause as Error)?.message ?? '');
  if (/unique/i.test(msg)) {
    return new AppError(
      'TASK_NAME_TAKEN',
      name === undefined
        ? 'A task of the same name already exists in that process'
        : `A task named "${name}" already exists in this process`,
      { field: 'name' },
      { cause },
    );
  }
  return cause;
}

export type InventoryService = ReturnType<typeof createInventoryService>;
