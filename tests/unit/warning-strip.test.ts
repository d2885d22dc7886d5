// The quarter's colours as a strip of days (督办 tab), from the colour history.
import { colourStrip, quarterOf } from "../../lib/supervision/warning-strip";

describe("colourStrip", () => {
  it("gives each day the colour held at its end, nothing after today", () => {
    const days = colourStrip({
      first: "2026-10-01",
      last: "2026-10-06",
      today: "2026-10-05",
      current: "RED",
      changes: [
        { day: "2026-09-20", from: "NONE", to: "BLUE" },
        { day: "2026-10-02", from: "BLUE", to: "YELLOW" },
        { day: "2026-10-02", from: "YELLOW", to: "RED" },
        { day: "2026-10-04", from: "RED", to: "YELLOW" },
        { day: "2026-10-05", from: "YELLOW", to: "RED" },
      ],
    });
    expect(days.map((d) => d.color)).toEqual(["BLUE", "RED", "RED", "YELLOW", "RED", null]);
  });

  it("before the first change, the colour it changed from; without changes, the colour now", () => {
    const first = colourStrip({
      first: "2026-10-01",
      last: "2026-10-03",
      today: "2026-10-03",
      current: "RED",
      changes: [{ day: "2026-10-02", from: "BLUE", to: "RED" }],
    });
    expect(first.map((d) => d.color)).toEqual(["BLUE", "RED", "RED"]);
    const none = colourStrip({
      first: "2026-10-01",
      last: "2026-10-02",
      today: "2026-10-02",
      current: "YELLOW",
      changes: [],
    });
    expect(none.map((d) => d.color)).toEqual(["YELLOW", "YELLOW"]);
  });

  it("knows the quarters", () => {
    expect(quarterOf("2026-11-27")).toEqual({ first: "2026-10-01", last: "2026-12-31", quarter: 4 });
    expect(quarterOf("2028-02-10")).toEqual({ first: "2028-01-01", last: "2028-03-31", quarter: 1 });
    expect(colourStrip({ ...quarterOf("2026-05-01"), today: "2026-05-01", current: "BLUE", changes: [] })).toHaveLength(
      91,
    );
  });
});
