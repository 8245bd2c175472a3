/** /api/interviews: interview synthesis for owner and staff, as background jobs. Thin: validate, decode, call, shape. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fileResponse } from '../platform/contract.ts';
import { checkedOffThread, parseJsonOffThread } from '../platform/http/off-thread-body.ts';
import { FIRM, workspaceActor } from '../platform/http/policy.ts';
import type { ApiFeature } from '../platform/http/server.ts';
import { JobOut } from '../platform/jobs/jobs.schemas.ts';
import type { InterviewJobs } from './interview-jobs.ts';
import { AskView, SampleFileView, SynthesisView } from './interviews.schemas.ts';
import type { InterviewsService } from './interviews.service.ts';
import { checkUploadOffThread } from './off-thread.ts';
import { AskBody, type DecodedAsk, type DecodedSynthesis, SynthesisBody } from './upload-bodies.ts';

/** 50 hour-long interviews are about 3 MB of text; DOCX and JSON exports are bigger. */
export const SYNTHESIS_BODY_LIMIT = 120 * 1024 * 1024;

const StartedOut = z.object({ job: JobOut });
const JobParams = z.object({ jobId: z.string().min(1).max(64) });
const SynthesisOutcomeOut = z.object({
  job: JobOut,
  result: SynthesisView.nullable(),
  /** The saved synthesis the run became, to reopen and edit (GET /api/syntheses/:id). */
  synthesisId: z.string().nullable(),
});
const AskOutcomeOut = z.object({ job: JobOut, result: AskView.nullable() });

export function interviewsRoutes(interviews: InterviewsService, jobs: InterviewJobs): ApiFeature[] {
  const plugin: FastifyPluginAsync = async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    // The transcripts' JSON (~14 MB for 50 interviews) is parsed, checked and decoded in a worker thread.
    parseJsonOffThread(fastify, SYNTHESIS_BODY_LIMIT, (bytes, req) =>
      checkUploadOffThread(req.routeOptions.url?.endsWith('/ask') ? 'ask' : 'synthesis', bytes),
    );
    app.post(
      '/synthesis',
      {
        config: { policy: FIRM },
        bodyLimit: SYNTHESIS_BODY_LIMIT,
        validatorCompiler: checkedOffThread,
        schema: {
          tags: ['interviews'],
          summary:
            'Transcripts (base64) and an interview form in; answers at once (202) with the background job that builds the deck. Unreadable files are refused now, all of them listed. The transcripts are kept only until the job succeeds.',
          body: SynthesisBody,
          response: { 202: StartedOut },
        },
      },
      async (req, reply) => {
        const b = req.body as unknown as DecodedSynthesis;
        const job = await jobs.startSynthesis(workspaceActor(req), {
          form:
            b.formYaml !== undefined
              ? { yaml: b.formYaml }
              : { ref: b.formId!, ...(b.formVersion ? { version: b.formVersion } : {}) },
          files: b.files,
          ...(b.meta ? { meta: { file: b.meta.name, text: b.meta.text } } : {}),
          ...(b.title ? { title: b.title } : {}),
          anonymize: b.anonymize === true,
          skipInvalid: b.skipInvalid === true,
          ...(b.engagement ? { engagement: b.engagement } : {}),
          ...(b.taskId ? { taskId: b.taskId } : {}),
          keepTranscripts: b.keepTranscripts === true,
        });
        return reply.code(202).send({ job });
      },
    );
    app.get(
      '/synthesis/:jobId',
      {
        config: { policy: FIRM },
        schema: {
          tags: ['interviews'],
          summary:
            'A synthesis job: its state and progress, and once it succeeded the themes, splits, the Markdown report, the preview and the saved synthesis it became (the deck itself: /deck)',
          params: JobParams,
          response: { 200: SynthesisOutcomeOut },
        },
      },
      async (req) => jobs.synthesisOutcome(workspaceActor(req), req.params.jobId),
    );
    app.get(
      '/synthesis/:jobId/deck',
      {
        config: { policy: FIRM },
        schema: {
          response: {
            200: fileResponse('The deck (PPTX)', [
              'application/vnd.openxmlformats-officedocument.presentationml.presentation',
            ]),
          },
          tags: ['interviews'],
          summary: 'The editable deck (PPTX) a synthesis job built',
          params: JobParams,
        },
      },
      async (req, reply) => {
        const deck = await jobs.synthesisDeck(workspaceActor(req), req.params.jobId);
        return reply
          .type('application/vnd.openxmlformats-officedocument.presentationml.presentation')
          .header('content-disposition', `attachment; filename="${deck.fileName}"`)
          .send(deck.bytes);
      },
    );
    app.post(
      '/ask',
      {
        config: { policy: FIRM },
        bodyLimit: SYNTHESIS_BODY_LIMIT,
        validatorCompiler: checkedOffThread,
        schema: {
          tags: ['interviews'],
          summary:
            'A question across the transcripts (base64); answers at once (202) with the background job. Its result: an answer in reported speech with citations, anonymized on request.',
          body: AskBody,
          response: { 202: StartedOut },
        },
      },
      async (req, reply) => {
        const b = req.body as unknown as DecodedAsk;
        const job = await jobs.startAsk(workspaceActor(req), {
          question: b.question,
          files: b.files,
          ...(b.meta ? { meta: { file: b.meta.name, text: b.meta.text } } : {}),
          anonymize: b.anonymize === true,
          skipInvalid: b.skipInvalid === true,
          ...(b.maxWords ? { maxWords: b.maxWords } : {}),
        });
        return reply.code(202).send({ job });
      },
    );
    app.get(
      '/ask/:jobId',
      {
        config: { policy: FIRM },
        schema: {
          tags: ['interviews'],
          summary: 'A question job: its state, and once it succeeded the answer with citations',
          params: JobParams,
          response: { 200: AskOutcomeOut },
        },
      },
      async (req) => jobs.askOutcome(workspaceActor(req), req.params.jobId),
    );
    app.get(
      '/samples',
      {
        config: { policy: FIRM },
        schema: {
          response: { 200: z.array(SampleFileView) },
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
          response: { 200: fileResponse('The sample file', ['application/octet-stream']) },
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
