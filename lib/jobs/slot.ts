// Which run of a scheduled job a moment belongs to: its day, hour or minute in
// Asia/Shanghai. Pure, so that the once-only guard (run-once.ts) and its tests agree.
import { shanghaiDateTime } from "../dates";

export type SlotSize = "day" | "hour" | "minute";

/** "2026-11-27" (day), "2026-11-27T08" (hour) or "2026-11-27T08:05" (minute), Shanghai time. */
export function jobSlot(at: Date, size: SlotSize): string {
  const t = shanghaiDateTime(at).replace(" ", "T");
  return t.slice(0, { day: 10, hour: 13, minute: 16 }[size]);
}

/**
 * Whether a daily schedule ("M H * * *", Asia/Shanghai) has already come round today at `at`:
 * false for other crons. A daily run missed while no instance was up is sent at start-up, and
 * the once-per-day guard keeps it to one (runner.ts).
 */
export function dailyTimePassed(cron: string, at: Date): boolean {
  const m = /^(\d{1,2}) (\d{1,2}) \* \* \*$/.exec(cron);
  if (!m) return false;
  const now = jobSlot(at, "minute").slice(11);
  const due = `${m[2].padStart(2, "0")}:${m[1].padStart(2, "0")}`;
  return now >= due;
}
