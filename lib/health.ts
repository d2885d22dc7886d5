import "server-only";
import { getDb } from "./db";

/** True when the database answers a trivial query within two seconds. */
export async function databaseAnswers(): Promise<boolean> {
  try {
    await Promise.race([
      getDb().$queryRaw`select 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 2000)),
    ]);
    return true;
  } catch {
    return false;
  }
}
