// The job runner's queues (pg-boss): name, schedule (cron in Asia/Shanghai), which slot a
// scheduled run is once for, how pg-boss retries a failed run, and how long a run may take
// before pg-boss counts it as dead (expired) and retries it. The handlers are in
// handlers.ts; the runner (runner.ts) joins the two. Pure data, so the README table and the
// tests read the same schedule.
import type { SlotSize } from "./slot";

export type QueueDefinition = {
  name: string;
  /** Cron (minute hour day month weekday), Asia/Shanghai. */
  cron?: string;
  /** A scheduled run happens once per this slot, however many instances run (run-once.ts). */
  once?: SlotSize;
  retryLimit: number;
  /** Seconds before the first retry (doubled each time with backoff). */
  retryDelay: number;
  retryBackoff: boolean;
  expireInSeconds: number;
  /** Jobs of this queue one instance runs at the same time. */
  concurrency: number;
};

export const queueNames = {
  recomputeWarnings: "warnings.recompute-daily",
  noticeReminders: "notices.reminders",
  problemEscalationProposals: "problems.escalation-proposals",
  deliverWebhooks: "webhooks.deliver",
  permitDueReminders: "permits.due-reminders",
  runImport: "imports.run",
  recoverImports: "imports.recover",
  weeklyBulletin: "bulletins.weekly",
} as const;

export type QueueName = (typeof queueNames)[keyof typeof queueNames];

export const queueDefinitions: Record<QueueName, QueueDefinition> = {
  /** 红黄蓝: every project's colour, at 00:30 (and on demand after 督办规则 change). */
  "warnings.recompute-daily": {
    name: queueNames.recomputeWarnings,
    cron: "30 0 * * *",
    once: "day",
    retryLimit: 5,
    retryDelay: 120,
    retryBackoff: true,
    expireInSeconds: 3600,
    concurrency: 1,
  },
  /** 督办通知 reminders: every hour from 08:00 to 20:00 (idempotent per notice and step). */
  "notices.reminders": {
    name: queueNames.noticeReminders,
    cron: "0 8-20 * * *",
    once: "hour",
    retryLimit: 3,
    retryDelay: 60,
    retryBackoff: true,
    expireInSeconds: 1800,
    concurrency: 1,
  },
  /** 三级调度: problems at their level for 督办规则's problemEscalateDays, proposed for the next (daily at 08:00). */
  "problems.escalation-proposals": {
    name: queueNames.problemEscalationProposals,
    cron: "0 8 * * *",
    once: "day",
    retryLimit: 5,
    retryDelay: 120,
    retryBackoff: true,
    expireInSeconds: 1800,
    concurrency: 1,
  },
  /** Group-robot deliveries: every minute, and sent on demand after an event. */
  "webhooks.deliver": {
    name: queueNames.deliverWebhooks,
    cron: "* * * * *",
    once: "minute",
    retryLimit: 1,
    retryDelay: 30,
    retryBackoff: false,
    expireInSeconds: 300,
    concurrency: 1,
  },
  /** 审批 items due within 2 working days or overdue: each approver, daily at 08:00. */
  "permits.due-reminders": {
    name: queueNames.permitDueReminders,
    cron: "0 8 * * *",
    once: "day",
    retryLimit: 5,
    retryDelay: 120,
    retryBackoff: true,
    expireInSeconds: 1800,
    concurrency: 1,
  },
  /**
   * An import's dry run or commit. A run killed half-way is retried: at once when its
   * instance stops (pg-boss fails what is still running), otherwise when imports.recover
   * finds it silent or pg-boss finds it expired. The handler resumes (run-import-job.ts).
   */
  "imports.run": {
    name: queueNames.runImport,
    retryLimit: 5,
    retryDelay: 10,
    retryBackoff: true,
    expireInSeconds: 3 * 3600,
    concurrency: 2,
  },
  /** Imports whose run has not written for RECOVER_AFTER_MS, with no run holding them: sent again. */
  "imports.recover": {
    name: queueNames.recoverImports,
    cron: "* * * * *",
    once: "minute",
    retryLimit: 0,
    retryDelay: 0,
    retryBackoff: false,
    expireInSeconds: 300,
    concurrency: 1,
  },
  /** 周通报: last week's bulletin, Mondays at 08:00 (only when that week has none yet). */
  "bulletins.weekly": {
    name: queueNames.weeklyBulletin,
    cron: "0 8 * * 1",
    once: "day",
    retryLimit: 5,
    retryDelay: 300,
    retryBackoff: true,
    expireInSeconds: 1800,
    concurrency: 1,
  },
};

export const timeZoneOfSchedules = "Asia/Shanghai";
