/**
 * What opens a clause without carrying its point: hesitation sounds, hedges and connectives
 * ("Honestly, I think we…", "Uh, so…"). Units, discourse detection and labels all cut it the same way.
 */

// Opening hedges and connectives: dropped from the start of a label or a key. Words that change the
// meaning when they open a clause ("No software fixes it", "Like most firms…", "Right now…") go only
// when a comma sets them off.
export const HEDGE =
  /^(?:(?:honestly|frankly|really|so(?!\s+(?:much|many|far|long|little|few|that)\b)|and|but|also|plus|then|okay|ok|yeah|i think|i guess|i'd say|i would say|i believe|i feel like|i suppose|to be honest|to me|for me|for us|in my team|in my view|in my opinion|personally|basically|obviously|of course|for example|for instance|on top of that|the main thing is(?: that)?|the big one is(?: that)?|what i see is(?: that)?|the thing is(?: that)?|the problem is(?: that)?|i mean|you know)\b,?|(?:well|now|look|yes|no|sure|right|like|i feel),)\s*/i;

const SOUND_OPENING = /^(?:u+h*m+|u+h+|e+r+m*|a+h+)\b[,]?\s*/i;
// A clause left starting with its complementizer once the opener went ("[The reality is] that the
// margin erodes"): "that" goes when a subject follows; "That approach failed" keeps its "that".
export const COMPLEMENTIZER =
  /^that\s+(?=(?:the|a|an|we|our|us|they|their|it|its|there|this|these|those|people|nobody|everyone|everybody|nothing|i|you|he|she|most|many|some|all|every|each|no)\b)/i;

/**
 * The text after its opening hedges, connectives and hesitation sounds ("Honestly, I think we…" ->
 * "we…"); a suffix of the input, so the words cut are exactly those before it.
 */
export function stripOpening(text: string): string {
  let s = text.trimStart();
  for (let i = 0; i < 8; i++) {
    const next = s.replace(SOUND_OPENING, '').replace(HEDGE, '').replace(COMPLEMENTIZER, '');
    if (next === s) break;
    s = next;
  }
  return s;
}
