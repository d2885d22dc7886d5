import "server-only";
import type PgBoss from "pg-boss";
import { withOwnConnection } from "../db";
import { getBoss } from "./boss";
import { queueDefinitions, type QueueName } from "./queues";

const holder = globalThis as unknown as {
  crmJobQueues?: { boss: PgBoss; ready: Promise<void> };
  crmLocalWorkers?: Map<string, string[]>;
};

function queueOptions(name: QueueName): PgBoss.Queue {
  const q = queueDefinitions[name];
  return {
    name,
    policy: "standard",
    retryLimit: q.retryLimit,
    retryDelay: q.retryDelay,
    retryBackoff: q.retryBackoff,
    expireInSeconds: q.expireInSeconds,
  };
}

/**
 * Creates every queue of the registry (once per PgBoss), and brings their options up to date.
 * pg-boss creates a queue's partition of its job table without a lock of its own: instances
 * starting together deadlocked in it (one runner then started 30 s late). They take turns
 * under a session advisory lock, held on a connection of its own.
 */
export async function ensureQueues(boss: PgBoss): Promise<void> {
  if (holder.crmJobQueues?.boss !== boss) {
    // Ending the session releases the lock.
    const ready = withOwnConnection("crm-jobs", async (lock) => {
      await lock.query("select pg_advisory_lock(hashtext('crm:job-queues'))");
      for (const name of Object.keys(queueDefinitions) as QueueName[]) {
        await boss.createQueue(name, queueOptions(name));
        await boss.updateQueue(name, queueOptions(name));
      }
    });
    holder.crmJobQueues = { boss, ready };
    ready.catch(() => (holder.crmJobQueues = undefined));
  }
  await holder.crmJobQueues!.ready;
}

/** The ids of this process's workers of a queue (runner.ts registers them). */
export function localWorkers(): Map<string, string[]> {
  return (holder.crmLocalWorkers ??= new Map());
}

/**
 * Puts a job on a queue. A worker of this instance, when it has one, is woken at once;
 * otherwise the next worker to poll (any instance) takes it.
 */
export async function sendJob(name: QueueName, data: object = {}, options: PgBoss.SendOptions = {}) {
  const boss = await getBoss();
  await ensureQueues(boss);
  const id = await boss.send(name, data, options);
  for (const worker of localWorkers().get(name) ?? []) boss.notifyWorker(worker);
  return id;
}
