import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
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
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) });
  holder.crmPrisma = { url, client };
  return client;
}

export async function disconnectDb() {
  await holder.crmPrisma?.client.$disconnect();
  holder.crmPrisma = undefined;
}
