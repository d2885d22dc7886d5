// How a meeting's time reads (Asia/Shanghai), in notifications, lists and the printed minutes.
const formatter = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** "2026-12-01 09:30" in Asia/Shanghai. */
export function meetingTimeText(at: Date | string): string {
  const parts = Object.fromEntries(formatter.formatToParts(new Date(at)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** The value of a datetime-local input for this time ("2026-12-01T09:30", Asia/Shanghai). */
export const meetingTimeInput = (at: Date | string) => meetingTimeText(at).replace(" ", "T");
