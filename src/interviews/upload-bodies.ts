/**
 * The bodies of POST /api/interviews/synthesis and /ask: transcripts in base64 inside JSON, ~14 MB for
 * 50 hour-long interviews. Parsing that JSON, checking each file's base64 and decoding it held the
 * event loop 100–300 ms (issue 9 row 6), so `checkUpload` runs in a worker thread (synthesis.worker.ts)
 * and hands the decoded bytes back; the routes keep these schemas for their documentation and types.
 */
import { z } from 'zod';
import { AppError } from '../platform/errors.ts';
import { type Transferring, transferring } from '../platform/workers/transfer.ts';

const MAX_FILES = 200;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const FileList = z
  .array(
    z.object({
      name: z.string().trim().min(1).max(255),
      contentBase64: z.string().regex(BASE64, 'must be the file’s bytes in base64'),
    }),
  )
  .min(1, 'add at least one transcript')
  .max(MAX_FILES, `at most ${MAX_FILES} transcripts at a time`);

const MetaFile = z.object({ name: z.string().trim().min(1).max(255), text: z.string().max(2_000_000) });

export const AskBody = z.object({
  question: z.string().trim().min(3, 'ask a question').max(500),
  files: FileList,
  meta: MetaFile.optional(),
  anonymize: z.boolean().optional(),
  skipInvalid: z.boolean().optional(),
  maxWords: z.number().int().min(10).max(1000).optional(),
});

export const SynthesisBody = z
  .object({
    formId: z.string().min(1).max(200).optional(),
    formVersion: z.number().int().min(1).optional(),
    formYaml: z.string().min(1).max(200_000).optional(),
    title: z.string().trim().max(200).optional(),
    anonymize: z.boolean().optional(),
    /** Role and date per interview (CSV `id,role,date` or JSON), as `outtask deck --meta` reads. */
    meta: MetaFile.optional(),
    skipInvalid: z.boolean().optional(),
    /** The synthesis is saved: under this engagement (default: the title, else the form's name)… */
    engagement: z.string().trim().max(200).optional(),
    /** …attached to this task… */
    taskId: z.string().min(1).max(64).nullable().optional(),
    /** …with its transcripts kept (to pick other quotes from them), or not. */
    keepTranscripts: z.boolean().optional(),
    files: FileList,
  })
  .refine((b) => (b.formId === undefined) !== (b.formYaml === undefined), {
    message: 'give either formId (a stored form) or formYaml, not both',
    path: ['formId'],
  });

const BODIES = { synthesis: SynthesisBody, ask: AskBody };
export type UploadKind = keyof typeof BODIES;

/** A body with its files decoded: what the routes hand the jobs. */
export type Decoded<T extends { files: unknown }> = Omit<T, 'files'> & {
  files: { file: string; bytes: Uint8Array }[];
};
export type DecodedSynthesis = Decoded<z.infer<typeof SynthesisBody>>;
export type DecodedAsk = Decoded<z.infer<typeof AskBody>>;

/** A refusal of the schema, as zod words it (the route answers 400 with the same fields as elsewhere). */
export interface BodyIssue {
  path: (string | number)[];
  code: string;
  message: string;
}

export type CheckedUpload =
  | { ok: true; body: DecodedSynthesis | DecodedAsk }
  | { ok: false; issues: BodyIssue[] };

/**
 * Parses and checks a body, decoding each file (a name sent twice is refused). The decoded bytes are
 * moved, not copied, to the calling thread.
 */
export function checkUpload(input: { kind: UploadKind; body: Uint8Array }): Transferring<CheckedUpload> {
  let json: unknown;
  try {
    json = JSON.parse(
      Buffer.from(input.body.buffer, input.body.byteOffset, input.body.byteLength).toString(),
    );
  } catch (err) {
    throw new AppError('VALIDATION_FAILED', `The body is not valid JSON: ${(err as Error).message}`, {
      field: 'body',
    });
  }
  const r = BODIES[input.kind].safeParse(json);
  if (!r.success) {
    const issues = r.error.issues.map((i) => ({
      path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
      code: i.code,
      message: i.message,
    }));
    return transferring({ ok: false, issues }, []);
  }
  const names = new Set<string>();
  const files = r.data.files.map((f) => {
    if (names.has(f.name))
      throw new AppError('VALIDATION_FAILED', `${f.name}: the same file name was sent twice`, {
        field: 'files',
      });
    names.add(f.name);
    // A buffer of its own (not a slice of Node's shared pool), so it can be moved.
    return { file: f.name, bytes: new Uint8Array(Buffer.from(f.contentBase64, 'base64')) };
  });
  return transferring(
    { ok: true, body: { ...r.data, files } },
    files.map((f) => f.bytes.buffer as ArrayBuffer),
  );
}
