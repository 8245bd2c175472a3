/**
 * Runs in a worker thread of platform/workers: the synthesis and the questions across transcripts,
 * the seconds of CPU that stalled every other user when they ran in the request's thread. Called
 * through off-thread.ts, never imported by the app's thread.
 */
import { parseFormYaml, parseInterviewMeta, readUploads } from '../synthesis/index.ts';
import { type AskRequest, computeAsk, computeSynthesis, type SynthesisInput } from './interviews.service.ts';

/** What a request checks before its job is queued (each refusal an AppError naming the file). */
export interface UploadCheck {
  form?: { yaml: string; name: string };
  meta?: { file: string; text: string };
  files: { file: string; bytes: Uint8Array }[];
  skipInvalid: boolean;
}

/**
 * The form, the metadata and that every transcript reads — reading 50 transcripts is seconds of CPU,
 * and the synthesis library takes a second to load: neither belongs on the request's thread.
 */
export async function checkUploads(c: UploadCheck): Promise<void> {
  if (c.form) parseFormYaml(c.form.yaml, c.form.name);
  if (c.meta) parseInterviewMeta(c.meta.text, c.meta.file);
  await readUploads(c.files, { skipInvalid: c.skipInvalid });
}

export function synthesize(input: SynthesisInput) {
  return computeSynthesis(input);
}

export function ask(req: AskRequest) {
  return computeAsk(req);
}

/** A pasted form's title (parsing it checks it): here so the app's thread never loads the library. */
export function formTitle(c: { yaml: string; file: string }): string {
  return parseFormYaml(c.yaml, c.file).title;
}

/** The upload's JSON parsed, checked and decoded here rather than on the request's thread. */
export { checkUpload } from './upload-bodies.ts';
