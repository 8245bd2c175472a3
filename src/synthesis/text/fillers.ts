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
  return tidy(text.replace(MARKER_RE, ' '));
}

// Hesitation sounds: always fillers.
const SOUND = '(?:uh-huh|mm-hmm|u+h+m*|u+m+|e+r+m*|a+h+|h+m+|m+h*m+|mhm|huh)';
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
const REPEAT_RE = /\b([\p{L}']+(?:\s+[\p{L}']+){0,2})(?:\s*,?\s+\1\b)+/giu;
const KEEP_DOUBLE = new Set(['that that', 'had had', 'is is', 'do do', 'bye bye', 'very very', 'no no']);
// Cut-off words of speech ("th they", "w want", "wha what"): a lone lower-case consonant before a word,
// or a short non-word that begins the next word.
const LONE_LETTER_RE = /(?<=^|\s)[b-hj-z]\s+(?=\p{L}{2})/gu;
const CUT_OFF_RE = /(?<=^|\s)(\p{Ll}{2,3})\s+(?=(\p{L}+))/gu;
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
  let s = text.replace(MARKER_RE, ' ');
  s = s.replace(SOUND_RE, dropKeepingStart);
  s = s.replace(YOU_KNOW_RE, dropKeepingStart);
  s = s.replace(LIKE_OPEN_RE, dropKeepingStart);
  s = s.replace(LIKE_COMMAS_RE, ' ');
  s = s.replace(LONE_LETTER_RE, '');
  s = s.replace(CUT_OFF_RE, (whole, frag: string, next: string) =>
    !SHORT_WORDS.has(frag) && next.toLowerCase().startsWith(frag) && next.length > frag.length ? '' : whole,
  );
  s = s.replace(REPEAT_RE, (whole, unit: string) =>
    KEEP_DOUBLE.has(whole.toLowerCase().replace(/[\s,]+/g, ' ')) ? whole : unit,
  );
  // A sentence whose first word was a filler starts with the next word, capitalised
  // ("Um, we went" -> "We went"); sentences that were lower case to begin with stay so.
  s = s.replace(/\uE000[\s,;:\uE000]*(\p{Ll})/gu, (_m, c: string) => c.toUpperCase()).replace(/\uE000/g, '');
  return tidy(s);
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

/** Collapse the spacing and punctuation debris that removals leave behind. */
function tidy(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:!?])/g, '$1')
    .replace(/([,;:])(?:\s*[,;:])+/g, '$1')
    .replace(/,\s*([.!?])/g, '$1')
    .replace(/(^|[.!?]\s*)[,;:]\s*/g, '$1')
    .replace(/\(\s*\)|\[\s*\]/g, '')
    .replace(/^[\s,.;:!?-]+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}
