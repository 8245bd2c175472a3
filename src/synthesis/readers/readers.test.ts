import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import type { Transcript } from '../types.ts';
import { detectTranscriptFormat, readTranscript } from './index.ts';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fixture = (name: string): Uint8Array => readFileSync(join(fixtures, name));
const read = (name: string, bytes = fixture(name)) => readTranscript({ file: name, bytes });
const bytesOf = (text: string) => new TextEncoder().encode(text);

/** The AppError a read fails with (the test fails if it succeeds or throws anything else). */
async function failure(file: string, content: string | Uint8Array): Promise<AppError> {
  const bytes = typeof content === 'string' ? bytesOf(content) : content;
  try {
    await readTranscript({ file, bytes });
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error(`${file} was read without an error`);
}

const said = (t: Transcript) => t.turns.map((turn) => [turn.speaker, turn.text]);

describe('plain-text transcripts', () => {
  it('reads "Speaker  0:00" headings (Otter), merging a speaker continuing under a new heading', async () => {
    const t = await read('otter-headings.txt');
    expect(t.format).toBe('text-headings');
    expect(t.id).toBe('otter-headings');
    expect(t.speakers).toEqual(['Maria Lopez', 'Tom Becker', 'Unknown Speaker']);
    expect(t.turns[3]).toEqual({
      speaker: 'Tom Becker',
      start: 18,
      end: null,
      text: "Honestly, it's talent. We can't hire data engineers fast enough, and the ones we train leave for the banks after eighteen months. And the second one is the legacy ERP. Every change takes a quarter.",
    });
    // hour-long recordings write h:mm:ss; the recorder's footer is not speech
    expect(t.turns.at(-2)).toMatchObject({ speaker: 'Maria Lopez', start: 3723 });
    expect(t.turns.at(-1)!.text).toBe(
      'Give the plant managers their own budget for automation. They know where the waste is.',
    );
  });

  it('reads "Name: text" lines with wrapped lines and paragraphs continuing the speaker', async () => {
    const t = await read('colon-lines.txt');
    expect(t.format).toBe('text-colon');
    expect(t.speakers).toEqual(['Interviewer', 'Jane Doe (COO)']);
    expect(t.turns[2]).toMatchObject({
      speaker: 'Jane Doe (COO)',
      text: 'Capacity, mostly. Our depots run at ninety-five percent and one broken conveyor means a lost day. We have also been slow to digitise the yard.',
    });
    expect(t.turns.find((turn) => turn.text === 'Anything else?')).toMatchObject({
      speaker: 'Interviewer',
      start: 845,
    });
    // header lines ("Interview: ...", "Date: ...") are not speakers
    expect(t.turns[0]!.speaker).toBeNull();
  });

  it('reads text without speakers as paragraphs', async () => {
    const t = await read('plain-paragraphs.txt');
    expect(t.format).toBe('text-plain');
    expect(t.speakers).toEqual([]);
    expect(t.turns.map((turn) => turn.text)).toEqual([
      'What are the biggest challenges your division faces over the next two years?',
      'The biggest challenge is the skills gap. We lose people to competitors who pay twenty percent more, and our training budget was cut in half last year.',
      'How do you feel about the pace of the AI roll-out?',
      'Honestly, I would pause it. The pilots produced nice demos and no savings, and my team is exhausted by yet another tool.',
    ]);
  });

  it('reads "Jane Doe (00:01:02):" headings (Rev text) and "[00:00:05] Name: text" lines', async () => {
    const rev = await read(
      'rev.txt',
      bytesOf('Jane Doe (00:00:02):\nWe need more analysts.\n\nBob Li (01:02:03):\nAgreed.\n'),
    );
    expect(rev.format).toBe('text-headings');
    expect(rev.turns).toEqual([
      { speaker: 'Jane Doe', start: 2, end: null, text: 'We need more analysts.' },
      { speaker: 'Bob Li', start: 3723, end: null, text: 'Agreed.' },
    ]);
    const stamped = await read(
      'descript.txt',
      bytesOf('[00:00:05] Ana: Hello there.\n[00:00:09] Ben: Hi Ana.\n'),
    );
    expect(stamped.turns).toEqual([
      { speaker: 'Ana', start: 5, end: null, text: 'Hello there.' },
      { speaker: 'Ben', start: 9, end: null, text: 'Hi Ana.' },
    ]);
  });

  it('does not take prose with a colon for a speaker', async () => {
    const t = await read(
      'memo.txt',
      bytesOf('We discussed many things: budgets, hiring and the ERP.\n\nThe conclusion: we wait.\n'),
    );
    expect(t.format).toBe('text-plain');
    expect(t.speakers).toEqual([]);
  });
});

describe('WebVTT', () => {
  it('reads Teams voices: GUID cue ids, one utterance over several cues, markup and entities', async () => {
    const t = await read('teams-voices.vtt');
    expect(t.format).toBe('vtt');
    expect(t.speakers).toEqual(['Maria Lopez', 'Tom Becker']);
    expect(t.turns[0]).toEqual({
      speaker: 'Maria Lopez',
      start: 1,
      end: 10.1,
      text: 'Good morning, and thanks for joining. What are the biggest challenges your division faces over the next two years?',
    });
    expect(t.turns[1]).toEqual({
      speaker: 'Tom Becker',
      start: 11.25,
      end: 19.5,
      text: "Talent & retention, without a doubt. Data engineers leave after <18 months>. And the ERP, which we've patched since 2009 – it slows everything.",
    });
    // two voices in one cue
    expect(said(t).slice(2)).toEqual([
      ['Maria Lopez', 'Thank you.'],
      ['Tom Becker', 'My pleasure.'],
    ]);
    expect(t.turns[2]!.start).toBe(62.003);
    // NOTE and STYLE blocks and the header metadata are not speech
    expect(t.turns.some((turn) => /Exported|cue|Kind/.test(turn.text))).toBe(false);
  });

  it('reads Zoom "Name: text" cues; a cue with no name is a speaker Zoom could not identify', async () => {
    const t = await read('zoom-colon.vtt');
    expect(said(t)).toEqual([
      [
        'Maria Lopez',
        "Okay, we're recording. Thanks for joining, Tom. How do you feel about the pace of the AI roll-out?",
      ],
      [
        'Tom Becker',
        'Honestly? Too slow. R&D has had a pilot running since January and nobody > director level has seen it.',
      ],
      [null, 'Mm hmm.'],
      ['Tom Becker', "We should accelerate, and I'd say that on the record."],
    ]);
    expect(t.turns[1]).toMatchObject({ start: 15.63, end: 24.24 });
  });

  it('reads a header-less .vtt, mm:ss.ttt times, and a payload split by a blank line', async () => {
    const t = await read(
      'short.vtt',
      bytesOf(
        '00:01.000 --> 00:04.000\n<v Ana>First part\n\nsecond part.\n\n00:05.000 --> 00:06.000\n<v Ben>Yes.\n',
      ),
    );
    expect(t.turns).toEqual([
      { speaker: 'Ana', start: 1, end: 4, text: 'First part second part.' },
      { speaker: 'Ben', start: 5, end: 6, text: 'Yes.' },
    ]);
  });
});

describe('SRT', () => {
  it('gives unlabelled cues to the last named speaker when names are written only on a change', async () => {
    const t = await read('labelled-on-change.srt');
    expect(t.format).toBe('srt');
    expect(said(t)).toEqual([
      ['Interviewer', 'What would you change first if you could?'],
      [
        'Priya Shah',
        'I would fix onboarding. New hires spend three weeks waiting for laptops, which is absurd for a firm our size. It costs us real money.',
      ],
      ['Interviewer', 'Thank you.'],
    ]);
    expect(t.turns[1]).toMatchObject({ start: 3.4, end: 12 });
  });

  it('joins cues that break mid-sentence when there are no speakers', async () => {
    const t = await read('whisper-plain.srt');
    expect(said(t)).toEqual([
      [null, 'I think the biggest risk for us is that we automate the wrong processes first.'],
      [null, 'We should start with the boring back-office work.'],
    ]);
    expect(t.turns[0]).toMatchObject({ start: 0, end: 7.5 });
  });
});

describe('DOCX', () => {
  it('reads paragraphs alternating "Name  00:01:02" / "Name (00:01)" and what was said', async () => {
    const t = await read('interview-headings.docx');
    expect(t.format).toBe('docx');
    expect(t.speakers).toEqual(['Maria Lopez', 'Anna de la Cruz']);
    expect(t.turns[2]).toEqual({
      speaker: 'Anna de la Cruz',
      start: 9,
      end: null,
      text: 'Regulation & pricing. The grid fees change every quarter, and our forecasting models can’t keep up. We also struggle to hire analysts. They go to consultancies.',
    });
    expect(t.turns.at(-1)).toMatchObject({ speaker: 'Anna de la Cruz', start: 80 });
  });

  it('reads a transcript laid out as a table (speaker | time | text)', async () => {
    const t = await read('interview-table.docx');
    expect(said(t).slice(1)).toEqual([
      ['Maria Lopez', 'What would you change first?'],
      ['Priya Shah', 'Onboarding. New hires wait three weeks for laptops.'],
    ]);
    expect(t.turns[2]!.start).toBe(7);
  });
});

describe('speech-to-text JSON', () => {
  it('reads Whisper segments (no speakers), joining a sentence cut over two segments', async () => {
    const t = await read('whisper.json');
    expect(t.format).toBe('whisper-json');
    expect(t.speakers).toEqual([]);
    expect(t.turns).toEqual([
      { speaker: null, start: 0, end: 2.5, text: 'What is the biggest challenge?' },
      { speaker: null, start: 3, end: 3.6, text: 'Hiring.' },
      { speaker: null, start: 3.8, end: 7.9, text: 'We cannot find data engineers.' },
    ]);
  });

  it('reads WhisperX speakers and Whisper .tsv (milliseconds)', async () => {
    expect((await read('whisperx.json')).speakers).toEqual(['SPEAKER_00', 'SPEAKER_01']);
    const tsv = await read('whisper.tsv');
    expect(tsv.turns.at(-1)).toEqual({
      speaker: null,
      start: 3,
      end: 7.9,
      text: 'Hiring. We cannot find data engineers.',
    });
  });

  it('reads Rev monologues: named speakers, elements joined, times from the words', async () => {
    const t = await read('rev.json');
    expect(t.format).toBe('rev-json');
    expect(t.turns).toEqual([
      { speaker: 'Maria Lopez', start: 0.5, end: 1.4, text: 'What would you change?' },
      { speaker: 'Speaker 1', start: 2.1, end: 4.3, text: "Onboarding. It's broken. Really." },
    ]);
  });

  it('reads AssemblyAI utterances in milliseconds, and words when speaker labels were off', async () => {
    const t = await read('assemblyai.json');
    expect(t.format).toBe('assemblyai-json');
    expect(t.turns).toEqual([
      { speaker: 'Speaker A', start: 0.24, end: 2.56, text: 'What are the biggest challenges?' },
      { speaker: 'Speaker B', start: 3.06, end: 4.81, text: 'Talent. And the ERP.' },
    ]);
    const words = await read('assemblyai-no-speakers.json');
    expect(said(words)).toEqual([
      [null, 'What are the biggest challenges?'],
      [null, 'Talent and the ERP.'],
    ]);
  });
});

describe('encodings', () => {
  const textFixtures = readdirSync(fixtures).filter((f) => !f.endsWith('.docx'));

  it.each(textFixtures)('%s reads the same with a UTF-8 BOM and CRLF line endings', async (name) => {
    const plain = await read(name);
    const text = new TextDecoder().decode(fixture(name));
    const crlf = bytesOf(`\uFEFF${text.replace(/\r?\n/g, '\r\n')}`);
    const windows = await read(name, crlf);
    expect(windows).toEqual(plain);
  });

  it('reads UTF-16 (Notepad "Unicode") and Windows-1252 exports', async () => {
    const text = 'Ana: Das Budget für 2025 ist zu knapp.\nBen: Einverstanden.\n';
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))]);
    expect(said(await read('notes.txt', utf16))).toEqual([
      ['Ana', 'Das Budget für 2025 ist zu knapp.'],
      ['Ben', 'Einverstanden.'],
    ]);
    const latin = new Uint8Array(Buffer.from(text, 'latin1'));
    expect((await read('notes.txt', latin)).turns[0]!.text).toBe('Das Budget für 2025 ist zu knapp.');
  });
});

describe('ids and detection', () => {
  it('defaults the id to the file name without directory and extension, or takes the one given', async () => {
    const bytes = bytesOf('Ana: Hello.\nBen: Hi.\n');
    expect((await readTranscript({ file: 'interviews/2024/ceo-acme.final.txt', bytes })).id).toBe(
      'ceo-acme.final',
    );
    expect((await readTranscript({ file: 'C:\\data\\cfo.txt', bytes })).id).toBe('cfo');
    expect((await readTranscript({ file: 'x.txt', bytes, id: ' int-07 ' })).id).toBe('int-07');
  });

  it('detects by content before the extension', () => {
    expect(detectTranscriptFormat('call.txt', fixture('teams-voices.vtt'))).toBe('vtt');
    expect(detectTranscriptFormat('call.txt', fixture('rev.json'))).toBe('rev-json');
    expect(detectTranscriptFormat('call', fixture('interview-table.docx'))).toBe('docx');
    expect(detectTranscriptFormat('call.vtt', fixture('labelled-on-change.srt'))).toBe('vtt');
    expect(detectTranscriptFormat('call.srt', fixture('otter-headings.txt'))).toBe('text-headings');
  });
});

describe('errors name the file and the line and say what to do', () => {
  it('refuses binary data (random bytes, PDF, legacy .doc, a zip that is not Word)', async () => {
    const random = new Uint8Array(4096).map((_, k) => (k * 7919 + 13) % 256);
    const e = await failure('recording.m4a', random);
    expect(e.code).toBe('TRANSCRIPT_FORMAT_UNKNOWN');
    expect(e.message).toMatch(
      /^recording\.m4a:1: this is binary data.*tried plain text, WebVTT, SRT.*Export the transcript as/,
    );
    expect((await failure('a.pdf', '%PDF-1.7\n...')).message).toMatch(/a\.pdf:1: this is a PDF document/);
    const doc = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect((await failure('old.doc', doc)).message).toMatch(/legacy Word \.doc.*Save it as \.docx/);
    const zip = new JSZip();
    zip.file('sheet.xml', '<x/>');
    const xlsx = await zip.generateAsync({ type: 'uint8array' });
    expect((await failure('data.xlsx', xlsx)).code).toBe('TRANSCRIPT_FORMAT_UNKNOWN');
  });

  it('refuses JSON of another shape and HTML, saying which formats were tried', async () => {
    const e = await failure('export.json', '{"items": [1, 2]}');
    expect(e.code).toBe('TRANSCRIPT_FORMAT_UNKNOWN');
    expect(e.message).toMatch(
      /export\.json:1: JSON, but not a transcript.*found items.*tried Whisper.*Rev.*AssemblyAI/,
    );
    expect((await failure('page.html', '<!DOCTYPE html><html></html>')).message).toMatch(
      /page\.html:1: .*HTML/,
    );
  });

  it('reports empty files and files with no speech', async () => {
    expect((await failure('a.txt', '')).message).toMatch(/^a\.txt:1: the file is empty \(0 bytes\)\. /);
    expect((await failure('b.txt', ' \n\r\n\t')).code).toBe('TRANSCRIPT_EMPTY');
    const e = await failure('c.vtt', 'WEBVTT\n\nNOTE nothing was said\n\n00:00:01.000 --> 00:00:02.000\n\n');
    expect(e.code).toBe('TRANSCRIPT_EMPTY');
    expect(e.message).toMatch(/c\.vtt:1: no spoken text found \(read as vtt\)/);
    expect((await failure('d.json', '{"segments": []}')).code).toBe('TRANSCRIPT_EMPTY');
  });

  it('reports cut-off JSON at the line where it stops, and a broken JSON at the line of the error', async () => {
    const text = new TextDecoder().decode(fixture('assemblyai.json'));
    const cut = await failure('interview-07.json', text.slice(0, text.indexOf('"Talent.') + 4));
    expect(cut.code).toBe('TRANSCRIPT_MALFORMED');
    expect(cut.message).toMatch(
      /^interview-07\.json:11 \(column 34\): not valid JSON: the JSON ends too early \(Unterminated string\)/,
    );
    expect(cut.message).toMatch(/export it again/);
    const broken = await failure('x.json', '{\n  "segments": [\n    {"start": 0, "text": "a"},\n  ]\n}\n');
    expect(broken.message).toMatch(/^x\.json:4 \(column 3\): not valid JSON/);
    expect((await failure('y.json', 'hello')).message).toMatch(
      /^y\.json:1: a \.json file that does not start with "\{"/,
    );
  });

  it('reports a JSON transcript with the wrong types by field', async () => {
    const e = await failure(
      'rev.json',
      '{"monologues": [{"speaker": 0, "elements": [{"type": "text", "value": 7}]}]}',
    );
    expect(e.code).toBe('TRANSCRIPT_MALFORMED');
    expect(e.message).toMatch(/rev\.json \(field monologues\[0\]\.elements\[0\]\.value\): .* should be text/);
  });

  it('reports a broken cue timestamp with its line', async () => {
    const vtt =
      'WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nAna: Hi.\n\n2\n00:00:0x.000 --> 00:00:04.000\nBen: Hello.\n';
    const e = await failure('call.vtt', vtt);
    expect(e.code).toBe('TRANSCRIPT_MALFORMED');
    expect(e.message).toBe(
      'call.vtt:8: WebVTT cue timing "00:00:0x.000 --> 00:00:04.000" is not valid (expected "00:01:02.500 --> 00:01:05.000"). Fix the timestamp on that line or export the transcript again; a file cut off mid-line must be re-exported.',
    );
    const srt = await failure(
      'call.srt',
      '1\n00:00:01,000 --> 00:00:02,000\nHi.\n\n2\n00:00:03,000 --> 00:00:0',
    );
    expect(srt.message).toMatch(/^call\.srt:6: SRT cue timing/);
  });

  it('reports subtitles cut off after a cue number or inside a timing', async () => {
    const afterId = await failure('cut.srt', '1\n00:00:01,000 --> 00:00:02,000\nHi.\n\n2\n');
    expect(afterId.message).toMatch(
      /^cut\.srt:5: the file ends with "2" and no cue timing after it: it seems cut off/,
    );
    const inTiming = await failure(
      'cut.vtt',
      'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHi.\n\n00:00:03.000 -',
    );
    expect(inTiming.message).toMatch(
      /^cut\.vtt:6: "00:00:03\.000 -" starts like a cue timing but has no "-->"/,
    );
    expect((await failure('none.srt', '1\n00:00:0')).message).toMatch(/none\.srt:2: /);
  });

  it('reports a truncated DOCX archive', async () => {
    const bytes = fixture('interview-headings.docx');
    const e = await failure('interview.docx', bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(e.code).toBe('TRANSCRIPT_MALFORMED');
    expect(e.message).toMatch(/^interview\.docx: the DOCX archive is damaged or cut off .*save it again/);
  });
});

describe('speed', () => {
  // Quadratic scans once made these take close to a minute; linear reading takes well under a second.
  const adversarial: Record<string, [string, string]> = {
    'a cue of 1 MB of "<a"': ['a.vtt', `WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n${'<a'.repeat(500_000)}`],
    'a cue of 1 MB of "{\\\\"': ['a.srt', `1\n00:00:01,000 --> 00:00:02,000\n${'{\\'.repeat(500_000)}`],
    'one 1 MB line of words': ['a.txt', 'word '.repeat(200_000)],
    '1 MB of "([" before a colon': ['a.txt', `${'(['.repeat(500_000)}: x`],
    '50,000 "Name: text" lines': ['a.txt', 'Ana: yes.\nBen: no.\n'.repeat(25_000)],
  };
  it.each(Object.keys(adversarial))('reads %s in linear time', async (name) => {
    const [file, text] = adversarial[name]!;
    const started = performance.now();
    await readTranscript({ file, bytes: bytesOf(text) });
    expect(performance.now() - started).toBeLessThan(3000);
  });
});

describe('Zoom cues without a name', () => {
  // Zoom names every cue, so one speaker twice in a row shows the style: a nameless cue is someone unidentified.
  it('continue the previous speaker when they finish a sentence in lower case, else stand alone', async () => {
    const vtt = [
      'WEBVTT',
      '',
      '0',
      '00:00:00.000 --> 00:00:01.000',
      'Ana: Honestly?',
      '',
      '1',
      '00:00:01.000 --> 00:00:03.000',
      'Ana: We have been trying to hire',
      '',
      '2',
      '00:00:03.000 --> 00:00:05.000',
      'three engineers since March.',
      '',
      '3',
      '00:00:06.000 --> 00:00:07.000',
      'Right.',
      '',
      '4',
      '00:00:08.000 --> 00:00:09.000',
      'Ana: And we still have none.',
      '',
    ].join('\n');
    const t = await read('zoom.vtt', bytesOf(vtt));
    expect(said(t)).toEqual([
      ['Ana', 'Honestly? We have been trying to hire three engineers since March.'],
      [null, 'Right.'],
      ['Ana', 'And we still have none.'],
    ]);
  });

  it('strips stray control characters from otherwise readable text', async () => {
    const t = await read('odd.txt', bytesOf('Ana: Budget\u0007 is tight.\nBen: Agreed.\n'));
    expect(t.turns[0]!.text).toBe('Budget is tight.');
  });
});
