// The per-username login lock, pure (OWASP ASVS 5.0 §6.3): every `maxFailures` failures
// since the last success (or an admin's unlock) lock the username, for `baseMinutes`, then
// twice as long at the next run of failures, and so on up to `maxMinutes` — a delay that
// grows for a guesser, and costs a person who mistyped a minute. Whether the username
// exists makes no difference.

export type LockPolicy = { maxFailures: number; baseMinutes: number; maxMinutes: number };

/** Until when the username is locked after these failures (oldest first), or null. */
export function lockedUntil(failures: readonly Date[], now: Date, p: LockPolicy): Date | null {
  const runs = Math.floor(failures.length / p.maxFailures);
  if (runs === 0) return null;
  const started = failures[runs * p.maxFailures - 1];
  const minutes = Math.min(p.baseMinutes * 2 ** (runs - 1), p.maxMinutes);
  const until = new Date(started.getTime() + minutes * 60_000);
  return until > now ? until : null;
}

/** How far back failures count: a day, or the longest lock, whichever is longer. */
export const lockHorizonMs = (p: LockPolicy) => Math.max(24 * 60, p.maxMinutes * 4) * 60_000;

export const minutesUntil = (until: Date, now: Date) =>
  Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
