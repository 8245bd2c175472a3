/**
 * Deterministic generator of labelled interview corpora: every interviewee gets themes drawn from
 * the spec (several wordings each, sometimes two in one sentence), wrapped in the talk real
 * interviews have — greetings, paraphrased and reordered questions, skipped questions,
 * clarifications, follow-ups, asides, fillers — and the gold labels are written down as the
 * themes are planted. Some transcripts come without speaker labels, cut into Whisper-like segments.
 *
 * Kept in one file: one deterministic generator, read top to bottom; its stages draw from one
 * random stream, so their order is part of the corpora it makes.
 */
import type { Transcript, Turn } from '../../src/synthesis/types.ts';
import { type Rng, seededRng } from './rng.ts';
import type { Corpus, CorpusSpec, Gold, GoldSpan, QuestionSpec, ThemeSpec } from './spec.ts';
import { detail } from './variety.ts';

export interface GenerateOptions {
  /** Number of interviews (default: the spec's). */
  interviews?: number;
  /** Pad every answer with more talk until each transcript has about this many words (speed runs). */
  targetWords?: number;
  /**
   * With targetWords: the padding said with varied circumstances (variety.ts), so that sentences
   * rarely repeat (the spec's themes at the spec's prevalences, drawn differently).
   */
  varied?: boolean;
  seed?: number;
}

const FIRST = [
  'Maria',
  'James',
  'Priya',
  'Tom',
  'Aisha',
  'Daniel',
  'Mei',
  'Robert',
  'Fatima',
  'Lukas',
  'Grace',
  'Omar',
  'Sofia',
  'Kevin',
  'Elena',
  'Marcus',
  'Hannah',
  'Raj',
  'Chloe',
  'Victor',
  'Nadia',
  'Peter',
  'Ines',
  'Samuel',
  'Yuki',
  'George',
  'Leila',
  'Andrew',
  'Zoe',
  'Hector',
];
const LAST = [
  'Lopez',
  'Okafor',
  'Shah',
  'Brennan',
  'Nakamura',
  'Fischer',
  'Adeyemi',
  'Kowalski',
  'Haddad',
  'Moreau',
  'Lindqvist',
  'Carter',
  'Rossi',
  'Mensah',
  'Novak',
  'Park',
  'Duarte',
  'Walsh',
  'Ibrahim',
  'Sato',
];
const OPENERS = [
  '',
  '',
  '',
  '',
  'Honestly, ',
  'I think ',
  "I'd say ",
  'For us, ',
  'Frankly, ',
  'The main thing is that ',
  'In my team, ',
  'Really, ',
  'Well, ',
  'To be honest, ',
  'What I see is that ',
];
const JOINERS = [', and ', ', and on top of that ', '; also, ', ', and then ', ', plus '];
const TRANSITIONS = [
  '',
  '',
  'Okay, next one.',
  "Great, let's move on.",
  'Thanks, that helps.',
  'Got it.',
  'Okay.',
];
const FOLLOW_UP_LEADS = ['Sure. ', 'Well, ', 'For example, ', 'Yes, so ', 'I guess ', ''];
const WORDS_PER_SECOND = 2.6;

interface Said {
  text: string;
  themes: string[];
}
interface Sentence {
  text: string;
  themes?: string[];
  /** Gold question for interviewee sentences; undefined for the interviewer's. */
  question?: string | null;
  clarification?: boolean;
}
interface Utterance {
  who: 'interviewer' | 'interviewee';
  sentences: Sentence[];
}

export function generateCorpus(spec: CorpusSpec, opts: GenerateOptions = {}): Corpus {
  const rng = seededRng(opts.seed ?? spec.seed);
  const count = opts.interviews ?? spec.interviews;
  const prefix = spec.name.split('-')[0]!;
  const transcripts: Transcript[] = [];
  const meta: Corpus['meta'] = {};
  const gold: Gold = {
    corpus: spec.name,
    themes: spec.questions.flatMap((q) =>
      q.themes.map((t) => ({ id: t.id, question: q.id, label: t.label, interviews: [] as string[] })),
    ),
    splits: spec.questions
      .filter((q) => q.split)
      .map((q) => ({
        question: q.id,
        topic: q.split!.topic,
        sides: [
          { theme: q.split!.sides[0], interviews: [] },
          { theme: q.split!.sides[1], interviews: [] },
        ],
      })),
    crossCutting: spec.traits.map((t) => ({
      trait: t.id,
      label: t.label,
      questions: spec.questions.filter((q) => q.themes.some((th) => th.trait === t.id)).map((q) => q.id),
      interviews: [],
    })),
    interviewers: {},
    alignment: {},
  };
  const raised = (themeId: string, interview: string) => {
    const g = gold.themes.find((t) => t.id === themeId)!;
    if (!g.interviews.includes(interview)) g.interviews.push(interview);
    for (const s of gold.splits) {
      for (const side of s.sides)
        if (side.theme === themeId && !side.interviews.includes(interview)) side.interviews.push(interview);
    }
    const trait = spec.questions.flatMap((q) => q.themes).find((t) => t.id === themeId)?.trait;
    const cc = gold.crossCutting.find((c) => c.trait === trait);
    if (cc && !cc.interviews.includes(interview)) cc.interviews.push(interview);
  };

  const remark = remarkQueue(spec, rng);
  // The padding's own stream: how long the varied sentences run does not shift the main one's draws.
  const varied = opts.varied ? seededRng((opts.seed ?? spec.seed) + 7919) : null;
  for (let n = 0; n < count; n++) {
    const id = `${prefix}-${String(n + 1).padStart(2, '0')}`;
    const interviewer = rng.pick(spec.interviewers);
    const interviewee = `${FIRST[n % FIRST.length]} ${LAST[(n * 7 + Math.floor(n / FIRST.length)) % LAST.length]}`;
    const traits = new Set(spec.traits.filter((t) => rng.chance(t.share)).map((t) => t.id));
    const utterances = interviewUtterances(
      spec,
      remark,
      rng,
      interviewee,
      traits,
      opts.targetWords,
      (themeId) => raised(themeId, id),
      varied,
    );
    const labelled = !rng.chance(spec.unlabelledShare) || n === 0;
    const { transcript, spans } = render(id, utterances, labelled ? { interviewer, interviewee } : null, rng);
    transcripts.push(transcript);
    gold.interviewers[id] = labelled ? interviewer : null;
    gold.alignment[id] = spans;
    meta[id] = { role: rng.pick(spec.roles), date: `2025-03-${String(3 + (n % 25)).padStart(2, '0')}` };
  }
  gold.themes = gold.themes.filter((t) => t.interviews.length > 0);
  return { name: spec.name, form: spec.form, transcripts, meta, gold };
}

/** Idiosyncratic remarks drawn without replacement (reshuffled when all are used): one-offs stay one-offs. */
function remarkQueue(spec: CorpusSpec, rng: Rng): () => string {
  let queue: string[] = [];
  return () => {
    if (queue.length === 0) queue = rng.shuffle(spec.idiosyncratic);
    return queue.pop()!;
  };
}

function interviewUtterances(
  spec: CorpusSpec,
  remark: () => string,
  rng: Rng,
  interviewee: string,
  traits: Set<string>,
  targetWords: number | undefined,
  raised: (themeId: string) => void,
  varied: Rng | null = null,
): Utterance[] {
  const u: Utterance[] = [];
  const say = (who: Utterance['who'], texts: (string | Said)[], question?: string | null) =>
    u.push({
      who,
      sentences: texts.map((x) => {
        const said = typeof x === 'string' ? { text: x, themes: [] } : x;
        return {
          text: said.text,
          question: who === 'interviewee' ? (question ?? null) : undefined,
          themes: said.themes,
        };
      }),
    });
  const firstName = interviewee.split(' ')[0]!;

  // Greetings and small talk (sometimes the interviewee speaks first, with a question of their own).
  if (rng.chance(0.25)) {
    say('interviewee', [
      rng.pick(['Hi, can you hear me okay?', 'Hello? Is my audio working?', 'Hi there, am I on?']),
    ]);
    say('interviewer', [`Yes, loud and clear. ${rng.pick(spec.greetings).replace('{name}', firstName)}`]);
  } else {
    say('interviewer', [rng.pick(spec.greetings).replace('{name}', firstName)]);
  }
  say('interviewee', [rng.pick(['Of course, happy to help.', 'No problem at all.', 'Sure, glad to do it.'])]);
  say('interviewer', [rng.pick(spec.smallTalkQuestions)]);
  say('interviewee', rng.sample(spec.smallTalkAnswers, 1 + rng.int(2)));
  if (rng.chance(0.5)) {
    say('interviewer', ['Do you mind if I record this, just for my notes?']);
    say('interviewee', [rng.pick(['Not at all.', "Sure, that's fine.", 'Go ahead.'])]);
  }

  // The form's questions: sometimes reordered, sometimes one skipped.
  let order = spec.questions.slice();
  if (rng.chance(0.3)) {
    const i = 1 + rng.int(order.length - 2);
    [order[i], order[i + 1]] = [order[i + 1]!, order[i]!];
  }
  if (rng.chance(0.15)) {
    const skippable = order.filter((q, i) => !q.split && i > 0);
    const skip = rng.pick(skippable);
    order = order.filter((q) => q !== skip);
  }
  const asideAfter = rng.chance(0.3) ? rng.int(order.length - 1) : -1;
  const perQuestionWords = targetWords ? targetWords / order.length : 0;

  let lead = '';
  order.forEach((q, qi) => {
    const ask = rng.chance(0.35) ? q.text : rng.pick(q.paraphrases);
    const transition = qi === 0 ? rng.pick(["Let's get going.", 'So, to start.', '']) : rng.pick(TRANSITIONS);
    const asked = [lead, transition, ask].map((x) => x.trim()).filter(Boolean);
    if (rng.chance(0.2))
      asked.push(
        rng.pick(['Just from your own perspective.', 'Take your time.', 'Whatever comes to mind first.']),
      );
    say('interviewer', asked);
    lead = '';
    if (rng.chance(0.08)) {
      say(
        'interviewee',
        [rng.pick(['Do you mean for my team, or for the whole organisation?', 'Sorry, in what sense?'])],
        q.id,
      );
      u.at(-1)!.sentences[0]!.clarification = true;
      say('interviewer', [rng.pick(['Your own area is fine.', 'However you read it.'])]);
    }
    const themes = chooseThemes(q, traits, rng);
    for (const t of themes) raised(t.id);
    const used = new Map<string, number>();
    say('interviewee', answerSentences(spec, remark, themes, rng, used), q.id);
    if (themes.length > 0 && rng.chance(0.35)) {
      say('interviewer', [rng.pick(spec.followUps)]);
      const t = rng.pick(themes);
      say(
        'interviewee',
        [
          {
            text: withFiller(rng, followUpAnswer(rng.pick(FOLLOW_UP_LEADS), nextClause(t, rng, used))),
            themes: [t.id],
          },
        ],
        q.id,
      );
    }
    // Speed runs: more talk on the same themes and remarks until the answer is long enough.
    if (perQuestionWords > 0) {
      let words = 0;
      const extra: Said[] = [];
      while (words < perQuestionWords) {
        let s: Said;
        if (varied) {
          const more = detail(varied);
          if (themes.length > 0 && varied.chance(0.6)) {
            const t = varied.pick(themes);
            const clause = `${nextClause(t, varied, used)}${more}`;
            s = { text: sentence(varied, clause, spec.openers), themes: [t.id] };
          } else {
            const text = varied.pick(varied.chance(0.5) ? spec.idiosyncratic : spec.generic);
            s = { text: more && text.endsWith('.') ? `${text.slice(0, -1)}${more}.` : text, themes: [] };
          }
        } else if (themes.length > 0 && rng.chance(0.6)) {
          const t = rng.pick(themes);
          s = { text: sentence(rng, nextClause(t, rng, used), spec.openers), themes: [t.id] };
        } else s = { text: rng.chance(0.5) ? remark() : rng.pick(spec.generic), themes: [] };
        extra.push(s);
        words += s.text.split(' ').length;
      }
      for (let i = 0; i < extra.length; i += 6) say('interviewee', extra.slice(i, i + 6), q.id);
    }
    if (qi === asideAfter) {
      say('interviewer', [rng.pick(spec.asides)]);
      say('interviewee', rng.sample(spec.asideAnswers, 1 + rng.int(2)));
      lead = rng.pick(['Anyway, back to my questions.', 'Okay, where was I.', 'Right, back to it.']);
    }
  });

  say('interviewer', [rng.pick(spec.closings)]);
  say('interviewee', rng.sample(spec.closingAnswers, 1 + rng.int(2)));
  say('interviewer', ['Thanks again, this was really helpful.']);
  return u;
}

function chooseThemes(q: QuestionSpec, traits: Set<string>, rng: Rng): ThemeSpec[] {
  const out: ThemeSpec[] = [];
  const sideIds = new Set(q.split?.sides ?? []);
  if (q.split && !rng.chance(q.split.neither)) {
    const side = rng.chance(q.split.firstShare) ? q.split.sides[0] : q.split.sides[1];
    out.push(q.themes.find((t) => t.id === side)!);
  }
  for (const t of q.themes) {
    if (sideIds.has(t.id)) continue;
    if (t.trait && !traits.has(t.trait)) continue;
    if (rng.chance(t.prevalence)) out.push(t);
  }
  return rng.shuffle(out);
}

function answerSentences(
  spec: CorpusSpec,
  remark: () => string,
  themes: ThemeSpec[],
  rng: Rng,
  used: Map<string, number>,
): Said[] {
  const out: Said[] = [];
  const plain = (text: string): Said => ({ text, themes: [] });
  if (rng.chance(0.35)) out.push(plain(rng.pick(spec.generic)));
  let i = 0;
  while (i < themes.length) {
    const t = themes[i]!;
    const next = themes[i + 1];
    if (next && rng.chance(0.3)) {
      // Two themes in one sentence.
      const clause = `${nextClause(t, rng, used)}${rng.pick(JOINERS)}${nextClause(next, rng, used)}`;
      out.push({ text: withFiller(rng, sentence(rng, clause, spec.openers)), themes: [t.id, next.id] });
      i += 2;
      continue;
    }
    out.push({
      text: withFiller(rng, sentence(rng, nextClause(t, rng, used), spec.openers)),
      themes: [t.id],
    });
    if (rng.chance(0.3))
      out.push({
        text: withFiller(rng, sentence(rng, nextClause(t, rng, used), spec.openers)),
        themes: [t.id],
      });
    i++;
  }
  if (rng.chance(0.3)) out.splice(rng.int(out.length + 1), 0, plain(remark()));
  if (out.length === 0) out.push(plain(rng.pick(spec.generic)), plain(remark()));
  return out;
}

/** A clause of the theme this interviewee has not used yet in this answer (cycling when all are used). */
function nextClause(t: ThemeSpec, rng: Rng, used: Map<string, number>): string {
  const start = used.get(t.id) ?? rng.int(t.clauses.length);
  used.set(t.id, start + 1);
  return t.clauses[start % t.clauses.length]!;
}

function sentence(rng: Rng, clause: string, openers: readonly string[] = OPENERS): string {
  const s = `${rng.pick(openers)}${clause}.`;
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "Sure. We…", "Well, we…": a new sentence after a full stop (or none) starts with a capital. */
function followUpAnswer(lead: string, clause: string): string {
  const body = lead === '' || lead.endsWith('. ') ? clause.charAt(0).toUpperCase() + clause.slice(1) : clause;
  return `${lead}${body}.`;
}

function withFiller(rng: Rng, s: string): string {
  if (!rng.chance(0.18)) return s;
  const lowered = s.startsWith('I ') || s.startsWith("I'") ? s : s.charAt(0).toLowerCase() + s.slice(1);
  switch (rng.int(3)) {
    case 0:
      return `Um, ${lowered}`;
    case 1:
      return `I mean, ${lowered}`;
    default: {
      const w = s.split(' ');
      if (w.length < 6) return s;
      return `${w.slice(0, 3).join(' ')}, you know, ${w.slice(3).join(' ')}`;
    }
  }
}

function render(
  id: string,
  utterances: Utterance[],
  speakers: { interviewer: string; interviewee: string } | null,
  rng: Rng,
): { transcript: Transcript; spans: GoldSpan[] } {
  const turns: Turn[] = [];
  const spans: GoldSpan[] = [];
  let clock = 2 + rng.int(20);
  // Each turn is built from sentences; spans record where the interviewee's sit.
  const pushTurn = (speaker: string | null, sentences: Sentence[]) => {
    let text = '';
    const turnIndex = turns.length;
    for (const s of sentences) {
      if (text) text += ' ';
      const from = text.length;
      text += s.text;
      if (s.question !== undefined) {
        spans.push({
          turn: turnIndex,
          from,
          to: text.length,
          question: s.question,
          themes: s.themes ?? [],
          ...(s.clarification ? { clarification: true } : {}),
        });
      }
    }
    const seconds = text.split(' ').length / WORDS_PER_SECOND;
    turns.push({ speaker, start: round1(clock), end: round1(clock + seconds), text });
    clock += seconds + 0.4 + rng.next();
  };
  if (speakers) {
    for (const u of utterances)
      pushTurn(u.who === 'interviewer' ? speakers.interviewer : speakers.interviewee, u.sentences);
  } else {
    // Whisper-like: segments of 1–3 sentences; now and then the interviewer's first words run on at
    // the end of the previous segment, as ASR segmentation does.
    for (const u of utterances) {
      const sentences = u.sentences.slice();
      if (u.who === 'interviewer' && sentences.length > 1 && turns.length > 0 && rng.chance(0.15)) {
        const last = turns[turns.length - 1]!;
        last.text = `${last.text} ${sentences.shift()!.text}`;
      }
      let i = 0;
      while (i < sentences.length) {
        const k = 1 + rng.int(3);
        pushTurn(null, sentences.slice(i, i + k));
        i += k;
      }
    }
  }
  const names = speakers ? [...new Set(turns.map((t) => t.speaker!))] : [];
  return {
    transcript: {
      id,
      file: speakers ? `${id}.txt` : `${id}.json`,
      format: speakers ? 'text-headings' : 'whisper-json',
      speakers: names,
      turns,
    },
    spans,
  };
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
