/**
 * /api/procedures/versions/:id/steps…: the edits of a draft's steps (replace all, add, change, remove,
 * move, reorder, merge, mark and unmark waste). Every one has the same shape — If-Match in (412
 * STALE_WRITE when the draft moved on), the draft's new version out with its ETag — so each is one
 * line of the table below: its path, its body and the use case it calls.
 */
import type { z } from 'zod';
import type { WorkspaceActor } from '../platform/actor.ts';
import { withVersion, writeCondition } from '../platform/http/if-match.ts';
import { workspaceActor as actor } from '../platform/http/policy.ts';
import type { ZodRoutes } from '../platform/http/server.ts';
import type { WriteCondition } from '../platform/versioning.ts';
import {
  AddStepInput,
  MergeInput,
  MoveInput,
  ReorderInput,
  StepPatch,
  StepsInput,
  VersionView,
  WasteInput,
} from './procedures.schemas.ts';
import type { ProceduresService } from './procedures.service.ts';
import { config, IdParams, StepParams, tags } from './route-params.ts';

type Version = z.output<typeof VersionView>;

/** One edit of a draft's steps, as a route. */
interface StepEdit<P extends z.ZodType, B extends z.ZodType | undefined> {
  method: 'PUT' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  summary: string;
  params: P;
  body: B;
  /** Answers 201 (a step added) rather than 200. */
  created?: boolean;
  run: (
    actor: WorkspaceActor,
    params: z.output<P>,
    body: B extends z.ZodType ? z.output<B> : undefined,
    condition: WriteCondition,
  ) => Promise<Version>;
}

function stepEdit<P extends z.ZodType, B extends z.ZodType | undefined>(
  app: ZodRoutes,
  edit: StepEdit<P, B>,
) {
  const status = edit.created ? 201 : 200;
  app.route({
    method: edit.method,
    url: edit.url,
    config,
    schema: {
      response: { [status]: VersionView },
      tags,
      summary: edit.summary,
      params: edit.params,
      ...(edit.body ? { body: edit.body } : {}),
    },
    handler: async (req, reply) => {
      const version = await edit.run(
        actor(req),
        req.params as z.output<P>,
        req.body as B extends z.ZodType ? z.output<B> : undefined,
        writeCondition(req),
      );
      return reply.status(status).send(withVersion(reply, version));
    },
  });
}

export function draftStepRoutes(app: ZodRoutes, procedures: ProceduresService): void {
  const steps = '/versions/:id/steps';
  const step = `${steps}/:stepId`;
  stepEdit(app, {
    method: 'PUT',
    url: steps,
    summary: "Save a draft's whole step list",
    params: IdParams,
    body: StepsInput,
    run: (a, p, body, c) => procedures.replaceSteps(a, p.id, body, c),
  });
  stepEdit(app, {
    method: 'POST',
    url: steps,
    summary: 'Add a step to a draft',
    params: IdParams,
    body: AddStepInput,
    created: true,
    run: (a, p, body, c) => procedures.addStep(a, p.id, body, c),
  });
  stepEdit(app, {
    method: 'PATCH',
    url: step,
    summary: 'Change a step of a draft',
    params: StepParams,
    body: StepPatch,
    run: (a, p, body, c) => procedures.updateStep(a, p.id, p.stepId, body, c),
  });
  stepEdit(app, {
    method: 'DELETE',
    url: step,
    summary: 'Remove a step from a draft',
    params: StepParams,
    body: undefined,
    run: (a, p, _, c) => procedures.deleteStep(a, p.id, p.stepId, c),
  });
  stepEdit(app, {
    method: 'POST',
    url: `${step}/move`,
    summary: 'Move a step to a position (0-based)',
    params: StepParams,
    body: MoveInput,
    run: (a, p, body, c) => procedures.moveStep(a, p.id, p.stepId, body.to, c),
  });
  stepEdit(app, {
    method: 'POST',
    url: '/versions/:id/reorder',
    summary: 'Put the steps in a new order',
    params: IdParams,
    body: ReorderInput,
    run: (a, p, body, c) => procedures.reorderSteps(a, p.id, body, c),
  });
  stepEdit(app, {
    method: 'POST',
    url: '/versions/:id/merge',
    summary: 'Merge steps into one',
    params: IdParams,
    body: MergeInput,
    run: (a, p, body, c) => procedures.mergeSteps(a, p.id, body, c),
  });
  stepEdit(app, {
    method: 'POST',
    url: `${step}/waste`,
    summary: 'Mark a step as waste, with the reason',
    params: StepParams,
    body: WasteInput,
    run: (a, p, body, c) => procedures.markWaste(a, p.id, p.stepId, body, c),
  });
  stepEdit(app, {
    method: 'DELETE',
    url: `${step}/waste`,
    summary: 'Keep a step marked as waste after all',
    params: StepParams,
    body: undefined,
    run: (a, p, _, c) => procedures.clearWaste(a, p.id, p.stepId, c),
  });
}
