import { describe, expect, it } from 'vitest';
import { isGgmlModel, isTdrzModel, whisperAddonPackage, whisperSegments } from './whisper.ts';

describe('whisper.cpp results', () => {
  it('turns milliseconds into seconds and drops non-speech marks', () => {
    expect(
      whisperSegments(
        [
          { text: ' Good morning.', t0: 0, t1: 1500 },
          { text: ' [BLANK_AUDIO]', t0: 1500, t1: 4000 },
          { text: ' (music)', t0: 4000, t1: 5000 },
          { text: ' Thanks for coming.', t0: 5000, t1: 6250 },
        ],
        false,
      ),
    ).toEqual([
      { start: 0, end: 1.5, text: 'Good morning.' },
      { start: 5, end: 6.25, text: 'Thanks for coming.' },
    ]);
  });

  it('alternates two speakers at tinydiarize turn marks', () => {
    const segments = whisperSegments(
      [
        { text: ' What gets in the way? [SPEAKER_TURN]', t0: 0, t1: 2000 },
        { text: ' Staffing, mostly.', t0: 2000, t1: 3000 },
        { text: ' And hiring. [SPEAKER_TURN]', t0: 3000, t1: 4000 },
        { text: ' Why?', t0: 4000, t1: 4500 },
      ],
      true,
    );
    expect(segments.map((s) => [s.speaker, s.text])).toEqual([
      ['Speaker 1', 'What gets in the way?'],
      ['Speaker 2', 'Staffing, mostly.'],
      ['Speaker 2', 'And hiring.'],
      ['Speaker 1', 'Why?'],
    ]);
  });

  it('knows a ggml model by its magic number and a tinydiarize model by its name', () => {
    expect(isGgmlModel(new Uint8Array([0x6c, 0x6d, 0x67, 0x67, 1]))).toBe(true);
    expect(isGgmlModel(new TextEncoder().encode('RIFF'))).toBe(false);
    expect(isTdrzModel('/models/ggml-small.en-tdrz.bin')).toBe(true);
    expect(isTdrzModel('/models/tdrz/ggml-base.en.bin')).toBe(false);
    expect(whisperAddonPackage('linux', 'x64')).toBe('@fugood/node-whisper-linux-x64');
  });
});
