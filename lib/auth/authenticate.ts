import "server-only";
import { getDb } from "../db";
import { env } from "../env";
import { AppError } from "../errors";
import { logSecurityEvent } from "../security/log";
import { lockHorizonMs, lockedUntil, minutesUntil, type LockPolicy } from "./login-lock";
import { verifyPassword } from "./password";
import { assertCan, type Actor } from "./permissions";

export type AuthenticatedUser = { id: string; username: string };

export type LoginAttempt = { username: string; password: string; ip?: string | null };

/**
 * Checks a login. Failures of one username lock it for a delay that grows with each run of
 * failures (lib/auth/login-lock.ts), whether or not it exists; an admin may lift the lock.
 * Every attempt is written to the security log, and that log is what the lock counts.
 * Attempts for one username are serialised with an advisory lock so parallel guesses
 * cannot slip by.
 */
export async function authenticate({ username, password, ip }: LoginAttempt): Promise<AuthenticatedUser> {
  const name = username.trim().toLowerCase().slice(0, 100);
  const e = env();
  const policy: LockPolicy = {
    maxFailures: e.LOGIN_MAX_FAILURES,
    baseMinutes: e.LOGIN_LOCK_MINUTES,
    maxMinutes: e.LOGIN_LOCK_MAX_MINUTES,
  };
  const db = getDb();
  // The password is checked before the transaction: bcrypt takes a core for ~100 ms, and inside
  // the transaction every sign-in held a pooled connection (and the username's lock) for it — 50
  // at once filled the pool under load (npm run loadtest). The transaction then decides on the
  // hash it re-reads: one changed in between counts as a wrong password.
  const candidate = await db.user.findUnique({ where: { username: name }, select: { passwordHash: true } });
  const passwordMatches = await verifyPassword(password, candidate?.passwordHash);
  // The transaction returns the outcome rather than throwing, so that the security
  // event it wrote commits even when the attempt fails.
  const outcome = await db.$transaction(
    async (tx): Promise<{ user: AuthenticatedUser } | { locked: number } | { failed: true }> => {
      await tx.$executeRaw`select pg_advisory_xact_lock(hashtext(${"login:" + name}))`;
      const now = new Date();
      const reset = await tx.securityEvent.findFirst({
        where: {
          username: name,
          type: { in: ["LOGIN_SUCCESS", "LOGIN_UNLOCKED"] },
          createdAt: { gte: new Date(now.getTime() - lockHorizonMs(policy)) },
        },
        orderBy: { createdAt: "desc" },
        select: { createdAt: true },
      });
      const failures = await tx.securityEvent.findMany({
        where: {
          username: name,
          type: "LOGIN_FAILURE",
          createdAt: { gt: reset?.createdAt ?? new Date(now.getTime() - lockHorizonMs(policy)) },
        },
        orderBy: { createdAt: "asc" },
        select: { createdAt: true },
      });
      const times = failures.map((f) => f.createdAt);
      const until = lockedUntil(times, now, policy);
      if (until) {
        await tx.securityEvent.create({
          data: { type: "LOGIN_LOCKED", username: name, ip, detail: `until ${until.toISOString()}` },
        });
        return { locked: minutesUntil(until, now) };
      }
      const user = await tx.user.findUnique({
        where: { username: name },
        select: { id: true, username: true, passwordHash: true, active: true },
      });
      const passwordOk = passwordMatches && !!user && user.passwordHash === candidate?.passwordHash;
      if (!user || !passwordOk || !user.active) {
        const reason = !user ? "unknown user" : !passwordOk ? "wrong password" : "inactive user";
        await tx.securityEvent.create({
          data: { type: "LOGIN_FAILURE", username: name, userId: user?.id, ip, detail: reason },
        });
        const next = lockedUntil([...times, now], now, policy);
        return next ? { locked: minutesUntil(next, now) } : { failed: true };
      }
      await tx.securityEvent.create({ data: { type: "LOGIN_SUCCESS", username: name, userId: user.id, ip } });
      return { user: { id: user.id, username: user.username } };
    },
    { timeout: 15_000 },
  );
  if ("user" in outcome) return outcome.user;
  if ("locked" in outcome) throw new AppError("ACCOUNT_LOCKED", { params: { minutes: outcome.locked } });
  throw new AppError("UNAUTHENTICATED", { message: "invalid credentials" });
}

/** An admin lifts a user's login lock (the failures before it no longer count). */
export async function unlockLogin({ actor, id }: { actor: Actor; id: string }) {
  assertCan(actor, "user.manage");
  const user = await getDb().user.findUnique({ where: { id }, select: { id: true, username: true } });
  if (!user) throw new AppError("NOT_FOUND");
  await logSecurityEvent({
    type: "LOGIN_UNLOCKED",
    username: user.username,
    userId: user.id,
    detail: `by ${actor.username}`,
  });
  return { username: user.username, locked: false };
}

/** Usernames locked now (for the admin's user list). */
export async function lockedUsernames(usernames: string[]): Promise<Set<string>> {
  if (usernames.length === 0) return new Set();
  const e = env();
  const policy: LockPolicy = {
    maxFailures: e.LOGIN_MAX_FAILURES,
    baseMinutes: e.LOGIN_LOCK_MINUTES,
    maxMinutes: e.LOGIN_LOCK_MAX_MINUTES,
  };
  const now = new Date();
  const events = await getDb().securityEvent.findMany({
    where: {
      username: { in: usernames },
      type: { in: ["LOGIN_FAILURE", "LOGIN_SUCCESS", "LOGIN_UNLOCKED"] },
      createdAt: { gte: new Date(now.getTime() - lockHorizonMs(policy)) },
    },
    orderBy: { createdAt: "asc" },
    select: { username: true, type: true, createdAt: true },
  });
  const failures = new Map<string, Date[]>();
  for (const ev of events) {
    if (!ev.username) continue;
    if (ev.type === "LOGIN_FAILURE") failures.set(ev.username, [...(failures.get(ev.username) ?? []), ev.createdAt]);
    else failures.set(ev.username, []);
  }
  return new Set([...failures].filter(([, f]) => lockedUntil(f, now, policy)).map(([u]) => u));
}
