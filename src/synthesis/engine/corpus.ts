/**
 * The engine's view of the transcripts: every turn cut into sentences, each with its place
 * (interview, turn, character span, seconds), its content terms interned as integer ids, and the
 * surface words the word vectors are looked up by. One lean pass: words are tokenised once.
 */
import { lemma, STOPWORDS, splitSentences, stem, words } from '../text/index.ts';
import type { Transcript } from '../types.ts';

export interface Sentence {
  interview: number;
  turn: number;
  /** Character span in the turn's whitespace-normalised text. */
  from: number;
  to: number;
  speaker: string | null;
  text: string;
  /** Seconds from the start (interpolated inside the turn when it has an end); null without times. */
  start: number | null;
  /** Interned content-term ids (Porter stems), in order, repeats kept. */
  terms: number[];
  /** Every word token, lower case (stance cues need "not", "should", "first"); see `contentWords`. */
  tokens: string[];
  wordCount: number;
  endsWithQuestion: boolean;
  /** How many of `terms` belong to an opening hedge ("Honestly, I think…"); set by `leadTerms`. */
  lead?: number;
}

/** Interned stems with their document frequencies, and the surface words each stem was seen as. */
export class Vocabulary {
  readonly ids = new Map<string, number>();
  readonly stems: string[] = [];
  df: number[] = [];
  docs = 0;
  // Surface words: one Map lookup per token (word -> word id), counts in arrays.
  private readonly wordIds = new Map<string, number>();
  private readonly wordText: string[] = [];
  private readonly wordTerm: number[] = [];
  private readonly wordFreq: number[] = [];
  /** Word ids of each term. */
  private readonly forms: number[][] = [];
  /**
   * One string per distinct token: sentences keep token arrays, and 450k sentences of fresh slices
   * held ~300 MB at 500 interviews; shared strings make those arrays pointers only.
   */
  private readonly tokenText = new Map<string, string>();

  /** The shared copy of a token string. */
  intern(token: string): string {
    const known = this.tokenText.get(token);
    if (known !== undefined) return known;
    this.tokenText.set(token, token);
    return token;
  }

  /** The term id of a content word (its Porter stem), counting the word as one of its forms. */
  internWord(word: string): number {
    let w = this.wordIds.get(word);
    if (w === undefined) {
      w = this.wordText.length;
      this.wordIds.set(word, w);
      this.wordText.push(word);
      this.wordFreq.push(0);
      const t = this.internStem(stem(word));
      this.wordTerm.push(t);
      this.forms[t]!.push(w);
    }
    this.wordFreq[w]!++;
    return this.wordTerm[w]!;
  }

  private internStem(stemmed: string): number {
    let id = this.ids.get(stemmed);
    if (id === undefined) {
      id = this.stems.length;
      this.ids.set(stemmed, id);
      this.stems.push(stemmed);
      this.forms.push([]);
      this.df.push(0);
    }
    return id;
  }

  /** Counts one document's distinct terms towards document frequency. */
  addDocument(terms: readonly number[]): void {
    this.docs++;
    const seen = new Set(terms);
    for (const t of seen) this.df[t]!++;
  }

  /** log(docs / df) + 1: a ratio, so a collection and the same collection twice weigh terms alike. */
  idf(term: number): number {
    const df = this.df[term] ?? 0;
    return df > 0 ? Math.log(this.docs / df) + 1 : Math.log(Math.max(1, this.docs)) + 2;
  }

  /** The surface word shown for a term: its most frequent form. */
  display(term: number): string {
    let best = this.stems[term]!;
    let n = -1;
    for (const w of this.forms[term] ?? []) {
      const c = this.wordFreq[w]!;
      const text = this.wordText[w]!;
      if (c > n || (c === n && text.length < best.length)) {
        best = text;
        n = c;
      }
    }
    return best;
  }
}

const CLITIC = /'(?:s|re|ve|ll|d|m)$|n't$/;
/**
 * Numbers in words carry no theme: "twelve weeks" and "eighty percent" recur across people who make
 * different points (like digits, which are no content terms either).
 */
const NUMBER_WORDS = new Set(
  `zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand
thousands million millions billion billions percent per cent half dozen dozens`.split(/\s+/),
);

/** Content words and their interned stems, with the number of words (all tokens) in the text. */
export function tokenize(
  text: string,
  vocab: Vocabulary,
): { terms: number[]; tokens: string[]; wordCount: number } {
  const all = words(text);
  const terms: number[] = [];
  for (let i = 0; i < all.length; i++) {
    const w = vocab.intern(all[i]!);
    all[i] = w;
    const base = contentBase(w);
    if (base !== null) terms.push(vocab.internWord(vocab.intern(base)));
  }
  // Copies sized to fit: a sentence is kept for the whole run, and arrays grown by push carry
  // ~40% spare slots (~100 MB at 500 interviews).
  return { terms: terms.slice(), tokens: all.slice(), wordCount: all.length };
}

/** The content word a token stands for (clitics cut), or null when it is no content word. */
function contentBase(w: string): string | null {
  if (STOPWORDS.has(w)) return null;
  const base = w.includes("'") ? w.replace(CLITIC, '') : w;
  if (base.length < 2 || STOPWORDS.has(base) || /^\d/.test(base) || isNumberWord(base)) return null;
  return base;
}

/** A sentence's content words (lower case, clitics cut), parallel to its `terms`. */
export function contentWords(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (const w of tokens) {
    const base = contentBase(w);
    if (base !== null) out.push(base);
  }
  return out;
}

/** The content-term ids of a text, looked up without counting it as a use of its words (-1: unseen). */
export function lookupTerms(text: string, vocab: Vocabulary): number[] {
  const out: number[] = [];
  for (const w of words(text)) {
    if (STOPWORDS.has(w)) continue;
    const base = w.includes("'") ? w.replace(CLITIC, '') : w;
    if (base.length < 2 || STOPWORDS.has(base) || /^\d/.test(base) || isNumberWord(base)) continue;
    out.push(vocab.ids.get(stem(base)) ?? -1);
  }
  return out;
}

/** Whether a word token becomes a content term (the test `tokenize` applies). */
export function isContentWord(w: string): boolean {
  return contentBase(w) !== null;
}

/** "twelve", "eighty-five", "twenty-two" … */
function isNumberWord(w: string): boolean {
  return NUMBER_WORDS.has(w) || (w.includes('-') && w.split('-').every((p) => NUMBER_WORDS.has(p)));
}

/** Sentences of every transcript, in order. */
export function sentencesOf(transcripts: readonly Transcript[], vocab: Vocabulary): Sentence[][] {
  return transcripts.map((t, interview) => {
    const out: Sentence[] = [];
    t.turns.forEach((turn, ti) => {
      const flat = turn.text.replace(/\s+/g, ' ').trim();
      if (!flat) return;
      let cursor = 0;
      for (const s of splitSentences(turn.text)) {
        let from = flat.indexOf(s, cursor);
        if (from < 0) from = cursor;
        const to = Math.min(flat.length, from + s.length);
        cursor = to;
        const tok = tokenize(s, vocab);
        out.push({
          interview,
          turn: ti,
          from,
          to,
          speaker: turn.speaker,
          text: s,
          start: timeAt(turn.start, turn.end, from, flat.length),
          terms: tok.terms,
          tokens: tok.tokens,
          wordCount: tok.wordCount,
          endsWithQuestion: /\?["'”’)]*$/.test(s),
        });
      }
    });
    return out;
  });
}

function timeAt(start: number | null, end: number | null, offset: number, length: number): number | null {
  if (start === null) return null;
  if (end === null || end <= start || length === 0) return start;
  return Math.round((start + ((end - start) * offset) / length) * 10) / 10;
}

/** Lemma fallback for word-vector lookup ("workflows" -> "workflow"). */
export function lookupForms(word: string): string[] {
  const l = lemma(word);
  return l === word ? [word] : [word, l];
}
