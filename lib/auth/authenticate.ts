import "server-only";
import { getDb } from "../db";
import { env } from "../env";
import { AppError } from "../errors";
import { verifyPassword } from "./password";

export type AuthenticatedUser = { id: string; username: string; sessionVersion: number };

export type LoginAttempt = { username: string; password: string; ip?: string | null };

/**
 * Checks a login. Five failures for one username within the lock window lock that
 * username for the window (OWASP ASVS 6.3.1), whether or not it exists. Every attempt
 * is written to the security log, and that log is what the lock counts. Attempts for
 * one username are serialised with an advisory lock so parallel guesses cannot slip by.
 */
export async function authenticate({ username, password, ip }: LoginAttempt): Promise<AuthenticatedUser> {
  const name = username.trim().toLowerCase().slice(0, 100);
  const { LOGIN_MAX_FAILURES: maxFailures, LOGIN_LOCK_MINUTES: lockMinutes } = env();
  const db = getDb();
  // The transaction returns the outcome rather than throwing, so that the security
  // event it wrote commits even when the attempt fails.
  const outcome = await db.$transaction(
    async (tx): Promise<{ user: AuthenticatedUser } | { locked: number } | { failed: true }> => {
      await tx.$executeRaw`select pg_advisory_xact_lock(hashtext(${"login:" + name}))`;
      const since = new Date(Date.now() - lockMinutes * 60_000);
      const lastSuccess = await tx.securityEvent.findFirst({
        where: { username: name, type: "LOGIN_SUCCESS", createdAt: { gte: since } },
        orderBy: { createdAt: "desc" },
        select: { createdAt: true },
      });
      const failures = await tx.securityEvent.findMany({
        where: { username: name, type: "LOGIN_FAILURE", createdAt: { gte: lastSuccess?.createdAt ?? since } },
        orderBy: { createdAt: "desc" },
        take: maxFailures,
        select: { createdAt: true },
      });
      const lockedUntil = (at: Date) => new Date(at.getTime() + lockMinutes * 60_000);
      if (failures.length >= maxFailures) {
        const until = lockedUntil(failures[maxFailures - 1].createdAt);
        await tx.securityEvent.create({
          data: { type: "LOGIN_LOCKED", username: name, ip, detail: `until ${until.toISOString()}` },
        });
        return { locked: minutesLeft(until) };
      }
      const user = await tx.user.findUnique({
        where: { username: name },
        select: { id: true, username: true, passwordHash: true, active: true, sessionVersion: true },
      });
      const passwordOk = await verifyPassword(password, user?.passwordHash);
      if (!user || !passwordOk || !user.active) {
        const reason = !user ? "unknown user" : !passwordOk ? "wrong password" : "inactive user";
        await tx.securityEvent.create({
          data: { type: "LOGIN_FAILURE", username: name, userId: user?.id, ip, detail: reason },
        });
        return failures.length + 1 >= maxFailures ? { locked: lockMinutes } : { failed: true };
      }
      await tx.securityEvent.create({ data: { type: "LOGIN_SUCCESS", username: name, userId: user.id, ip } });
      return { user: { id: user.id, username: user.username, sessionVersion: user.sessionVersion } };
    },
    { timeout: 15_000 },
  );
  if ("user" in outcome) return outcome.user;
  if ("locked" in outcome) throw new AppError("ACCOUNT_LOCKED", { params: { minutes: outcome.locked } });
  throw new AppError("UNAUTHENTICATED", { message: "invalid credentials" });
}

function minutesLeft(until: Date) {
  return Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
}
