/** PocketSphinx as an engine: the Debian program, run as a child process. Draft quality, one speaker. */
import fs from 'node:fs';
import { runProcess } from '../run-process.ts';
import type { TranscriptionEngine } from './engine.ts';
import {
  lastWordEnd,
  POCKETSPHINX_BIN,
  POCKETSPHINX_MODEL_DIR,
  parsePocketsphinxOutput,
  pocketsphinxArgs,
} from './pocketsphinx.ts';

export const pocketsphinxEngine: TranscriptionEngine = {
  id: 'pocketsphinx',
  quality: 'draft',
  needsModel: false,
  diarizes: () => false,
  async check() {
    if (!fs.existsSync(`${POCKETSPHINX_MODEL_DIR}/en-us.lm.bin`)) {
      return {
        ok: false,
        detail: `no English model in ${POCKETSPHINX_MODEL_DIR} (apt-get install pocketsphinx pocketsphinx-en-us)`,
      };
    }
    try {
      // Without arguments the program prints its option table and exits; it exists if it starts.
      await runProcess(POCKETSPHINX_BIN, ['-logfn', '/dev/null', '-infile', '/dev/null'], {
        what: 'checking the installation',
        timeoutMs: 30_000,
      });
    } catch (error) {
      if (error instanceof Error && 'code' in error && error.code === 'TOOL_MISSING') {
        return {
          ok: false,
          detail: `${POCKETSPHINX_BIN} not found (apt-get install pocketsphinx pocketsphinx-en-us)`,
        };
      }
    }
    return { ok: true, detail: `${POCKETSPHINX_BIN}, US English model (draft quality, one speaker)` };
  },
  async run(opts) {
    const { stdout } = await runProcess(POCKETSPHINX_BIN, pocketsphinxArgs(opts.wav), {
      what: 'transcribing',
      timeoutMs: opts.timeoutMs,
      signal: opts.signal,
      onStdoutLine: (line) => {
        const end = lastWordEnd(line);
        if (end !== null && opts.durationS > 0) opts.onProgress?.(Math.min(1, end / opts.durationS));
      },
    });
    return parsePocketsphinxOutput(stdout);
  },
};
