/** What an out-tasker would have charged for a deck: slides × price per slide (default $11). */
import { type Money, money, multiply } from '../../platform/money.ts';

export const DEFAULT_PRICE_PER_SLIDE: Money = money(1100, 'USD');

export function outTaskerPrice(slideCount: number, pricePerSlide: Money = DEFAULT_PRICE_PER_SLIDE): Money {
  return multiply(pricePerSlide, slideCount);
}
