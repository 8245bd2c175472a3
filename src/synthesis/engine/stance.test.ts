import { describe, expect, it } from 'vitest';
import { words } from '../text/index.ts';
import { answerStances, sentenceStance } from './stance.ts';

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

describe('stance of an answer, as the speaker’s own view (issue 8 item 4)', () => {
  const net = (...texts: string[]) =>
    answerStances(
      texts,
      texts.map((t) => words(t)),
    ).reduce((a, b) => a + b, 0);

  it('a concession does not change the stance', () => {
    expect(net('I get the case for speed, but we should wait until the pilots are fixed.')).toBeLessThan(0);
    expect(
      net(
        'I understand why people want to push ahead.',
        'I would not roll it out anywhere else until that is fixed.',
      ),
    ).toBeLessThan(0);
    expect(
      net('I know the pilots had problems.', 'But the other clinics should go ahead on schedule.'),
    ).toBeGreaterThan(0);
  });

  it('someone else’s view, reported or acknowledged, is not the speaker’s', () => {
    expect(net('I know Graham wants to grow.')).toBe(0);
    expect(net('I know there are people who think we should consolidate first.')).toBe(0);
    expect(net('I know the plan is to keep going.')).toBe(0);
  });

  it('an answer that declines to take a side takes none, whatever cue words it holds', () => {
    expect(net("I'm not going to take a side on whether we pause or keep going.", 'We should wait.')).toBe(0);
    expect(
      net("Truthfully, I don't know whether we should wait or not.", "I'll go with whatever they decide."),
    ).toBe(0);
    expect(net("That's above my pay grade, honestly.", 'Pause it.')).toBe(0);
    expect(net("I'm honestly not going to pick a side on that, because I think it's a false choice.")).toBe(
      0,
    );
  });

  it('a condition argued against pushes the other way', () => {
    expect(net("But if we pause now we'll be running two systems for another year.")).toBeGreaterThan(0);
    expect(net('The only way that comes down is if we spread it over more clinics.')).toBeGreaterThan(0);
  });

  it('words that are cues in one sense only', () => {
    expect(sentenceStance('They need someone at their elbow for the first week.')).toBe(0);
    expect(sentenceStance('Close them before May, go live.')).toBe(0);
    expect(sentenceStance('So we were a pilot site.')).toBe(0);
    expect(sentenceStance("Westerby's fine now.")).toBe(0);
    expect(sentenceStance('Patients are waiting two months for an appointment.')).toBe(0);
    expect(sentenceStance("I'd keep May.")).toBe(1);
    expect(sentenceStance('Fix it first, then go.')).toBe(-1);
    expect(sentenceStance("Don't add more until that's sorted.")).toBeLessThan(0);
  });
});
