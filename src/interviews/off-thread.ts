/**
 * The synthesis and Ask off the main thread (issue 9, row 6): the job handlers and the in-process path
 * both call these, so a 50-interview synthesis never blocks the event loop other requests wait on.
 * An abort (the job's signal: cancel, timeout, shutdown) ends the worker thread at once.
 */
import { workerPool } from '../platform/workers/index.ts';
import type { AskRequest, AskRun, SynthesisInput, SynthesisRun } from './interviews.service.ts';
import type { UploadCheck } from './synthesis.worker.ts';
import type { CheckedUpload, UploadKind } from './upload-bodies.ts';

const MODULE = 'src/interviews/synthesis.worker.ts';

export function synthesizeOffThread(input: SynthesisInput, signal?: AbortSignal): Promise<SynthesisRun> {
  return workerPool().run<SynthesisRun>(MODULE, 'synthesize', input, signal ? { signal } : {});
}

export function askOffThread(req: AskRequest, signal?: AbortSignal): Promise<AskRun> {
  return workerPool().run<AskRun>(MODULE, 'ask', req, signal ? { signal } : {});
}

export function checkUploadsOffThread(check: UploadCheck): Promise<void> {
  return workerPool().run<void>(MODULE, 'checkUploads', check);
}

export function formTitleOffThread(yaml: string, file: string): Promise<string> {
  return workerPool().run<string>(MODULE, 'formTitle', { yaml, file });
}

/** An upload's JSON body parsed, checked and decoded (upload-bodies.ts). */
export function checkUploadOffThread(kind: UploadKind, body: Uint8Array): Promise<CheckedUpload> {
  return workerPool().run<CheckedUpload>(MODULE, 'checkUpload', { kind, body });
}
