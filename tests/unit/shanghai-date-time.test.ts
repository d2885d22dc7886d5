// A moment read in Asia/Shanghai (lib/dates.ts shanghaiDateTime) and what reads it: a meeting's
// time and a backup's default name. Midnight is 00, never 24.
import { shanghaiDateTime } from "../../lib/dates";
import { meetingTimeInput, meetingTimeText } from "../../lib/meetings/meeting-time";
import { defaultBackupName } from "../../scripts/lib/backup/archive";

describe("a moment in Shanghai", () => {
  it("reads UTC+8, seconds included", () => {
    expect(shanghaiDateTime(new Date("2026-12-01T01:30:05Z"))).toBe("2026-12-01 09:30:05");
    expect(shanghaiDateTime("2026-12-01T01:30:05.999Z")).toBe("2026-12-01 09:30:05");
  });

  it("turns the year at Shanghai's midnight, written 00", () => {
    expect(shanghaiDateTime(new Date("2026-12-31T15:59:59Z"))).toBe("2026-12-31 23:59:59");
    expect(shanghaiDateTime(new Date("2026-12-31T16:00:00Z"))).toBe("2027-01-01 00:00:00");
  });

  it("gives a meeting its minute and a backup its name", () => {
    const at = new Date("2026-12-31T16:04:09Z");
    expect(meetingTimeText(at)).toBe("2027-01-01 00:04");
    expect(meetingTimeInput(at)).toBe("2027-01-01T00:04");
    expect(defaultBackupName(at)).toBe("crm-20270101-000409.tar.gz");
  });
});
