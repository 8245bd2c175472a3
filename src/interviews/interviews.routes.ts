/** /api/interviews: interview synthesis for owner and staff. Thin: validate, decode, call, shape. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../platform/errors.ts';
import { FIRM, workspaceActor } from '../platform/http/policy.ts';
import type { ApiFeature } from '../platform/http/server.ts';
import type { InterviewsService } from './interviews.service.ts';

/** 50 hour-long interviews are about 3 MB of text; DOCX and JSON exports are bigger. */
export const SYNTHESIS_BODY_LIMIT = 120 * 1024 * 1024;
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

const AskBody = z.object({
  question: z.string().trim().min(3, 'ask a question').max(500),
  files: FileList,
  meta: MetaFile.optional(),
  anonymize: z.boolean().optional(),
  skipInvalid: z.boolean().optional(),
  maxWords: z.number().int().min(10).max(1000).optional(),
});

function decodeFiles(files: z.infer<typeof FileList>): { file: string; bytes: Buffer }[] {
  const names = new Set<string>();
  return files.map((f) => {
    if (names.has(f.name))
      throw new AppError('VALIDATION_FAILED', `${f.name}: the same file name was sent twice`, {
        field: 'files',
      });
    names.add(f.name);
    return { file: f.name, bytes: Buffer.from(f.contentBase64, 'base64') };
  });
}

const SynthesisBody = z
  .object({
    formId: z.string().min(1).max(200).optional(),
    formVersion: z.number().int().min(1).optional(),
    formYaml: z.string().min(1).max(200_000).optional(),
    title: z.string().trim().max(200).optional(),
    anonymize: z.boolean().optional(),
    /** Role and date per interview (CSV `id,role,date` or JSON), as `outtask deck --meta` reads. */
    meta: MetaFile.optional(),
    skipInvalid: z.boolean().optional(),
    files: FileList,
  })
  .refine((b) => (b.formId === undefined) !== (b.formYaml === undefined), {
    message: 'give either formId (a stored form) or formYaml, not both',
    path: ['formId'],
  });

export function interviewsRoutes(interviews: InterviewsService): ApiFeature[] {
  const plugin: FastifyPluginAsync = async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.post(
      '/synthesis',
      {
        config: { policy: FIRM },
        bodyLimit: SYNTHESIS_BODY_LIMIT,
        schema: {
          tags: ['interviews'],
          summary:
            'Transcripts (base64) and an interview form in; themes, splits, the Markdown report and the editable deck (base64 PPTX) out. Nothing of the interviews is stored.',
          body: SynthesisBody,
        },
      },
      async (req) => {
        const b = req.body;
        const files = decodeFiles(b.files);
        const run = await interviews.synthesize(workspaceActor(req), {
          form:
            b.formYaml !== undefined
              ? { yaml: b.formYaml }
              : { ref: b.formId!, ...(b.formVersion ? { version: b.formVersion } : {}) },
          files,
          ...(b.meta ? { meta: { file: b.meta.name, text: b.meta.text } } : {}),
          ...(b.title ? { title: b.title } : {}),
          anonymize: b.anonymize === true,
          skipInvalid: b.skipInvalid === true,
        });
        return {
          report: run.report,
          insights: run.insights,
          markdown: run.markdown,
          preview: run.preview,
          skipped: run.skipped,
          seconds: run.seconds,
          deck: {
            fileName: run.deck.fileName,
            bytes: run.deck.bytes.length,
            contentBase64: Buffer.from(run.deck.bytes).toString('base64'),
          },
        };
      },
    );
    app.post(
      '/ask',
      {
        config: { policy: FIRM },
        bodyLimit: SYNTHESIS_BODY_LIMIT,
        schema: {
          tags: ['interviews'],
          summary:
            'A question answered across the transcripts (base64), in reported speech with citations; anonymized on request. Nothing is stored.',
          body: AskBody,
        },
      },
      async (req) => {
        const b = req.body;
        return interviews.ask(workspaceActor(req), {
          question: b.question,
          files: decodeFiles(b.files),
          ...(b.meta ? { meta: { file: b.meta.name, text: b.meta.text } } : {}),
          anonymize: b.anonymize === true,
          skipInvalid: b.skipInvalid === true,
          ...(b.maxWords ? { maxWords: b.maxWords } : {}),
        });
      },
    );
    app.get(
      '/samples',
      {
        config: { policy: FIRM },
        schema: {
          tags: ['interviews'],
          summary:
            'Sample interviews shipped with Outtask (synthetic, on the demo "Executive interview" form)',
        },
      },
      async () => interviews.listSamples(),
    );
    app.get(
      '/samples/:name',
      {
        config: { policy: FIRM },
        schema: {
          tags: ['interviews'],
          summary: 'One sample file, as bytes',
          params: z.object({ name: z.string().min(1).max(255) }),
        },
      },
      async (req, reply) => {
        // Read first: only a name the listing gives reaches the header.
        const bytes = await interviews.readSample(req.params.name);
        return reply
          .type('application/octet-stream')
          .header('content-disposition', `attachment; filename="${req.params.name}"`)
          .send(Buffer.from(bytes));
      },
    );
  };
  return [{ prefix: '/interviews', plugin }];
}
