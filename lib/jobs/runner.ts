import "server-only";
import type PgBoss from "pg-boss";
import { env } from "../env";
import { counted, getBoss, stopBoss } from "./boss";
import { jobHandlers, type JobHandler } from "./handlers";
import { queueDefinitions, timeZoneOfSchedules, type QueueName } from "./queues";
import { runOnce } from "./run-once";
import { ensureQueues, localWorkers } from "./send-job";
import { dailyTimePassed, jobSlot } from "./slot";

type JobData = { scheduled?: boolean } & Record<string, unknown>;

/**
 * One run of a job. A scheduled run (data `scheduled`, as the schedule sends it) happens
 * once per slot across instances (runOnce); a job sent on demand runs as it is.
 */
async function runJob(name: QueueName, handler: JobHandler, job: PgBoss.JobWithMetadata<JobData>) {
  const data = job.data ?? {};
  const once = queueDefinitions[name].once;
  if (!once || !data.scheduled) return handler(data);
  const slot = jobSlot(new Date(job.createdOn), once);
  const run = await runOnce({ name, slot }, () => handler(data));
  return run.ran ? { slot, result: run.result ?? null } : { slot, skipped: true };
}

export type WorkerOptions = {
  handlers?: Partial<Record<QueueName, JobHandler>>;
  /** Seconds between two polls of an idle worker (a job sent by this instance wakes it at once). */
  pollingIntervalSeconds?: number;
  /** false: no cron schedules (tests that only need workers). */
  schedules?: boolean;
  /** Other crons than the registry's (tests that make a daily job due now). */
  crons?: Partial<Record<QueueName, string>>;
  /** Workers for these queues only (tests that need one queue's). */
  queues?: QueueName[];
  /** The moment of the start-up catch-up (tests; now otherwise). */
  now?: Date;
};

/** Creates the queues and schedules on `boss`, and starts its workers: one worker set per app instance. */
export async function attachWorkers(boss: PgBoss, options: WorkerOptions = {}): Promise<void> {
  const handlers = { ...jobHandlers, ...options.handlers };
  await ensureQueues(boss);
  for (const q of Object.values(queueDefinitions)) {
    const name = q.name as QueueName;
    if (options.queues && !options.queues.includes(name)) continue;
    if (options.schedules === false) {
      // leave the schedules as they are
    } else if (q.cron)
      await boss.schedule(name, options.crons?.[name] ?? q.cron, { scheduled: true }, { tz: timeZoneOfSchedules });
    else await boss.unschedule(name);
    const concurrency = name === "imports.run" ? env().IMPORT_MAX_RUNNING : q.concurrency;
    const ids: string[] = [];
    for (let i = 0; i < concurrency; i++)
      ids.push(
        await boss.work<JobData>(
          name,
          { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 },
          ([job]) => counted(() => runJob(name, handlers[name], job)),
        ),
      );
    localWorkers().set(name, [...(localWorkers().get(name) ?? []), ...ids]);
  }
  // Catch-up: a daily run whose time has come today (an instance was down at 00:30 or 08:00)
  // is sent now; the once-per-day slot makes it a no-op where today's run already happened.
  if (options.schedules !== false && !options.crons)
    for (const q of Object.values(queueDefinitions))
      if (q.cron && q.once === "day" && (!options.queues || options.queues.includes(q.name as QueueName)))
        if (dailyTimePassed(q.cron, options.now ?? new Date())) await boss.send(q.name, { scheduled: true });
  // Imports left running by an instance that died (killed, the machine restarted): resumed now
  // rather than after RECOVER_AFTER_MS — one a live run holds is left alone (imports.recover).
  if (options.schedules !== false && !options.crons && (!options.queues || options.queues.includes("imports.recover")))
    await boss.send("imports.recover", { startup: true });
}

const holder = globalThis as unknown as {
  crmJobRunner?: Promise<void>;
  crmJobRunnerUp?: boolean;
  crmShutdown?: () => Promise<void>;
};

/**
 * Starts this process's job runner (instrumentation.ts, when the server starts; the
 * integration tests that need one). Idempotent. The server's shutdown (scripts/serve.ts)
 * calls `globalThis.crmShutdown`, which stops it.
 */
export function startJobRunner(options: WorkerOptions = {}): Promise<void> {
  holder.crmJobRunner ??= (async () => {
    const boss = await getBoss();
    await attachWorkers(boss, options);
    holder.crmShutdown = stopJobRunner;
    holder.crmJobRunnerUp = true;
  })().catch((err) => {
    holder.crmJobRunner = undefined;
    throw err;
  });
  return holder.crmJobRunner;
}

export async function stopJobRunner(timeoutMs?: number): Promise<void> {
  holder.crmJobRunner = undefined;
  holder.crmJobRunnerUp = false;
  localWorkers().clear();
  await stopBoss(timeoutMs);
}

/** Whether this process's workers run (the health check reports it). */
export function jobRunnerStarted(): boolean {
  return !!holder.crmJobRunnerUp;
}
