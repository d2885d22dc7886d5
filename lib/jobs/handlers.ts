import "server-only";
import { generateLastWeekBulletin } from "../bulletins/generate-bulletin";
import { getDb } from "../db";
import { shanghaiToday } from "../dates";
import { recoverStalledImports } from "../imports/recover-stalled-imports";
import { runQueuedImport } from "../imports/run-queued-import";
import { deliverPendingWebhooks } from "../notifications/deliver-webhooks";
import { sendPermitDueReminders } from "../permits/due-reminders";
import { proposeProblemEscalations } from "../problems/escalation-proposals";
import { sendNoticeReminders } from "../supervision/notice-reminders";
import { recomputeAllWarnings } from "../supervision/recompute-all";
import type { QueueName } from "./queues";

/** What a job of each queue does with its data. Each is idempotent: pg-boss may run a job again. */
export type JobHandler = (data: Record<string, unknown>) => Promise<unknown>;

export const jobHandlers: Record<QueueName, JobHandler> = {
  "warnings.recompute-daily": () => recomputeAllWarnings({ today: shanghaiToday() }),
  "notices.reminders": () => sendNoticeReminders({ today: shanghaiToday() }),
  "problems.escalation-proposals": () => proposeProblemEscalations({ today: shanghaiToday() }),
  "webhooks.deliver": () => deliverPendingWebhooks(),
  "permits.due-reminders": () => sendPermitDueReminders({ today: shanghaiToday() }),
  "imports.run": (data) => runQueuedImport({ importJobId: String(data.importJobId ?? "") }),
  "imports.recover": (data) => recoverStalledImports(data.startup ? { silentMs: 0 } : {}),
  "bulletins.weekly": () => generateLastWeekBulletin(getDb(), { today: shanghaiToday() }),
};
