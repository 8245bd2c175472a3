/** The deck writer's public surface. */
export { type Block, paginate } from './flow.ts';
export { makePeople, makeRedactor, type People, REDACTED } from './people.ts';
export type { PlannedSlide, SlideKind } from './plan.ts';
export { DEFAULT_PRICE_PER_SLIDE, outTaskerPrice } from './price.ts';
export { planDeck } from './slides/index.ts';
export {
  type DeckLogo,
  type DeckTheme,
  defaultTheme,
  parseThemeFile,
  resolveTheme,
  type ThemeFile,
} from './theme.ts';
export { loadThemeFile } from './theme-file.ts';
export { type DeckOptions, type DeckResult, writeDeck } from './write-deck.ts';
