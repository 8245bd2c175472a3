/**
 * A compact English stopword list for retrieval and keyword work: function words, pronouns,
 * auxiliaries, contractions and the discourse words of speech ("yeah", "okay", "gonna").
 * Words that carry meaning in interviews are NOT here: stance and order ("not", "never", "should",
 * "before") and everyday content words ("getting", "way", "like", "think"): a question such as
 * "what's getting in the way" must keep its only content words.
 */

const LIST = `a about above after again all also am an and any are aren't as at be because been being
below between both but by can can't could couldn't did didn't do does doesn't doing don't down during
each few for from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's
hers herself him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself just
let's me more most my myself of off on once only or other ought our ours ourselves out over own same she
she'd she'll she's so some such than that that's the their theirs them themselves then there there's
these they they'd they'll they're they've this those through to too under until up very was wasn't we
we'd we'll we're we've were weren't what what's when when's where where's which while who who's whom why
why's will with would wouldn't you you'd you'll you're you've your yours yourself yourselves
yeah yes yep okay ok oh um uh uhm hmm mm mhm er erm ah hm huh actually really basically gonna wanna
gotta kinda sorta maybe probably anyway anyways something anything everything someone somebody anyone
anybody ve ll re d s t m`;

/** The stopword set (lower case; contractions with a straight apostrophe). */
export const STOPWORDS: ReadonlySet<string> = new Set(LIST.split(/\s+/).filter(Boolean));

/** True when `word` (any case, straight or curly apostrophe) is a stopword. */
export function isStopword(word: string): boolean {
  return STOPWORDS.has(word) || STOPWORDS.has(word.toLowerCase().replace(/’/g, "'"));
}
