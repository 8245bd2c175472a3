/**
 * Job posts: compile one from a task's approved standard procedure (a new post, or a new version of
 * the task's post), edit it (each edit a new version), read it with its history. One file for the
 * family: they share the lookups below and are each a few lines.
 */
import { occurrencesPerYear } from '../../inventory/index.ts';
import { nowIso } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { staleWrite } from '../../platform/versioning.ts';
import type { ProceduresService } from '../../procedures/index.ts';
import { type PostRow, type PostVersionRow, marketplaceStore as store } from '../marketplace.store.ts';
import {
  checkContent,
  compilePost,
  type JobPost,
  type PostContent,
  type PostListRow,
  type PostVersionSummary,
} from '../post.ts';
import type { MarketplaceActor, MarketplaceContext } from './context.ts';

type TaskOverview = Awaited<ReturnType<ProceduresService['taskOverview']>>;
type VersionRef = TaskOverview['versions'][number];

function latestApproved(o: TaskOverview): VersionRef | undefined {
  return o.versions.filter((v) => v.status === 'approved').sort((a, b) => b.number - a.number)[0];
}

/** The post compiled from the task's latest approved version, not stored (what a render without a post uses). */
export async function draftPost(
  ctx: MarketplaceContext,
  actor: MarketplaceActor,
  taskRef: string,
): Promise<{ overview: TaskOverview; version: VersionRef; content: PostContent }> {
  const overview = await ctx.procedures.taskOverview(actor, taskRef);
  const version = latestApproved(overview);
  if (!version) {
    throw new AppError(
      'PROCEDURE_NOT_APPROVED',
      `"${overview.task.name}" has no approved standard procedure yet: a post is compiled from an approved version (approve one in Procedures first)`,
      { taskId: overview.task.id },
    );
  }
  const { brief } = await ctx.procedures.brief(actor, version.id, 'md');
  return {
    overview,
    version,
    content: compilePost(brief, overview.task, {
      currency: actor.workspace.currency,
      ordersPerYear: occurrencesPerYear(overview.task.frequency),
    }),
  };
}

async function view(
  ctx: MarketplaceContext,
  actor: MarketplaceActor,
  post: PostRow,
  overview?: TaskOverview,
): Promise<JobPost> {
  const current = await store.getVersion(ctx.db, post.id, post.version);
  if (!current) throw new AppError('INTERNAL', `Post ${post.id} has no version ${post.version}`);
  const o = overview ?? (await ctx.procedures.taskOverview(actor, post.taskId));
  const newest = latestApproved(o);
  return {
    id: post.id,
    taskId: post.taskId,
    taskName: o.task.name,
    version: post.version,
    procedureVersion: { id: current.procedureVersionId, number: current.procedureVersionNumber },
    newerProcedureVersion: newest && newest.number > current.procedureVersionNumber ? newest.number : null,
    content: current.content,
    edited: current.edited,
    createdAt: post.createdAt,
    updatedAt: post.updatedAt,
  };
}

export async function requirePost(
  ctx: MarketplaceContext,
  actor: MarketplaceActor,
  id: string,
): Promise<PostRow> {
  const post = await store.findPost(ctx.db, actor.workspace.id, id);
  if (!post) throw new AppError('POST_NOT_FOUND', `No job post ${id} in this workspace`, { id });
  return post;
}

export async function getPost(
  ctx: MarketplaceContext,
  actor: MarketplaceActor,
  id: string,
): Promise<JobPost> {
  return view(ctx, actor, await requirePost(ctx, actor, id));
}

/** The task's post, or null when none was compiled yet. */
export async function postForTask(
  ctx: MarketplaceContext,
  actor: MarketplaceActor,
  taskRef: string,
): Promise<JobPost | null> {
  const overview = await ctx.procedures.taskOverview(actor, taskRef);
  const post = await store.findPostByTask(ctx.db, actor.workspace.id, overview.task.id);
  return post ? view(ctx, actor, post, overview) : null;
}

export async function listPosts(ctx: MarketplaceContext, actor: MarketplaceActor): Promise<PostListRow[]> {
  const posts = await store.listPosts(ctx.db, actor.workspace.id);
  const out: PostListRow[] = [];
  for (const p of posts) {
    const v = await store.getVersion(ctx.db, p.id, p.version);
    const o = await ctx.procedures.taskOverview(actor, p.taskId);
    if (!v) continue;
    out.push({
      id: p.id,
      taskId: p.taskId,
      taskName: o.task.name,
      title: v.content.title,
      version: p.version,
      procedureVersion: v.procedureVersionNumber,
      edited: v.edited,
      updatedAt: p.updatedAt,
    });
  }
  return out;
}

async function addVersion(
  ctx: MarketplaceContext,
  actor: MarketplaceActor,
  post: PostRow | undefined,
  taskId: string,
  v: Omit<PostVersionRow, 'version' | 'createdBy' | 'createdAt'>,
  expected: number | undefined,
  action: string,
): Promise<PostRow> {
  const now = nowIso(ctx.deps);
  const ws = actor.workspace.id;
  return ctx.db.transaction().execute(async (trx) => {
    let row: PostRow;
    if (!post) {
      row = {
        id: ctx.deps.newId(),
        taskId,
        version: 1,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      };
      await store.insertPost(trx, ws, row);
    } else {
      const from = expected ?? post.version;
      if (!(await store.bumpVersion(trx, post.id, from, post.version + 1, now))) {
        const fresh = await store.findPost(trx, ws, post.id);
        throw staleWrite('job post', post.id, from, fresh?.version ?? -1);
      }
      row = { ...post, version: post.version + 1, updatedAt: now };
    }
    await store.insertVersion(trx, row.id, {
      ...v,
      version: row.version,
      createdBy: actor.userId,
      createdAt: now,
    });
    await ctx.audit(trx, actor, action, 'job_post', row.id, {
      version: row.version,
      procedureVersion: v.procedureVersionNumber,
    });
    return row;
  });
}

/**
 * Compiles the task's post from its latest approved procedure version: the first version of a new
 * post, or a new version of the task's post (staff edits are replaced: the history keeps them).
 */
export async function compileTaskPost(
  ctx: MarketplaceContext,
  actor: MarketplaceActor,
  taskRef: string,
): Promise<JobPost> {
  const { overview, version, content } = await draftPost(ctx, actor, taskRef);
  const existing = await store.findPostByTask(ctx.db, actor.workspace.id, overview.task.id);
  const row = await addVersion(
    ctx,
    actor,
    existing,
    overview.task.id,
    {
      procedureVersionId: version.id,
      procedureVersionNumber: version.number,
      content,
      edited: false,
      note: `Compiled from procedure version ${version.number}`,
    },
    undefined,
    existing ? 'post.recompile' : 'post.compile',
  );
  return view(ctx, actor, row, overview);
}

/** Staff's edit: a new version with the content as given (tidied and checked), on the same procedure version. */
export async function editPost(
  ctx: MarketplaceContext,
  actor: MarketplaceActor,
  id: string,
  input: { content: PostContent; expectedVersion?: number; note?: string },
): Promise<JobPost> {
  const post = await requirePost(ctx, actor, id);
  const content = checkContent(input.content);
  const current = await store.getVersion(ctx.db, post.id, post.version);
  if (!current) throw new AppError('INTERNAL', `Post ${post.id} has no version ${post.version}`);
  const row = await addVersion(
    ctx,
    actor,
    post,
    post.taskId,
    {
      procedureVersionId: current.procedureVersionId,
      procedureVersionNumber: current.procedureVersionNumber,
      content,
      edited: true,
      note: input.note?.trim() || 'Edited',
    },
    input.expectedVersion,
    'post.edit',
  );
  return view(ctx, actor, row);
}

export async function postVersions(
  ctx: MarketplaceContext,
  actor: MarketplaceActor,
  id: string,
): Promise<PostVersionSummary[]> {
  const post = await requirePost(ctx, actor, id);
  return store.listVersions(ctx.db, post.id);
}

/** One past version's content (what was posted where, later). */
export async function postVersion(
  ctx: MarketplaceContext,
  actor: MarketplaceActor,
  id: string,
  version: number,
): Promise<PostVersionSummary & { content: PostContent }> {
  const post = await requirePost(ctx, actor, id);
  const v = await store.getVersion(ctx.db, post.id, version);
  if (!v) throw new AppError('POST_NOT_FOUND', `Job post ${id} has no version ${version}`, { id, version });
  return {
    version: v.version,
    procedureVersion: v.procedureVersionNumber,
    edited: v.edited,
    note: v.note,
    createdAt: v.createdAt,
    createdBy: v.createdBy,
    content: v.content,
  };
}
