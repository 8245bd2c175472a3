/**
 * Redaction on the Brindlemoor development corpus (../shared/eval/interviews-dev, 20 transcripts in
 * four formats): recall on the listed names (interviewees, interviewers) and organisations, given as
 * the workspace's lists; what compromise and the patterns caught or missed among the colleagues,
 * systems and places named in passing (no list holds them); time taken.
 *
 *   node --import tsx bench/redaction.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { redactFiles } from '../src/automation/index.ts';
import {
  devCorpusPresent,
  devLists,
  devTranscripts,
  evaluate,
  type TermCount,
} from '../test/helpers/dev-corpus.ts';
import { writeResult } from './lib/report.ts';

if (!devCorpusPresent()) {
  console.error('bench/redaction: ../shared/eval/interviews-dev is absent; nothing to measure');
  process.exit(1);
}
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'outtask-bench-redact-'));
try {
  const { people, lists } = devLists();
  const files = devTranscripts();
  const t0 = performance.now();
  const mapping = await redactFiles(files, { lists, outDir: out });
  const seconds = (performance.now() - t0) / 1000;
  const r = evaluate(mapping, out, people);
  const recall = (terms: TermCount[]) => {
    const occurrences = terms.reduce((n, t) => n + t.occurrences, 0);
    const surviving = terms.reduce((n, t) => n + t.surviving, 0);
    return {
      occurrences,
      redacted: occurrences - surviving,
      recall: occurrences ? 1 - surviving / occurrences : 1,
    };
  };
  const byRecognizer: Record<string, Record<string, number>> = {};
  for (const f of mapping.findings) {
    byRecognizer[f.recognizer] ??= {};
    byRecognizer[f.recognizer]![f.decision] = (byRecognizer[f.recognizer]![f.decision] ?? 0) + 1;
  }
  // Redacted by compromise but no name at all (false positives), for the review screen's sake.
  const notNames = mapping.pseudonyms
    .filter((p) => p.kind !== 'PERSON' || !lists.some((l) => l.name === p.key))
    .filter((p) => !lists.some((l) => l.name === p.key))
    .map((p) => `${p.label}: ${p.seen.join(' | ')}`);
  const result = {
    corpus: 'interviews-dev (development set: tuned on, not a held-out score)',
    files: files.length,
    seconds: Math.round(seconds * 10) / 10,
    listed: {
      names: { ...recall(r.names), missed: r.names.filter((t) => t.surviving > 0) },
      organisations: { ...recall(r.orgs), missed: r.orgs.filter((t) => t.surviving > 0) },
      fileNames: r.fileNames,
    },
    inPassing: Object.fromEntries(
      Object.entries(r.passing).map(([kind, terms]) => [
        kind,
        {
          ...recall(terms),
          terms: terms.map((t) => ({ ...t, caught: t.occurrences - t.surviving })),
        },
      ]),
    ),
    findingsByRecognizer: byRecognizer,
    unlistedPseudonyms: notNames,
  };
  const file = writeResult('redaction', result);
  console.log(
    JSON.stringify({
      listed: { names: result.listed.names.recall, orgs: result.listed.organisations.recall },
      inPassing: Object.fromEntries(
        Object.entries(result.inPassing).map(([k, v]) => [k, Math.round(v.recall * 100) / 100]),
      ),
      seconds: result.seconds,
    }),
  );
  console.log(`wrote ${file}`);
} finally {
  fs.rmSync(out, { recursive: true, force: true });
}
