import "server-only";
import type PgBoss from "pg-boss";
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

/** Creates every queue of the registry (once per PgBoss), and brings their options up to date. */
export async function ensureQueues(boss: PgBoss): Promise<void> {
  if (holder.crmJobQueues?.boss !== boss) {
    const ready = (async () => {
      for (const name of Object.keys(queueDefinitions) as QueueName[]) {
        await boss.createQueue(name, queueOptions(name));
        await boss.updateQueue(name, queueOptions(name));
      }
    })();
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
