/** posts render | compile | show: job posts for talent marketplaces. Thin: parse options, call the service, print. */
import { type Command, Option } from 'commander';
import { MARKETPLACES } from '../marketplace/marketplace.schemas.ts';
import { cliActor, printJson, withApp } from './context.ts';

type MarketplaceOpt = (typeof MARKETPLACES)[number];

export function registerPostsCommands(program: Command): void {
  const posts = program
    .command('posts')
    .description(
      'Job posts (step 6): compiled from an approved standard procedure, rendered per marketplace',
    );

  posts
    .command('render')
    .description(
      "The task's post within a marketplace's own fields and limits (a field over its limit is shortened at a word, with a warning)",
    )
    .argument('<task>', 'task id or name')
    .addOption(
      new Option('--marketplace <name>', 'where it will be posted')
        .choices([...MARKETPLACES])
        .makeOptionMandatory(),
    )
    .option(
      '--json',
      'print JSON: { marketplace, fields: { title, description, … }, warnings, postingUrl }',
      false,
    )
    .action(async (taskRef: string, opts: { marketplace: MarketplaceOpt; json: boolean }, cmd: Command) => {
      await withApp(async (app) => {
        const actor = await cliActor(app, cmd);
        const r = await app.marketplace.renderTask(actor, taskRef, opts.marketplace);
        if (opts.json) {
          return printJson({
            marketplace: r.marketplace,
            fields: r.fields,
            warnings: r.warnings,
            postingUrl: r.postingUrl,
            post: r.postId ? { id: r.postId, version: r.postVersion } : null,
          });
        }
        const out: string[] = [`${r.label}${r.postingUrl ? ` — post at ${r.postingUrl}` : ''}`, ''];
        for (const l of r.layout) {
          const v = r.fields[l.field];
          const limit = l.maxItems
            ? ` (at most ${l.maxItems})`
            : l.max
              ? ` (at most ${l.max} characters)`
              : '';
          out.push(`== ${l.label}${limit}`);
          out.push(Array.isArray(v) ? v.map((x) => `- ${x}`).join('\n') : (v ?? ''));
          out.push('');
        }
        if (!r.postId)
          out.push(
            '(Not stored yet: compiled from the approved procedure. `outtask posts compile` stores it.)',
          );
        for (const w of r.warnings) out.push(`warning: ${w.field}: ${w.message}`);
        process.stdout.write(`${out.join('\n').trimEnd()}\n`);
      });
    });

  posts
    .command('compile')
    .description("Compile the task's post from its latest approved standard procedure (a new post version)")
    .argument('<task>', 'task id or name')
    .option('--json', 'print JSON: the post', false)
    .action(async (taskRef: string, opts: { json: boolean }, cmd: Command) => {
      await withApp(async (app) => {
        const actor = await cliActor(app, cmd);
        const post = await app.marketplace.compile(actor, taskRef);
        if (opts.json) return printJson(post);
        process.stdout.write(
          `Post "${post.content.title}" version ${post.version}, from procedure version ${post.procedureVersion.number}\n`,
        );
      });
    });

  posts
    .command('show')
    .description("The task's post: its current version and content")
    .argument('<task>', 'task id or name')
    .option('--json', 'print JSON: the post, or null', false)
    .action(async (taskRef: string, opts: { json: boolean }, cmd: Command) => {
      await withApp(async (app) => {
        const actor = await cliActor(app, cmd);
        const post = await app.marketplace.postForTask(actor, taskRef);
        if (opts.json) return printJson(post);
        if (!post) {
          process.stdout.write(
            'No post yet: `outtask posts compile TASK` compiles one from the approved procedure.\n',
          );
          return;
        }
        const c = post.content;
        process.stdout.write(
          `${c.title}\nVersion ${post.version} (procedure version ${post.procedureVersion.number}${post.newerProcedureVersion ? `; version ${post.newerProcedureVersion} is approved: recompile` : ''})\n\n${c.summary}\n`,
        );
      });
    });
}
