import { formatDateTime, formatWan, wanToYi } from "../../lib/format";

describe("money formats", () => {
  it("groups 万元 without floating point", () => {
    expect(formatWan("123456.5")).toBe("123,456.50");
    expect(formatWan("0.00")).toBe("0.00");
    expect(formatWan("-1234567.89")).toBe("-1,234,567.89");
    expect(formatWan("99999999999999.99")).toBe("99,999,999,999,999.99");
  });

  it("converts 万元 to 亿元 exactly, rounding half up", () => {
    expect(wanToYi("200000.00")).toBe("20.00");
    expect(wanToYi("12345.00")).toBe("1.23");
    expect(wanToYi("12350.00")).toBe("1.24");
    expect(wanToYi("50.00")).toBe("0.01");
    expect(wanToYi("0")).toBe("0.00");
  });
});

describe("dates", () => {
  it("shows times in Asia/Shanghai", () => {
    expect(formatDateTime("2026-01-01T16:30:00Z")).toBe("2026-01-02 00:30");
  });
});
