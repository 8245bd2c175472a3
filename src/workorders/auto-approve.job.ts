/**
 * The scheduled auto-approval: every quarter of an hour, delivered orders whose days of silence ran
 * out are approved by the system (use-cases/deliveries.ts, runAutoApproval). One series across
 * processes (the queue's idempotency key); each order is approved in its own transaction.
 */
import { z } from 'zod';
import { defineJob, type JobQueue, type JobRegistry, labelJobKind } from '../platform/jobs/index.ts';
import type { WorkOrdersService } from './workorders.service.ts';

export const autoApproveJob = defineJob({
  kind: 'workorders.auto-approve',
  version: 1,
  payload: z.object({}),
  maxAttempts: 3,
  backoff: { baseMs: 60_000, maxMs: 15 * 60_000 },
  timeoutMs: 10 * 60_000,
});

export const AUTO_APPROVE_EVERY_SECONDS = 15 * 60;

labelJobKind(
  autoApproveJob.kind,
  'Work orders: approve deliveries left without review past their days of silence',
);

export function registerAutoApproval(
  registry: JobRegistry,
  service: Pick<WorkOrdersService, 'runAutoApproval'>,
): void {
  registry.handle(autoApproveJob, async () => service.runAutoApproval());
}

export async function scheduleAutoApproval(queue: JobQueue): Promise<void> {
  await queue.ensureRecurring(
    autoApproveJob,
    {},
    { key: 'workorders.auto-approve', everySeconds: AUTO_APPROVE_EVERY_SECONDS },
  );
}
