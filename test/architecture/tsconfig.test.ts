/**
 * Two halves, two compilations: the web app's config (web/tsconfig.json) takes in web/src and the
 * libraries it uses, never a server file and never Node's types, so the browser's code cannot lean on
 * the server's even by a type. The program is only read (parsed and resolved), not type-checked:
 * `npm run typecheck` does that for both configs.
 */
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from './import-graph.ts';

/** The files a tsconfig's program takes in, relative to the repository, libraries left out. */
function programFiles(configFile: string): { files: string[]; types: string[] } {
  const read = ts.readConfigFile(configFile, ts.sys.readFile);
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(configFile));
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
  const all = program.getSourceFiles().map((f) => path.relative(ROOT, f.fileName));
  return {
    files: all.filter((f) => !f.includes('node_modules/')),
    types: all.flatMap((f) => /node_modules\/@types\/([^/]+)\//.exec(f)?.[1] ?? []),
  };
}

describe('the web config', () => {
  const web = programFiles(path.join(ROOT, 'web/tsconfig.json'));

  it('compiles web/src only: no server file, no test, no script', () => {
    expect(web.files).toContain('web/src/main.tsx');
    expect(web.files).toContain('web/src/api/schema.gen.ts');
    expect(web.files.filter((f) => !f.startsWith('web/src/'))).toEqual([]);
  });

  it('takes no Node types', () => {
    expect([...new Set(web.types)]).not.toContain('node');
  });
});

describe('the server config', () => {
  it('leaves the web app to its own config', () => {
    const read = ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), ts.sys.readFile);
    const include: string[] = read.config.include;
    expect(include).not.toContain('web/src');
    expect(include.filter((p) => p.startsWith('web/'))).toEqual(['web/vite.config.ts']);
  });
});
