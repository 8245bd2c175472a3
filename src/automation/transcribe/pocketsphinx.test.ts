import { describe, expect, it } from 'vitest';
import { lastWordEnd, parsePocketsphinxOutput } from './pocketsphinx.ts';

// Real output of pocketsphinx_continuous -time yes on two espeak-ng utterances (shortened).
const OUTPUT = `what you do that
<s> 0.380 0.490 0.998801
what 0.500 0.770 0.635621
<sil> 0.780 0.830 0.980589
you 0.840 0.960 0.912187
do 0.970 1.290 0.154894
that(2) 1.300 1.430 0.325423
[NOISE] 1.440 1.500 0.9
</s> 4.690 4.930 1.000000
mostly talking
<s> 5.990 6.100 0.999000
mostly 6.110 6.600 0.095534
<sil> 6.610 6.700 0.967051
talking 6.710 7.260 0.837344
</s> 13.630 14.070 1.000000
<s> 15.0 15.2 1.0
</s> 15.2 15.9 1.0
`;

describe('pocketsphinx output', () => {
  it('gives one segment per utterance with absolute times, fillers and pronunciation variants dropped', () => {
    const segments = parsePocketsphinxOutput(OUTPUT);
    expect(segments).toEqual([
      { start: 0.5, end: 1.43, text: 'what you do that', confidence: expect.any(Number) },
      { start: 6.11, end: 7.26, text: 'mostly talking', confidence: expect.any(Number) },
    ]);
    expect(segments[1]!.confidence).toBeCloseTo((0.095534 + 0.837344) / 2, 3);
  });

  it('reads progress from word lines only', () => {
    expect(lastWordEnd('talking 6.710 7.260 0.837344')).toBe(7.26);
    expect(lastWordEnd('what you do that')).toBeNull();
  });

  it('gives no segments for silence', () => {
    expect(parsePocketsphinxOutput('<s> 0.0 0.1 1.0\n<sil> 0.1 2.0 1.0\n</s> 2.0 2.1 1.0\n')).toEqual([]);
  });
});
