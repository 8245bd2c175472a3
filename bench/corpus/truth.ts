/**
 * Corpora with a hand-written answer key in the interviews-dev layout (`truth.json`, `form.yaml`,
 * `transcripts/`): loaded from disk and scored exactly as `score_insights.py` beside the corpus does —
 * themes matched per question by the Jaccard overlap of their interview sets (key themes with ≥ 3
 * interviewees; produced themes with ≥ 3), recall and precision at 0.5, weighted Jaccard, prevalence
 * error, and a split found when both of its positions are matched by themes of its question.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parseFormYaml } from '../../src/synthesis/form.ts';
import { readTranscript } from '../../src/synthesis/readers/index.ts';
import type { Insights, InterviewForm, Transcript } from '../../src/synthesis/types.ts';
import { isSmallTalk, isStatementLabel } from './labels.ts';

export interface TruthTheme {
  id: string;
  statement: string;
  interviewees: string[];
  count: number;
}
export interface Truth {
  corpus: string;
  interviewees: { id: string; name: string; role: string; file: string }[];
  questions: { id: string; text: string; themes: TruthTheme[] }[];
  splits: { question: string; positions: [string, string]; declined?: string[] }[];
  cross_cutting?: { id: string; components: { question: string; theme: string }[]; interviewees: string[] }[];
}

export interface TruthCorpus {
  name: string;
  dir: string;
  form: InterviewForm;
  transcripts: Transcript[];
  truth: Truth;
}

/** The corpus in `dir`, or null when it is not there (the eval folder is not part of the project). */
export async function loadTruthCorpus(dir: string): Promise<TruthCorpus | null> {
  if (!existsSync(join(dir, 'truth.json'))) return null;
  const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as Truth;
  const form = parseFormYaml(readFileSync(join(dir, 'form.yaml'), 'utf8'), 'form.yaml');
  const files = readdirSync(join(dir, 'transcripts')).sort();
  const transcripts = await Promise.all(
    files.map((f) => readTranscript({ file: f, bytes: readFileSync(join(dir, 'transcripts', f)) })),
  );
  return { name: truth.corpus ?? basename(dir), dir, form, transcripts, truth };
}

export interface TruthScore {
  recall: number;
  precision: number;
  weightedJaccard: number;
  prevalenceError: number;
  splitsFound: number;
  splits: number;
  crossCuttingFound: number;
  crossCutting: number;
  /** Share of theme labels that read as statements (a clause with a subject and a verb, 4–10 words). */
  statementLabels: number;
  /** Themes whose label or quotes are small talk (thanks, goodbyes, weather…). */
  smallTalkThemes: number;
  themes: number;
  lines: string[];
}

const base = (f: string) => basename(f, extname(f));

export function scoreAgainstTruth(truth: Truth, insights: Insights, minCount = 3): TruthScore {
  const byFile = new Map(truth.interviewees.map((i) => [base(i.file), i.id]));
  const keyOf = new Map<string, string>();
  for (const iv of insights.interviews) {
    const id = byFile.get(base(iv.file)) ?? byFile.get(base(iv.id));
    if (id) keyOf.set(iv.id, id);
  }
  const ids = (xs: readonly string[]) =>
    new Set(
      xs.flatMap((x) =>
        (keyOf.get(x) ?? byFile.get(base(x))) ? [keyOf.get(x) ?? byFile.get(base(x))!] : [],
      ),
    );
  const J = (a: Set<string>, b: Set<string>) => {
    let i = 0;
    for (const x of a) if (b.has(x)) i++;
    const u = a.size + b.size - i;
    return u === 0 ? 0 : i / u;
  };
  let hits = 0;
  let total = 0;
  let wj = 0;
  let wsum = 0;
  let precHit = 0;
  let precTotal = 0;
  const mae: number[] = [];
  const lines: string[] = [];
  for (const q of truth.questions) {
    const produced = (insights.questions.find((x) => x.id === q.id)?.themes ?? []).map((t) => ({
      label: t.label,
      s: ids(t.interviews),
    }));
    const parts: string[] = [];
    for (const t of q.themes) {
      if (t.count < minCount) continue;
      const gs = new Set(t.interviewees);
      let best = 0;
      let size = 0;
      for (const p of produced) {
        const j = J(gs, p.s);
        if (j > best) {
          best = j;
          size = p.s.size;
        }
      }
      total++;
      if (best >= 0.5) {
        hits++;
        mae.push(Math.abs(size - t.count));
      }
      wj += best * t.count;
      wsum += t.count;
      parts.push(`${t.id}(${t.count})->J=${best.toFixed(2)}`);
    }
    for (const p of produced) {
      if (p.s.size < minCount) continue;
      precTotal++;
      if (q.themes.some((t) => J(new Set(t.interviewees), p.s) >= 0.5)) precHit++;
    }
    lines.push(`${q.id} out_themes=${produced.length} ${parts.join(' ')}`);
  }
  const themeSets = new Map(
    truth.questions.flatMap((q) => q.themes.map((t) => [t.id, new Set(t.interviewees)])),
  );
  let splitsFound = 0;
  for (const sp of truth.splits) {
    const themes = insights.questions.find((x) => x.id === sp.question)?.themes ?? [];
    const sides = sp.positions.map((p) => themeSets.get(p)).filter((x): x is Set<string> => x !== undefined);
    const found = sides.filter((side) => themes.some((t) => J(side, ids(t.interviews)) >= 0.5)).length;
    if (sides.length >= 2 && found === sides.length) splitsFound++;
  }
  const cc = truth.cross_cutting ?? [];
  const ccFound = cc.filter((g) =>
    insights.crossCutting.some(
      (c) =>
        J(new Set(g.interviewees), ids(c.interviews)) >= 0.5 &&
        c.questions.filter((q) => g.components.some((x) => x.question === q)).length >= 2,
    ),
  ).length;
  const all = insights.questions.flatMap((q) => q.themes);
  return {
    recall: total ? hits / total : 0,
    precision: precTotal ? precHit / precTotal : 0,
    weightedJaccard: wsum ? wj / wsum : 0,
    prevalenceError: mae.length ? mae.reduce((a, b) => a + b, 0) / mae.length : Number.NaN,
    splitsFound,
    splits: truth.splits.length,
    crossCuttingFound: ccFound,
    crossCutting: cc.length,
    statementLabels: all.length ? all.filter((t) => isStatementLabel(t.label)).length / all.length : 1,
    smallTalkThemes: all.filter(
      (t) => isSmallTalk(t.label) || t.quotes.filter((x) => isSmallTalk(x.text)).length * 2 > t.quotes.length,
    ).length,
    themes: all.length,
    lines,
  };
}
