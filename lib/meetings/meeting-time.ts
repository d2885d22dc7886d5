// How a meeting's time reads (Asia/Shanghai), in notifications, lists and the printed minutes.
import { shanghaiDateTime } from "../dates";

/** "2026-12-01 09:30" in Asia/Shanghai. */
export function meetingTimeText(at: Date | string): string {
  return shanghaiDateTime(at).slice(0, 16);
}

/** The value of a datetime-local input for this time ("2026-12-01T09:30", Asia/Shanghai). */
export const meetingTimeInput = (at: Date | string) => meetingTimeText(at).replace(" ", "T");
