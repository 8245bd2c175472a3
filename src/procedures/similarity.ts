/**
 * How alike two step descriptions are: token sets of their names (and outputs) after lower-casing,
 * dropping filler words, a light suffix strip and a small table of words people use for the same
 * thing in professional-service work ("deck" and "slides", "write" and "draft"). Pure.
 */

const STOPWORDS = new Set(
  (
    'a an and the of to for in on at by with from into onto per each every all any some it its ' +
    'their his her my our your this that these those as or then than up out off over about via ' +
    'is are be been being do does done get gets got make makes made one own new'
  ).split(' '),
);

/** Words that name the same thing; each maps to one canonical token. */
const SYNONYMS: Record<string, string> = {
  slide: 'deck',
  slides: 'deck',
  powerpoint: 'deck',
  ppt: 'deck',
  pptx: 'deck',
  presentation: 'deck',
  keynote: 'deck',
  write: 'draft',
  writing: 'draft',
  written: 'draft',
  build: 'draft',
  create: 'draft',
  produce: 'draft',
  note: 'notes',
  notebook: 'notes',
  jot: 'notes',
  summary: 'summar',
  summaries: 'summar',
  summarise: 'summar',
  summarize: 'summar',
  summarising: 'summar',
  summarizing: 'summar',
  synthesise: 'summar',
  synthesize: 'summar',
  synthesis: 'summar',
  gather: 'collect',
  gathering: 'collect',
  compile: 'collect',
  assemble: 'collect',
  pull: 'collect',
  check: 'review',
  proofread: 'review',
  qa: 'review',
  edit: 'revise',
  edits: 'revise',
  fix: 'revise',
  fixes: 'revise',
  correct: 'revise',
  send: 'deliver',
  email: 'deliver',
  share: 'deliver',
  circulate: 'deliver',
  theme: 'themes',
  cluster: 'group',
  clustering: 'group',
  sort: 'group',
  categorise: 'group',
  categorize: 'group',
  tag: 'code',
  tagging: 'code',
  quote: 'quotes',
  quotation: 'quotes',
  quotations: 'quotes',
  recording: 'audio',
  recordings: 'audio',
  record: 'audio',
  transcribe: 'transcript',
  transcription: 'transcript',
  transcripts: 'transcript',
  interviewee: 'executive',
  interviewees: 'executive',
  executives: 'executive',
  exec: 'executive',
  execs: 'executive',
  storyline: 'story',
  narrative: 'story',
  outline: 'story',
  template: 'format',
  formatting: 'format',
  layout: 'format',
};

/** Strips the commonest English inflections; enough to make "drafting" meet "draft". */
export function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 4 && word.endsWith('es') && /(ss|sh|ch|x)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

export function tokens(text: string): Set<string> {
  const out = new Set<string>();
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  for (const w of words) {
    if (!w || STOPWORDS.has(w)) continue;
    const canonical = SYNONYMS[w] ?? SYNONYMS[stem(w)] ?? stem(w);
    out.add(canonical);
  }
  return out;
}

/** Mean of Jaccard and the overlap coefficient: strict on long names, kind to short ones. */
export function setSimilarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const t of a) if (b.has(t)) common++;
  const jaccard = common / (a.size + b.size - common);
  const overlap = common / Math.min(a.size, b.size);
  return (jaccard + overlap) / 2;
}

export interface StepSignature {
  name: ReadonlySet<string>;
  outputs: ReadonlySet<string>;
}

export function signature(step: { name: string; outputs: readonly string[] }): StepSignature {
  return { name: tokens(step.name), outputs: tokens(step.outputs.join(' ')) };
}

/** 0..1: names weigh 70%, outputs 30% when both steps state outputs, else names alone. */
export function stepSimilarity(a: StepSignature, b: StepSignature): number {
  const byName = setSimilarity(a.name, b.name);
  if (a.outputs.size === 0 || b.outputs.size === 0) return byName;
  return 0.7 * byName + 0.3 * setSimilarity(a.outputs, b.outputs);
}
