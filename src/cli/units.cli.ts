/** `outtask units FILE`: the billable units of a delivered file (no server, no database). Thin. */
import type { Command } from 'commander';

const units = () => import('../units/index.ts');

export function registerUnitsCommands(program: Command): void {
  program
    .command('units')
    .description(
      'Count the billable units of a delivered file: slides of a PPTX (hidden ones apart), pages of a DOCX or PDF',
    )
    .argument('<file>', 'a .pptx, .docx or .pdf file')
    .option('--json', 'print { file, unit, units, … } as JSON', false)
    .action(async (file: string, opts: { json: boolean }) => {
      const { unitsOfFile } = await units();
      const count = await unitsOfFile(file);
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(count, null, 2)}\n`);
        return;
      }
      const plural = count.units === 1 ? count.unit : `${count.unit}s`;
      const hidden = count.hiddenSlides ?? [];
      const extra =
        hidden.length > 0
          ? ` (${hidden.length} hidden slide${hidden.length === 1 ? '' : 's'} not counted: ${hidden.join(', ')})`
          : '';
      process.stdout.write(
        `${file}: ${count.estimated ? 'about ' : ''}${count.units} ${plural}${extra} — ${count.basis}\n`,
      );
    });
}
