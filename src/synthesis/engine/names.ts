/**
 * Who the interviewee is, by name, when the transcript does not say so in its speaker labels
 * ("Speaker 2", a Whisper export without speakers): the name the interviewer greets or thanks them
 * by ("Hi Owen", "Thank you so much, Owen"), completed from the file name when it carries the full
 * name (`13_owen_tregarthen.txt`), or the file name alone when nothing in the talk contradicts it.
 * Never the interviewer's name: names the interviewee says to the interviewer ("Thanks, Maren"), the
 * interviewers' labels anywhere in the collection and names they introduce themselves by ("it's
 * Devin from Brackwater") are left out.
 */
import type { Sentence } from './corpus.ts';

/** Words of labels transcripts use for people that are not names ("Speaker 2", "Unknown Speaker"). */
const GENERIC_WORDS = new Set(
  `interviewer interviewee speaker host guest moderator facilitator respondent participant unknown me you q a
question answer other caller customer client user agent person voice narrator s spk p`.split(/\s+/),
);

/** Whether a label is a slot, not a name: "Speaker 2", "SPEAKER_01", "Unknown Speaker", "Guest 3". */
export function isGenericLabel(label: string): boolean {
  const words = label
    .trim()
    .toLowerCase()
    .split(/[\s_#:.-]+/)
    .filter(Boolean);
  return words.every(
    (w) => GENERIC_WORDS.has(w) || /^\d+$/.test(w) || /^[a-z]$/.test(w) || /^spk\d+$/.test(w),
  );
}

/** Whether a speaker label names a person ("Dana Reyes", "Pruett, Joanne"), not a slot ("Speaker 2"). */
export function isNameLabel(label: string | null | undefined): label is string {
  if (!label) return false;
  const clean = cleanLabel(label);
  return clean !== '' && !isGenericLabel(clean) && /\p{Lu}/u.test(clean);
}

/**
 * A label as a name is written: meeting-tool suffixes dropped ("Maren Kowalczyk (Guest)",
 * "[External]") and "Last, First" turned round ("Pruett, Joanne" -> "Joanne Pruett").
 */
export function cleanLabel(label: string): string {
  let s = label
    .replace(/\s*[([][^)\]]*[)\]]\s*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const parts = s.split(',').map((x) => x.trim());
  if (parts.length === 2 && parts.every((p) => /^\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*)*$/u.test(p)))
    s = `${parts[1]} ${parts[0]}`;
  return s;
}

const NAME = String.raw`\p{Lu}[\p{Ll}'’-]+`;
/** A pattern that matches its letters in either case (the names after it must stay capitalised). */
const anyCase = (p: string) => p.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`);
const TITLE = String.raw`(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+`;
/**
 * Vocatives of greeting and thanking: "Hi Owen", "Hello, Dr. Sorensen", "Thank you so much, Graham",
 * "Thanks Deb", "Good to see you, Joanne". The name ends the clause (",", ".", "!", "?" or the end).
 */
const VOCATIVE = new RegExp(
  String.raw`\b${anyCase(String.raw`(?:hi|hello|hey|morning|afternoon|evening|welcome|thanks|thank you|cheers|bye|goodbye|see you|nice to (?:see|meet) you|good to (?:see|meet) you|great to (?:see|meet) you)(?: (?:so|very) much| again| both)?`)},?\s+(${TITLE})?(${NAME}(?:\s+${NAME})?)(?=\s*(?:[,.!?;:—–-]|$))`,
  'gu',
);
/** A speaker introducing themselves: "it's Devin from Brackwater", "this is Maren", "Devin, from Brackwater". */
const SELF_INTRO = new RegExp(
  String.raw`(?:\b${anyCase("(?:it's|it is|this is|i'm|i am|my name is)")}\s+(${NAME})\b|^(${NAME}),?\s+(?:from|with|at|here)\b)`,
  'gu',
);
/** Capitalised words the vocative pattern can catch that are no names. */
const NOT_NAMES = new Set(
  `all everyone everybody guys folks team both again so much very you for the this that today there
god lord okay ok yes no sure great perfect bye cheers thanks sorry well right good morning monday tuesday
wednesday thursday friday saturday sunday`.split(/\s+/),
);
/** Words of file names that are no names: "interview", "transcript", roles, tools, versions. */
const FILE_WORDS = new Set(
  `interview interviews transcript transcripts call meeting recording recorded notes note audio video zoom teams
otter rev whisper final draft clean cleaned edited copy session part raw export new old the and with of for
ceo cfo coo cto cio cmo cno cpo vp svp evp director manager head lead chief officer president partner
consultant analyst engineer nurse doctor dr mr mrs ms prof`.split(/\s+/),
);

/** Name words (lower case) in a file name, in order: "13_owen_tregarthen.txt" -> ["owen", "tregarthen"]. */
export function fileNameWords(file: string): string[] {
  const base = (file.split(/[\\/]/).pop() ?? file).replace(/\.[^.]+$/, '');
  return base
    .split(/[^\p{L}'’]+/u)
    .map((w) => w.toLowerCase())
    .filter((w) => w.length >= 2 && !FILE_WORDS.has(w));
}

function titleCase(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1);
}

/** Names addressed in a sentence (greeted or thanked), with a title when one was used. */
export function vocatives(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(VOCATIVE)) {
    const words = m[2]!.split(/\s+/).filter((w) => !NOT_NAMES.has(w.toLowerCase()));
    if (words.length > 0) out.push(words.join(' '));
  }
  return out;
}

/** Names speakers introduce themselves by ("it's Devin from Brackwater"). */
export function selfIntroductions(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(SELF_INTRO)) {
    const name = m[1] ?? m[2];
    if (name && !NOT_NAMES.has(name.toLowerCase())) out.push(name);
  }
  return out;
}

export interface NameInput {
  file: string;
  sentences: readonly Sentence[];
  /** Who said each sentence (see Alignment.roles). */
  roles: readonly ('interviewer' | 'interviewee')[];
  labelled: boolean;
  interviewer: string | null;
  interviewee: string | null;
}

/** Lower-case words of the interviewers' names across the collection (labels and self-introductions). */
export function interviewerNames(inputs: readonly NameInput[]): Set<string> {
  const out = new Set<string>();
  const add = (name: string) => {
    for (const w of cleanLabel(name).split(/[\s,.]+/)) if (w.length >= 2) out.add(w.toLowerCase());
  };
  for (const d of inputs) {
    if (d.labelled && isNameLabel(d.interviewer)) add(d.interviewer);
    const firstAnswer = d.sentences.findIndex((_, i) => d.roles[i] === 'interviewee');
    d.sentences.forEach((s, i) => {
      // Labelled: the interviewer's own words; unlabelled: the first sentences only (they open the call).
      if (d.labelled ? d.roles[i] !== 'interviewer' : i > Math.max(2, firstAnswer)) return;
      for (const n of selfIntroductions(s.text)) add(n);
    });
  }
  return out;
}

/**
 * The interviewee's name: the speaker label when it is one; else the name the interviewer greets or
 * thanks them by (completed from the file name), else the file name's; undefined when none is found.
 */
export function intervieweeName(d: NameInput, interviewers: ReadonlySet<string>): string | undefined {
  const notInterviewer = (name: string) =>
    !name
      .toLowerCase()
      .split(/\s+/)
      .some((w) => interviewers.has(w) || (d.interviewer !== null && nameWords(d.interviewer).has(w)));
  if (isNameLabel(d.interviewee)) {
    const clean = cleanLabel(d.interviewee);
    if (notInterviewer(clean)) return clean;
  }
  const fileWords = fileNameWords(d.file);
  const inFile = (name: string) =>
    name
      .toLowerCase()
      .split(/\s+/)
      .some((w) => fileWords.includes(w));
  // Greetings and thanks: by the interviewer (labelled), or by anyone but the interviewee's known
  // label; unlabelled, the interviewer's names are left out by the collection's list.
  const votes = new Map<string, number>();
  let order = 0;
  const firstSeen = new Map<string, number>();
  d.sentences.forEach((s, i) => {
    if (d.labelled && (d.roles[i] !== 'interviewer' || s.speaker === d.interviewee)) return;
    for (const v of vocatives(s.text)) {
      const bare = v.replace(new RegExp(`^${TITLE}`, 'u'), '');
      if (!notInterviewer(bare)) continue;
      votes.set(bare, (votes.get(bare) ?? 0) + 1 + (inFile(bare) ? 2 : 0));
      if (!firstSeen.has(bare)) firstSeen.set(bare, order++);
    }
  });
  const best = [...votes.entries()].sort(
    (a, b) => b[1] - a[1] || firstSeen.get(a[0])! - firstSeen.get(b[0])!,
  )[0]?.[0];
  const fromFile =
    fileWords.length >= 1 && fileWords.length <= 4 && notInterviewer(fileWords.join(' '))
      ? fileWords.map(titleCase).join(' ')
      : undefined;
  if (best !== undefined) {
    // "Owen" greeted, "owen_tregarthen" as the file: the full name.
    if (fromFile && inFile(best)) return fromFile;
    return best;
  }
  // The file name alone: when it is said in the talk, or reads as a first and last name.
  if (fromFile === undefined) return undefined;
  const said = d.sentences.some((s) =>
    fileWords.some((w) => new RegExp(`\\b${titleCase(w)}\\b`, 'u').test(s.text)),
  );
  return said || fileWords.length >= 2 ? fromFile : undefined;
}

function nameWords(label: string): Set<string> {
  return new Set(
    cleanLabel(label)
      .toLowerCase()
      .split(/[\s,.]+/)
      .filter((w) => w.length >= 2),
  );
}
