/**
 * Filler removal that keeps a speaker's words faithful: only sounds and discourse fillers go
 * ("um", "uh", "you know," "I mean,", "like" used as a filler), stutters collapse ("I I think"),
 * and annotation markers from corpora such as QMSum ({disfmarker}, {vocalsound}, {gap}) are removed.
 * Nothing that changes the meaning is touched: "I like it", "you know that…", "I mean it" stay.
 */

// Curly-brace annotations ({disfmarker}, {vocalsound}, {gap}, {pause}, {nonvocalsound}, …) and
// bracketed sound tags common in ASR exports ([laughter], (inaudible), [crosstalk]).
const MARKER_RE =
  /\{[a-z_ ]{1,30}\}|\[(?:laugh(?:ter|s|ing)?|crosstalk|inaudible|noise|music|silence|pause|applause|cough(?:s|ing)?|unintelligible|overlapping|background noise|indiscernible)\]|\((?:laugh(?:ter|s|ing)?|inaudible|crosstalk|unintelligible|indiscernible)\)/gi;

/** Remove corpus annotation markers ({disfmarker}, {vocalsound}, [laughter], …) and tidy spacing. */
export function stripMarkers(text: string): string {
  return tidy(text.replace(MARKER_RE, ' ').replace(/\s+/g, ' '));
}

// Hesitation sounds: always fillers.
const SOUND = '(?:uh-huh|mm-hmm|u+h+m*|u+m+|e+r+m*|e+h+|a+h+|h+m+|m+h*m+|mhm|huh)';
const SOUND_RE = new RegExp(String.raw`(^|[\s,;.!?(-])${SOUND}(?=[\s,;.!?)-]|$)[,]?`, 'gi');
// "you know" / "I mean" only when set off as a parenthetical: sentence-initial or after a comma,
// and followed by a comma or the end of the clause. "you know that…" and "I mean it" are kept.
const YOU_KNOW_RE =
  /(^|[,;.!?]\s*|\s)(?<!\b(?:do|did|don't|didn't|if|as|what|when)\s)(?:you know|i mean|you see)\s*(?:,|(?=[.!]|$))/gi;
// "like" as filler: set off by commas ("I was, like, five"), or opening a clause followed by a comma.
const LIKE_OPEN_RE = /(^|[.!?]\s*)like\s*,/gi;
const LIKE_COMMAS_RE = /,\s*like\s*,\s*/gi;
// Stutters: a word or a phrase of up to three words said twice in a row ("I I think", "we need to we need to").
// Grammatical doubles ("that that", "had had") are kept.
const KEEP_DOUBLE = new Set(['that that', 'had had', 'is is', 'do do', 'bye bye', 'very very', 'no no']);
const SHORT_WORDS = new Set(
  `an as at be by do go he if in is it me my no of on or so to up us we am and are but can did for get got
  had has her him his how its let may new not now old one our out own put say see set she the too two use
  was way who why yes yet you all any few off big bad end far lot man men run sit ten try win ask act add
  age ago aim air art bit box boy buy car cut day die dog due eat eye fit fix fun guy hit hot ice job key
  kid law lay leg lie low map mix net oil pay per pop raw red row sad sea six sky son sun tax tea tie top
  toy van war web wet yet zoo ok oh ah um uh hi bye wow via etc`.split(/\s+/),
);

/**
 * Remove fillers and stutters from one utterance while keeping its meaning and wording.
 * Also strips annotation markers. Capitalises a sentence start that lost its first word.
 */
export function removeFillers(text: string): string {
  // cheap substring checks skip the passes that cannot match (this runs on every turn)
  const lower = text.toLowerCase();
  let s = /[{[(]/.test(text) ? text.replace(MARKER_RE, ' ') : text;
  s = s.replace(SOUND_RE, dropKeepingStart);
  if (lower.includes('you know') || lower.includes('i mean') || lower.includes('you see')) {
    s = s.replace(YOU_KNOW_RE, dropKeepingStart);
  }
  if (lower.includes('like')) s = s.replace(LIKE_OPEN_RE, dropKeepingStart).replace(LIKE_COMMAS_RE, ' ');
  // A sentence whose first word was a filler starts with the next word, capitalised
  // ("Um, we went" -> "We went"); sentences that were lower case to begin with stay so.
  if (s.includes('\uE000')) {
    s = s
      .replace(/\uE000[\s,;:\uE000]*(\p{Ll})/gu, (_m, c: string) => c.toUpperCase())
      .replace(/\uE000/g, '');
  }
  return tidy(dropStutters(s));
}

// Words whose key is letters only (with apostrophes) can stutter; the key ignores case and commas.
const STUTTER_KEY = /^[\p{L}']+$/u;

/**
 * One pass over the words: drop cut-off words of speech ("th they", "w want", "wha what": a lone
 * lower-case consonant before a word, or a short non-word that begins the next word), and say a
 * word or phrase of up to three words once when it was said twice in a row ("I I think",
 * "we need to we need to act"). Grammatical doubles ("that that", "had had") are kept.
 */
function dropStutters(s: string): string {
  // lone lower-case consonants before a word first, so "th w they" shows "th" next to "they"
  const toks = s
    .split(/\s+/)
    .filter((t, i, all) => !(isLoneConsonant(t) && startsWithTwoLetters(all[i + 1])));
  const keys = toks.map((t) => {
    const k = t.toLowerCase();
    return k.endsWith(',') ? k.slice(0, -1) : k;
  });
  const out: string[] = [];
  const outKeys: string[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (!t) continue;
    const k = keys[i]!;
    const next = keys[i + 1];
    if (
      next !== undefined &&
      (k.length === 2 || k.length === 3) &&
      t === k &&
      isAsciiLower(k) &&
      next.length > k.length &&
      next.startsWith(k) &&
      isLetter(next.charCodeAt(k.length)) &&
      !SHORT_WORDS.has(k)
    ) {
      continue;
    }
    let repeated = 0;
    for (let n = 3; n >= 1 && !repeated; n--) {
      if (outKeys.length < n || i + n > toks.length) continue;
      let same = true;
      for (let j = 0; j < n && same; j++) same = outKeys[outKeys.length - n + j] === keys[i + j];
      for (let j = 0; j < n && same; j++) same = STUTTER_KEY.test(keys[i + j]!);
      if (same && !(n === 1 && KEEP_DOUBLE.has(`${k} ${k}`))) repeated = n;
    }
    if (repeated) {
      // keep the sentence mark that ended the dropped copy ("was was." -> "was.")
      const end = /[.!?]+$/.exec(toks[i + repeated - 1]!)?.[0];
      if (end && !/[.!?]$/.test(out[out.length - 1]!)) out[out.length - 1] += end;
      i += repeated - 1;
      continue;
    }
    out.push(t);
    outKeys.push(k);
  }
  return out.join(' ');
}

function isLetter(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    (c >= 0xc0 && c !== 0x2019 && c !== 0x201c && c !== 0x201d)
  );
}

function isAsciiLower(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c < 97 || c > 122) return false;
  }
  return true;
}

// "w", "d", "t": not "a" or "i", which are words.
function isLoneConsonant(t: string): boolean {
  if (t.length !== 1) return false;
  const c = t.charCodeAt(0);
  return c >= 98 && c <= 122 && c !== 105;
}

function startsWithTwoLetters(t: string | undefined): boolean {
  return t !== undefined && t.length >= 2 && isLetter(t.charCodeAt(0)) && isLetter(t.charCodeAt(1));
}

// Replacement that keeps the text before a filler, and marks a sentence start whose first word
// was a capitalised filler so the next word takes the capital.
function dropKeepingStart(match: string, pre: string): string {
  const removed = match.slice(pre.length).trimStart();
  const atStart = pre === '' || /[.!?]\s*$/.test(pre);
  // ", you know, fine" -> " fine": a parenthetical filler takes its opening comma with it
  if (/,\s*$/.test(pre) && match.endsWith(',')) return pre.replace(/,\s*$/, ' ');
  return atStart && /^\p{Lu}/u.test(removed) ? `${pre}\uE000` : pre;
}

/** Collapse the punctuation debris that removals leave behind (spaces are already single). */
function tidy(s: string): string {
  let t = s.replace(/ ([,.;:!?])/g, '$1');
  if (/[,;:][,;: ]*[,;:]|,[.!?]|\(\s*\)|\[\s*\]/.test(t)) {
    t = t
      .replace(/([,;:])(?:\s*[,;:])+/g, '$1')
      .replace(/,\s*([.!?])/g, '$1')
      .replace(/\(\s*\)|\[\s*\]/g, '');
  }
  t = t.replace(/([.!?] ?)[,;:] ?/g, '$1').replace(/^[\s,.;:!?-]+/, '');
  return t.includes('  ') ? t.replace(/ {2,}/g, ' ').trim() : t.trim();
}
