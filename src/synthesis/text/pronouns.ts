/**
 * First person → third, the one table behind reported speech in `ask` answers and theme summaries
 * ("we should cut the budget" → "they should cut the budget"). Contractions and tense are each
 * caller's own choice (a summary keeps the tense, an `ask` answer backshifts it).
 */
export const FIRST_TO_THIRD_PERSON: Readonly<Record<string, string>> = Object.freeze({
  i: 'they',
  we: 'they',
  me: 'them',
  us: 'them',
  my: 'their',
  our: 'their',
  mine: 'theirs',
  ours: 'theirs',
  myself: 'themselves',
  ourselves: 'themselves',
});
