/**
 * `outtask redact` and a pipeline's redact stage: transcripts in, each written redacted in its own
 * format under a redacted file name, plus `mapping.json` — pseudonyms, original file names, every
 * finding — which is the firm's key and stays with the firm. A mapping already in the output folder
 * is carried on, so the engagement keeps its numbering. A bad file fails alone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError, isAppError } from '../../platform/errors.ts';
import { readTranscript } from '../../synthesis/index.ts';
import type { ListEntry } from './lists.ts';
import { createPseudonyms, type PseudonymEntry } from './pseudonyms.ts';
import { defaultPolicy } from './redactor.ts';
import {
  type LocatedFinding,
  type RedactedTranscript,
  redactableFormat,
  redactFileName,
  redactJson,
  redactLines,
  turnsAsText,
} from './transcript.ts';

export interface RedactFilesOptions {
  lists: readonly ListEntry[];
  allow?: readonly string[];
  outDir: string;
}

export interface FileOutcome {
  original: string;
  redacted?: string;
  error?: { code: string; message: string };
  redactions: number;
}

export interface Mapping {
  version: 1;
  note: string;
  pseudonyms: PseudonymEntry[];
  files: FileOutcome[];
  findings: (LocatedFinding & { file: string })[];
}

export const MAPPING_FILE = 'mapping.json';

function loadMapping(outDir: string): Mapping | undefined {
  const p = path.join(outDir, MAPPING_FILE);
  if (!fs.existsSync(p)) return undefined;
  try {
    return JSON.parse(fs.readFileSync(p, 'utf8')) as Mapping;
  } catch (cause) {
    throw new AppError(
      'VALIDATION_FAILED',
      `${p}: not a mapping this command wrote; move it away or fix it`,
      { file: p },
      { cause },
    );
  }
}

/** One transcript's bytes redacted in its own format (DOCX read into turns, written as text). */
export async function redactTranscriptBytes(
  file: string,
  bytes: Buffer,
  policy: ReturnType<typeof defaultPolicy>,
  pseudonyms: ReturnType<typeof createPseudonyms>,
): Promise<{ result: RedactedTranscript; ext: string }> {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (isZip) {
    const t = await readTranscript({ file, bytes });
    return { result: redactLines(turnsAsText(t), 'text', policy, pseudonyms), ext: '.txt' };
  }
  const content = bytes.toString('utf8');
  const format = redactableFormat(file, content);
  const result =
    format === 'json'
      ? redactJson(file, content, policy, pseudonyms)
      : redactLines(content, format, policy, pseudonyms);
  return { result, ext: path.extname(file) };
}

export async function redactFiles(files: readonly string[], opts: RedactFilesOptions): Promise<Mapping> {
  fs.mkdirSync(opts.outDir, { recursive: true });
  const previous = loadMapping(opts.outDir);
  const pseudonyms = createPseudonyms(previous?.pseudonyms ?? []);
  const policy = defaultPolicy(opts.lists, opts.allow ?? []);
  const outcomes: FileOutcome[] = [...(previous?.files ?? [])];
  const findings: Mapping['findings'] = [...(previous?.findings ?? [])];
  for (const file of files) {
    const base = path.basename(file);
    try {
      if (!fs.existsSync(file)) throw new AppError('FILE_NOT_FOUND', `${file}: no such file`);
      const { result, ext } = await redactTranscriptBytes(file, fs.readFileSync(file), policy, pseudonyms);
      const name = redactFileName(
        base.slice(0, base.length - path.extname(base).length) + ext,
        policy,
        pseudonyms,
      );
      const tmp = path.join(opts.outDir, `.${name}.partial`);
      fs.writeFileSync(tmp, result.text);
      fs.renameSync(tmp, path.join(opts.outDir, name));
      for (const f of result.findings) findings.push({ ...f, file: base });
      outcomes.push({
        original: file,
        redacted: name,
        redactions: result.findings.filter((f) => f.decision === 'redacted').length,
      });
    } catch (error) {
      if (!isAppError(error)) throw error;
      outcomes.push({ original: file, error: { code: error.code, message: error.message }, redactions: 0 });
    }
  }
  const mapping: Mapping = {
    version: 1,
    note: 'The key to re-identify: keep it inside the firm; never send it with the redacted files.',
    pseudonyms: pseudonyms.entries(),
    files: outcomes,
    findings,
  };
  const p = path.join(opts.outDir, MAPPING_FILE);
  fs.writeFileSync(`${p}.partial`, `${JSON.stringify(mapping, null, 2)}\n`);
  fs.renameSync(`${p}.partial`, p);
  return mapping;
}
