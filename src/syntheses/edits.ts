/**
 * A consultant's edits of a saved synthesis, pure: the insights before and one edit in, the insights
 * after out (a new object; the input is not changed), with a sentence saying what changed for the edit
 * log. Counts and citations follow from the data: a theme's count is its interviews, its citations
 * its quotes, so every edit keeps the two consistent — a quote's interviewee is among the theme's
 * interviewees, and an interviewee moved out of a theme takes their quotes along.
 *
 * Rules worth knowing:
 * - merge: the two themes must answer the same question; the result has both sets of interviewees and
 *   quotes (the same quote once) and the first theme's id and place;
 * - split: the named interviewees (some, not all) and their quotes go to a new theme placed after it;
 * - move a quote: it leaves its theme for the other; its interviewee joins the other theme, and leaves
 *   this one when no other quote of theirs is left in it. Across questions, they count as having
 *   answered the other question too (the quote is their answer to it);
 * - pick another quote: the passage must be the interviewee's own words (the service checks it
 *   against the stored transcript, or against the quotes the synthesis already holds);
 * - reorder: the deck and the report then keep the consultant's order (`themeOrder: 'edited'`)
 *   instead of most raised first.
 */
import { AppError } from '../platform/errors.ts';
import type { Insights, QuestionInsights, Quote, Theme } from '../synthesis/index.ts';

export type SynthesisEdit =
  | { op: 'retitle'; title: string }
  | { op: 'rename'; themeId: string; label: string; summary?: string | undefined }
  | {
      op: 'merge';
      themeId: string;
      otherId: string;
      label?: string | undefined;
      summary?: string | undefined;
    }
  | { op: 'split'; themeId: string; interviews: string[]; label: string; summary?: string | undefined }
  | { op: 'drop'; themeId: string }
  | { op: 'move-quote'; themeId: string; quote: number; toThemeId: string }
  | { op: 'replace-quote'; themeId: string; quote: number; with: Quote }
  | { op: 'reorder'; questionId: string; themeIds: string[] };

export interface EditOutcome {
  insights: Insights;
  /** What changed, in words, for the edit log ("Merged “A” into “B”"). */
  summary: string;
}

const q = (s: string) => `“${s}”`;

function invalid(message: string, details: Record<string, unknown> = {}): AppError {
  return new AppError('SYNTHESIS_EDIT_INVALID', message, details);
}

function notFound(themeId: string): AppError {
  return new AppError(
    'THEME_NOT_FOUND',
    `No theme ${themeId} in this synthesis (it may have been merged or dropped): reload it`,
    { themeId },
  );
}

/** Where a theme sits: a question's theme, a cross-cutting theme, or a split (as a whole). */
type Located =
  | { kind: 'question'; question: QuestionInsights; index: number; theme: Theme }
  | { kind: 'cross-cutting'; index: number }
  | { kind: 'split'; index: number };

function locate(ins: Insights, id: string): Located {
  for (const question of ins.questions) {
    const index = question.themes.findIndex((t) => t.id === id);
    if (index >= 0) return { kind: 'question', question, index, theme: question.themes[index]! };
  }
  const c = ins.crossCutting.findIndex((t) => t.id === id);
  if (c >= 0) return { kind: 'cross-cutting', index: c };
  const s = ins.splits.findIndex((t) => t.id === id);
  if (s >= 0) return { kind: 'split', index: s };
  throw notFound(id);
}

function questionTheme(ins: Insights, id: string, what: string) {
  const at = locate(ins, id);
  if (at.kind !== 'question')
    throw invalid(`${what} works on a question's themes; ${id} is a ${at.kind} theme`, { themeId: id });
  return at;
}

function cleanText(text: string, field: string, max: number, min = 1): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length < min || t.length > max)
    throw invalid(`The ${field} needs ${min} to ${max} characters (got ${t.length})`, { field });
  return t;
}

/** Interview ids in the synthesis's order (the order of the interviews list), without repeats. */
function inOrder(ins: Insights, ids: Iterable<string>): string[] {
  const want = new Set(ids);
  const known = ins.interviews.map((i) => i.id).filter((id) => want.has(id));
  const rest = [...want].filter((id) => !known.includes(id));
  return [...known, ...rest];
}

const sameQuote = (a: Quote, b: Quote) => a.interview === b.interview && a.text === b.text;

function uniqueQuotes(quotes: Quote[]): Quote[] {
  const out: Quote[] = [];
  for (const x of quotes) if (!out.some((y) => sameQuote(x, y))) out.push(x);
  return out;
}

/** A theme id not used anywhere in the synthesis: `<question>-t<n>`, n one more than any taken. */
function freshThemeId(ins: Insights, questionId: string): string {
  const taken = new Set(
    ins.questions.flatMap((qq) => qq.themes.map((t) => t.id)).concat(ins.crossCutting.map((c) => c.id)),
  );
  let n = ins.questions.find((qq) => qq.id === questionId)!.themes.length + 1;
  while (taken.has(`${questionId}-t${n}`)) n++;
  return `${questionId}-t${n}`;
}

function quoteAt(theme: { id: string; quotes: Quote[] }, index: number): Quote {
  const quote = theme.quotes[index];
  if (!Number.isInteger(index) || !quote)
    throw invalid(`Theme ${theme.id} has no quote number ${index + 1} (it has ${theme.quotes.length})`, {
      field: 'quote',
    });
  return quote;
}

/** Applies one edit to a copy of the insights. */
export function applyEdit(before: Insights, edit: SynthesisEdit): EditOutcome {
  const ins = structuredClone(before);
  switch (edit.op) {
    case 'retitle': {
      const title = cleanText(edit.title, 'title', 200);
      const old = ins.title;
      ins.title = title;
      return { insights: ins, summary: `Retitled ${q(old)} as ${q(title)}` };
    }
    case 'rename': {
      const label = cleanText(edit.label, 'label', 160, 2);
      const summary = edit.summary === undefined ? undefined : cleanText(edit.summary, 'summary', 1000, 0);
      const at = locate(ins, edit.themeId);
      let old: string;
      if (at.kind === 'question') {
        old = at.theme.label;
        at.theme.label = label;
        if (summary !== undefined) at.theme.summary = summary;
      } else if (at.kind === 'cross-cutting') {
        const t = ins.crossCutting[at.index]!;
        old = t.label;
        t.label = label;
        if (summary !== undefined) t.summary = summary;
      } else {
        const s = ins.splits[at.index]!;
        old = s.topic;
        s.topic = label;
      }
      return {
        insights: ins,
        summary:
          old === label
            ? `Rewrote the summary of ${q(label)}`
            : `Renamed ${q(old)} to ${q(label)}${summary !== undefined ? ' and rewrote its summary' : ''}`,
      };
    }
    case 'drop': {
      const at = locate(ins, edit.themeId);
      let label: string;
      if (at.kind === 'question') {
        label = at.theme.label;
        at.question.themes.splice(at.index, 1);
      } else if (at.kind === 'cross-cutting') {
        label = ins.crossCutting[at.index]!.label;
        ins.crossCutting.splice(at.index, 1);
      } else {
        label = `the split on ${ins.splits[at.index]!.topic}`;
        ins.splits.splice(at.index, 1);
        return { insights: ins, summary: `Dropped ${label}` };
      }
      return { insights: ins, summary: `Dropped ${q(label)}` };
    }
    case 'merge': {
      if (edit.themeId === edit.otherId) throw invalid('A theme cannot be merged with itself');
      const into = questionTheme(ins, edit.themeId, 'Merging');
      const from = questionTheme(ins, edit.otherId, 'Merging');
      if (into.question.id !== from.question.id)
        throw invalid(
          `Only themes of the same question can be merged: ${edit.themeId} answers ${into.question.id}, ${edit.otherId} answers ${from.question.id}`,
        );
      const a = into.theme;
      const b = from.theme;
      const oldA = a.label;
      a.interviews = inOrder(ins, [...a.interviews, ...b.interviews]);
      a.quotes = uniqueQuotes([...a.quotes, ...b.quotes]);
      a.keywords = [...new Set([...a.keywords, ...b.keywords])];
      if (edit.label !== undefined) a.label = cleanText(edit.label, 'label', 160, 2);
      if (edit.summary !== undefined) a.summary = cleanText(edit.summary, 'summary', 1000, 0);
      into.question.themes.splice(into.question.themes.indexOf(b), 1);
      return {
        insights: ins,
        summary: `Merged ${q(b.label)} into ${q(oldA)}${a.label !== oldA ? `, now ${q(a.label)}` : ''} (${a.interviews.length} interviewees)`,
      };
    }
    case 'split': {
      const at = questionTheme(ins, edit.themeId, 'Splitting');
      const t = at.theme;
      const moving = new Set(edit.interviews);
      const strangers = [...moving].filter((id) => !t.interviews.includes(id));
      if (strangers.length > 0)
        throw invalid(`${strangers.join(', ')} did not raise ${q(t.label)}: only its interviewees can move`, {
          field: 'interviews',
        });
      if (moving.size === 0 || moving.size >= t.interviews.length)
        throw invalid(
          `Choose some of the ${t.interviews.length} interviewees of ${q(t.label)} for the new theme, not none and not all`,
          { field: 'interviews' },
        );
      const fresh: Theme = {
        id: freshThemeId(ins, at.question.id),
        label: cleanText(edit.label, 'label', 160, 2),
        summary: edit.summary === undefined ? '' : cleanText(edit.summary, 'summary', 1000, 0),
        interviews: t.interviews.filter((id) => moving.has(id)),
        quotes: t.quotes.filter((x) => moving.has(x.interview)),
        keywords: [],
      };
      t.interviews = t.interviews.filter((id) => !moving.has(id));
      t.quotes = t.quotes.filter((x) => !moving.has(x.interview));
      at.question.themes.splice(at.index + 1, 0, fresh);
      return {
        insights: ins,
        summary: `Split ${q(fresh.label)} (${fresh.interviews.length}) out of ${q(t.label)} (${t.interviews.length} left)`,
      };
    }
    case 'move-quote': {
      if (edit.themeId === edit.toThemeId) throw invalid('The quote is in that theme already');
      const from = questionTheme(ins, edit.themeId, 'Moving a quote');
      const to = questionTheme(ins, edit.toThemeId, 'Moving a quote');
      const quote = quoteAt(from.theme, edit.quote);
      from.theme.quotes.splice(edit.quote, 1);
      if (!from.theme.quotes.some((x) => x.interview === quote.interview))
        from.theme.interviews = from.theme.interviews.filter((id) => id !== quote.interview);
      to.theme.quotes = uniqueQuotes([...to.theme.quotes, quote]);
      to.theme.interviews = inOrder(ins, [...to.theme.interviews, quote.interview]);
      if (!to.question.answered.includes(quote.interview)) {
        to.question.answered = inOrder(ins, [...to.question.answered, quote.interview]);
        const info = ins.interviews.find((i) => i.id === quote.interview);
        if (info && !info.answered.includes(to.question.id)) info.answered.push(to.question.id);
      }
      return {
        insights: ins,
        summary: `Moved a quote of ${quote.interview} from ${q(from.theme.label)} to ${q(to.theme.label)}`,
      };
    }
    case 'replace-quote': {
      const at = locate(ins, edit.themeId);
      const theme =
        at.kind === 'question' ? at.theme : at.kind === 'cross-cutting' ? ins.crossCutting[at.index]! : null;
      if (!theme) throw invalid('Pick a quote of one side of a split from the split’s own page');
      const old = quoteAt(theme, edit.quote);
      const text = cleanText(edit.with.text, 'quote', 2000, 3);
      if (!ins.interviews.some((i) => i.id === edit.with.interview))
        throw invalid(`No interview ${edit.with.interview} in this synthesis`, { field: 'with.interview' });
      const next: Quote = { interview: edit.with.interview, text, start: edit.with.start };
      theme.quotes[edit.quote] = next;
      theme.quotes = uniqueQuotes(theme.quotes);
      // The first quote's interviewee still raised the theme: only the citation changed, not who counts.
      void old;
      theme.interviews = inOrder(ins, [...theme.interviews, next.interview]);
      return { insights: ins, summary: `Picked another quote for ${q(theme.label)} (${next.interview})` };
    }
    case 'reorder': {
      const question = ins.questions.find((qq) => qq.id === edit.questionId);
      if (!question)
        throw invalid(`No question ${edit.questionId} in this synthesis`, { field: 'questionId' });
      const ids = question.themes.map((t) => t.id);
      const same =
        edit.themeIds.length === ids.length &&
        new Set(edit.themeIds).size === ids.length &&
        edit.themeIds.every((id) => ids.includes(id));
      if (!same)
        throw invalid(
          `List every theme of question ${question.id} once, in the new order (${ids.join(', ')})`,
          { field: 'themeIds' },
        );
      question.themes = edit.themeIds.map((id) => question.themes.find((t) => t.id === id)!);
      question.themeOrder = 'edited';
      return { insights: ins, summary: `Reordered the themes of ${question.id}` };
    }
  }
}

/** A quote's words found in a passage: spacing and case aside. */
export function passageHolds(passage: string, quote: string): boolean {
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
  return norm(passage).includes(norm(quote));
}
