import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import { noteDatabaseResult } from "./database-state";
import { env } from "./env";

export type { Prisma } from "@/generated/prisma/client";
/** Exact decimal arithmetic (decimal.js, as Prisma returns Decimal columns): never floats for money. */
export { Decimal } from "@/generated/prisma/internal/prismaNamespace";
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

const holder = globalThis as unknown as { crmPrisma?: { url: string; client: PrismaClient } };

/** The one Prisma client (cached on globalThis so that dev reloads share it). */
export function getDb(): PrismaClient {
  const url = env().DATABASE_URL;
  if (holder.crmPrisma?.url === url) return holder.crmPrisma.client;
  // Another database than the client's (tests switch): its pool, whose connections stay open, closed.
  if (holder.crmPrisma) void holder.crmPrisma.client.$disconnect().catch(() => undefined);
  // A transaction waits up to 10 s for one of the pool's 10 connections (Prisma's default is
  // 2 s: a burst of concurrent changes on a busy machine was refused with a 500 rather than
  // queued) and may run 15 s once started. Connections, once opened, stay open (min = max): a
  // new backend plans its first statements with cold catalog caches, and pg's default of
  // closing a connection idle for 10 s made the dashboard's first load after every pause take
  // 250–500 ms instead of about 100. Idle connections do not keep a script's process alive.
  const client = new PrismaClient({
    adapter: new PrismaPg(
      observedPool(new pg.Pool({ connectionString: url, max: 10, min: 10, allowExitOnIdle: true })),
      {
        disposeExternalPool: true,
        onPoolError: (err) => noteDatabaseResult(err),
      },
    ),
    transactionOptions: { maxWait: 10_000, timeout: 15_000 },
  });
  holder.crmPrisma = { url, client };
  return client;
}

/**
 * The pool with its queries watched: each one's outcome says whether the database is up
 * (lib/database-state.ts), so that pages answer 503 while it is down and 200 again as soon
 * as a query gets through — the pool reconnects by itself, the app is never restarted.
 */
function observedPool(pool: pg.Pool): pg.Pool {
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  pool.query = ((...args: unknown[]) => {
    const result = query(...args);
    if (result instanceof Promise)
      result.then(
        () => noteDatabaseResult(),
        (err: unknown) => noteDatabaseResult(err),
      );
    return result;
  }) as typeof pool.query;
  return pool;
}

/**
 * `fn` with a connection of its own, outside Prisma's pool, closed after it: for session-level
 * advisory locks and for a transaction that must stay open while other work runs (the job guard,
 * an import's lock, the queues' creation). `name` shows in pg_stat_activity.
 */
export async function withOwnConnection<T>(name: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: env().DATABASE_URL, application_name: name });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function disconnectDb() {
  await holder.crmPrisma?.client.$disconnect();
  holder.crmPrisma = undefined;
}
