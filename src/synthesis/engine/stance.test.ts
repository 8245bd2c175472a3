import { describe, expect, it } from 'vitest';
import { sentenceStance } from './stance.ts';

describe('stance cues', () => {
  it.each([
    ['We should move faster and invest now.', 2],
    ["We shouldn't rush, let the pilots prove themselves first.", -2],
    ['Hold off on the big system project until we agree on one way of doing things.', -2],
    ["We can't wait any longer.", 1],
    // Complaints about delay push ahead.
    ['We should replace it now, every year we wait makes it more expensive.', 2],
    ['We keep postponing the replacement while rivals pull ahead.', 1],
    ['The longer we wait, the harder it gets.', 1],
    // "Stop doing X" ends the status quo; "stop the rollout" holds back.
    ['I would sign this year and stop patching the old one.', 1],
    ['We should stop the rollout.', -1],
  ])('%s -> %d', (sentence, stance) => {
    expect(sentenceStance(sentence)).toBe(stance);
  });
});
