/**
 * The project's import graph and the rules of direction it must keep (docs/architecture.md,
 * "Rules of direction"), as data and pure checks, so the test can run them on the real tree and on
 * planted violations alike. Imports are read with TypeScript's own pre-processor (static, dynamic
 * and re-exports; type-only imports count too: they tie files together as well).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, posix, relative } from 'node:path';
import ts from 'typescript';

/** One file's imports: the specifier as written, and the repository path it resolves to (relative ones). */
export interface ImportEdge {
  specifier: string;
  /** Repository-relative path of the imported file, for relative specifiers that name a file of the tree. */
  target: string | null;
  /** Only types are imported (`import type`, `export type … from`): erased, nothing is loaded at run time. */
  typeOnly: boolean;
}

export type ImportGraph = Map<string, ImportEdge[]>;

const SOURCE = /\.(ts|tsx)$/;
/** Tests and their helpers may reach into what they test; the rules are for the shipped code. */
const NOT_SHIPPED = /(\.test\.tsx?|\.test-helpers\.ts|\/fixtures\/.*|\.d\.ts)$/;

export function listSources(root: string, dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(join(root, d), { withFileTypes: true })) {
      const p = posix.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (SOURCE.test(e.name) && !NOT_SHIPPED.test(p)) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

/** The import graph of the given files (repository-relative paths), read from disk under root. */
export function readGraph(root: string, files: readonly string[]): ImportGraph {
  const known = new Set(files);
  const graph: ImportGraph = new Map();
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8');
    graph.set(file, importsOf(file, text, known));
  }
  return graph;
}

/** The imports of one file's text; relative ones resolved against the set of known files. */
export function importsOf(file: string, text: string, known: ReadonlySet<string>): ImportEdge[] {
  const info = ts.preProcessFile(text, true, true);
  const typeOnly = typeOnlySpecifiers(file, text);
  return info.importedFiles.map(({ fileName: specifier }) => {
    const edge = { specifier, typeOnly: typeOnly.has(specifier) };
    if (!specifier.startsWith('.')) return { ...edge, target: null };
    const base = posix.normalize(posix.join(posix.dirname(file), specifier));
    const target = [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`].find((c) =>
      known.has(c),
    );
    return { ...edge, target: target ?? (SOURCE.test(base) ? base : null) };
  });
}

/** The specifiers a file imports types from only (every import or re-export of it is type-only). */
function typeOnlySpecifiers(file: string, text: string): Set<string> {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const typeOnly = new Set<string>();
  const value = new Set<string>();
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
      const c = st.importClause;
      const onlyTypes =
        !!c &&
        (c.isTypeOnly ||
          (!c.name &&
            !!c.namedBindings &&
            ts.isNamedImports(c.namedBindings) &&
            c.namedBindings.elements.length > 0 &&
            c.namedBindings.elements.every((e) => e.isTypeOnly)));
      (onlyTypes ? typeOnly : value).add(st.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(st) && st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier)) {
      (st.isTypeOnly ? typeOnly : value).add(st.moduleSpecifier.text);
    }
  }
  // import('…') calls load at run time too.
  for (const m of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]/g)) value.add(m[1]!);
  for (const v of value) typeOnly.delete(v);
  return typeOnly;
}

/** Every cycle of the graph, each once (rotated to start at its smallest file). */
export function findCycles(graph: ImportGraph): string[][] {
  // Tarjan's strongly connected components; a component of more than one file (or a file importing
  // itself) holds at least one cycle, and one shortest cycle through it is reported.
  let index = 0;
  const stack: string[] = [];
  const on = new Set<string>();
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const components: string[][] = [];
  const next = (f: string) =>
    (graph.get(f) ?? []).map((e) => e.target).filter((t): t is string => t !== null && graph.has(t));
  const connect = (v: string) => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    on.add(v);
    for (const w of next(v)) {
      if (!idx.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const c: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        c.push(w);
      } while (w !== v);
      if (c.length > 1 || next(v).includes(v)) components.push(c);
    }
  };
  for (const f of [...graph.keys()].sort()) if (!idx.has(f)) connect(f);
  return components
    .map((c) => shortestCycle(c.sort()[0]!, new Set(c), next))
    .sort((a, b) => a[0]!.localeCompare(b[0]!));
}

function shortestCycle(start: string, within: Set<string>, next: (f: string) => string[]): string[] {
  const prev = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const v = queue.shift()!;
    for (const w of next(v)) {
      if (w === start) {
        const path = [v];
        while (path[0] !== start) path.unshift(prev.get(path[0]!)!);
        return [...path, start];
      }
      if (within.has(w) && !prev.has(w)) {
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}

export interface Violation {
  rule: string;
  file: string;
  specifier: string;
}

/** The feature a server file belongs to: its top folder under src/ (null for src/main.ts). */
export function featureOf(file: string): string | null {
  const m = /^src\/([^/]+)\//.exec(file);
  return m ? m[1]! : null;
}

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const isNodeBuiltin = (s: string) => s.startsWith('node:') || NODE_BUILTINS.has(s.split('/')[0]!);
const packageOf = (s: string) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!);

/**
 * A feature's public entries: index.ts (its whole surface) and <feature>.schemas.ts (the zod
 * contract of its edges, light by rule, for an edge that must not load the whole feature).
 */
const isPublicEntry = (target: string, feature: string) =>
  target === `src/${feature}/index.ts` ||
  target === `src/${feature}/${feature}.schemas.ts` ||
  target in PUBLISHED_PARTS;

/**
 * Parts a feature publishes apart from its index.ts, each with why: loading them must not load the
 * rest of the feature, or the rest must not load them.
 */
export const PUBLISHED_PARTS: Record<string, string> = {
  'src/automation/pipelines/index.ts':
    'the intake pipelines (db, jobs, other features), wired by main.ts; automation/index.ts stays the offline engines alone, which `outtask transcribe` and `outtask redact` load without the server side',
};

/** Features whose files anyone may import directly: the ground floor. */
const GROUND = new Set(['platform']);

/**
 * The rules of direction, each a check of one import of one file:
 * - features reach each other only through a public entry (src/<b>/index.ts, or
 *   src/<b>/<b>.schemas.ts), and the platform imports no feature;
 * - Kysely only in *.store.ts and src/platform/db/; Fastify only in *.routes.ts and
 *   src/platform/http/; commander only in src/cli/;
 * - web/src imports no Node built-in and nothing of the server (src/), not even a type: its API
 *   types are the generated contract's (web/src/api/contract.ts).
 */
export function checkRules(graph: ImportGraph): Violation[] {
  const out: Violation[] = [];
  for (const [file, edges] of graph) {
    for (const { specifier, target } of edges) {
      const add = (rule: string) => out.push({ rule, file, specifier });
      if (file.startsWith('src/')) {
        const from = featureOf(file);
        const to = target ? featureOf(target) : null;
        if (target && to && from !== to) {
          if (from && GROUND.has(from) && !GROUND.has(to)) add('the platform imports no feature');
          else if (!GROUND.has(to) && !isPublicEntry(target, to))
            add(
              `another feature is reached through its index.ts (src/${to}/index.ts) or its ${to}.schemas.ts`,
            );
        }
        const pkg = target ? null : packageOf(specifier);
        if (pkg === 'kysely' && !/\.store\.ts$/.test(file) && !file.startsWith('src/platform/db/'))
          add('Kysely only in *.store.ts and src/platform/db/');
        if (
          (pkg === 'fastify' || pkg?.startsWith('@fastify/') || pkg?.startsWith('fastify-')) &&
          !/\.routes\.ts$/.test(file) &&
          !file.startsWith('src/platform/http/')
        )
          add('Fastify only in *.routes.ts and src/platform/http/');
        if (pkg === 'commander' && !file.startsWith('src/cli/')) add('commander only in src/cli/');
      }
      if (file.startsWith('web/src/')) {
        if (!target && isNodeBuiltin(specifier)) add('no Node built-in in the browser (web/src)');
        if (target?.startsWith('src/') || (!target && specifier.includes('/src/')))
          add('no server module in the browser (web/src): its API types come from web/src/api/contract.ts');
      }
    }
  }
  return out;
}

/** The repository's root, from this file. */
export const ROOT = join(dirname(new URL(import.meta.url).pathname), '..', '..');
export const repoPath = (abs: string) => relative(ROOT, abs).split('\\').join('/');
