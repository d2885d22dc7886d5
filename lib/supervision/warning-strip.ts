// The colour history of a period as a strip of days (督办 tab): the colour that held at the end
// of each day, from the changes (pure: the caller gives the days and the changes).
import type { Color } from "./warning-rules";

export type StripChange = { day: string; from: Color; to: Color };

/** Every day from `first` to `last` ("YYYY-MM-DD"): its colour, or null for days after `today`. */
export function colourStrip({
  first,
  last,
  today,
  changes,
  current,
}: {
  first: string;
  last: string;
  today: string;
  /** Oldest first. */
  changes: readonly StripChange[];
  /** The colour now (when there is no change at all). */
  current: Color;
}): { day: string; color: Color | null }[] {
  const days: { day: string; color: Color | null }[] = [];
  let i = 0;
  // The colour before the period: the last change before it, else the first change's "from", else today's.
  while (i < changes.length && changes[i].day < first) i++;
  let color: Color = i > 0 ? changes[i - 1].to : (changes[0]?.from ?? current);
  for (let d = first; d <= last; d = nextDay(d)) {
    while (i < changes.length && changes[i].day <= d) color = changes[i++].to;
    days.push({ day: d, color: d <= today ? color : null });
  }
  return days;
}

export function nextDay(d: string): string {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}

/** The first and last day of the quarter of a day. */
export function quarterOf(day: string): { first: string; last: string; quarter: number } {
  const y = Number(day.slice(0, 4));
  const q = Math.floor((Number(day.slice(5, 7)) - 1) / 3);
  const first = `${y}-${String(q * 3 + 1).padStart(2, "0")}-01`;
  const last = new Date(Date.UTC(y, q * 3 + 3, 0)).toISOString().slice(0, 10);
  return { first, last, quarter: q + 1 };
}
