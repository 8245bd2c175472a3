/** outtask syntheses list|show|edits|export: the saved syntheses of a workspace, as the app keeps them. */
import fs from 'node:fs/promises';
import type { Command } from 'commander';
import { cliActor, printJson, withApp } from './context.ts';
import { table, truncate } from './format.ts';

export function registerSynthesesCommands(program: Command): void {
  const syntheses = program
    .command('syntheses')
    .description('Saved syntheses (kept from the app, edited there): list, show, edit log, export');

  syntheses
    .command('list')
    .description('Saved syntheses, last changed first')
    .option('--task <id>', 'only those attached to this task')
    .option('--engagement <name>', 'only those of this engagement')
    .option('--json', 'print JSON')
    .action(async (opts: { task?: string; engagement?: string; json?: boolean }, cmd: Command) => {
      await withApp(async (app) => {
        const actor = await cliActor(app, cmd);
        const list = await app.syntheses.list(actor, {
          ...(opts.task ? { taskId: opts.task } : {}),
          ...(opts.engagement ? { engagement: opts.engagement } : {}),
        });
        if (opts.json) return printJson(list);
        if (list.length === 0) return void process.stdout.write('No saved syntheses\n');
        process.stdout.write(
          `${table(
            ['id', 'title', 'engagement', 'task', 'interviews', 'themes', 'edits', 'updated'],
            list.map((s) => [
              s.id,
              truncate(s.title, 40),
              truncate(s.engagement, 30),
              truncate(s.task?.name ?? '', 30),
              String(s.interviews),
              String(s.themes),
              String(s.edits),
              `${s.updatedAt.slice(0, 16).replace('T', ' ')}${s.updatedBy ? ` by ${s.updatedBy.name}` : ''}`,
            ]),
          )}\n`,
        );
      });
    });

  syntheses
    .command('show')
    .description('A saved synthesis: its themes per question with how many raised each, as edited')
    .argument('<id>', 'the synthesis id (outtask syntheses list)')
    .option('--json', 'print JSON (the edited insights and the preview)')
    .action(async (id: string, opts: { json?: boolean }, cmd: Command) => {
      await withApp(async (app) => {
        const s = await app.syntheses.get(await cliActor(app, cmd), id);
        if (opts.json) return printJson(s);
        const lines = [
          `${s.title}  (${s.id}, version ${s.version})`,
          `  engagement   ${s.engagement}`,
          `  task         ${s.task?.name ?? '(none)'}`,
          `  form         ${s.formName}`,
          `  interviews   ${s.interviews}${s.anonymized ? ' (anonymized)' : ''}`,
          `  transcripts  ${s.transcripts === 'kept' ? `kept (${s.files.length} files)` : 'not kept'}`,
          `  edits        ${s.edits}${s.updatedBy ? `, last by ${s.updatedBy.name}` : ''} at ${s.updatedAt}`,
        ];
        s.preview.questions.forEach((q, i) => {
          lines.push('', `Q${i + 1}. ${q.text} (${q.answered} answered)`);
          const ids = s.insights.questions[i]?.themes ?? [];
          for (const [j, t] of q.themes.entries())
            lines.push(`  ${ids[j]?.id ?? ''}  ${t.label} — ${t.count} of ${q.answered}`);
          if (q.themes.length === 0) lines.push('  (no theme)');
        });
        process.stdout.write(`${lines.join('\n')}\n`);
      });
    });

  syntheses
    .command('edits')
    .description('The edit log of a saved synthesis, newest first: what changed, who, when')
    .argument('<id>', 'the synthesis id')
    .option('--json', 'print JSON')
    .action(async (id: string, opts: { json?: boolean }, cmd: Command) => {
      await withApp(async (app) => {
        const log = await app.syntheses.edits(await cliActor(app, cmd), id);
        if (opts.json) return printJson(log);
        if (log.length === 0) return void process.stdout.write('No edits\n');
        process.stdout.write(
          `${table(
            ['version', 'when', 'who', 'what'],
            log.map((e) => [
              String(e.version),
              e.at.slice(0, 16).replace('T', ' '),
              e.by?.name ?? '(command line)',
              truncate(e.summary, 90),
            ]),
          )}\n`,
        );
      });
    });

  syntheses
    .command('export')
    .description('Write the deck (and the report, insights.json) rendered from the edited version')
    .argument('<id>', 'the synthesis id')
    .option('--out <deck.pptx>', 'where to write the deck (default: <title>.pptx in the current folder)')
    .option('--md <report.md>', 'also write the Markdown report')
    .option('--json <insights.json>', 'also write the insights (docs/insights-schema.md)')
    .action(async (id: string, opts: { out?: string; md?: string; json?: string }, cmd: Command) => {
      await withApp(async (app) => {
        const out = await app.syntheses.render(await cliActor(app, cmd), id);
        const deckPath = opts.out ?? out.deck.fileName;
        await fs.writeFile(deckPath, out.deck.bytes);
        if (opts.md) await fs.writeFile(opts.md, out.markdown);
        if (opts.json) await fs.writeFile(opts.json, `${JSON.stringify(out.insightsFile, null, 2)}\n`);
        process.stdout.write(
          `Wrote ${deckPath} (${out.report.slideCount} slides, version ${out.version})${opts.md ? `, ${opts.md}` : ''}${opts.json ? `, ${opts.json}` : ''}\n`,
        );
      });
    });
}
