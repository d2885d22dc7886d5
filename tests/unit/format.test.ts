import { formatDateTime, formatWan, moneyParts, parseWanInput, wanToYi } from "../../lib/format";

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

describe("money people read and type", () => {
  it("shows 万元 below 1 亿 and 亿元 from 1 亿 on", () => {
    expect(moneyParts("9999.99")).toEqual({ amount: "9,999.99", unit: "wan" });
    expect(moneyParts("10000.00")).toEqual({ amount: "1.00", unit: "yi" });
    expect(moneyParts("123456.50")).toEqual({ amount: "12.35", unit: "yi" });
    expect(moneyParts("1234567890.00")).toEqual({ amount: "123,456.79", unit: "yi" });
  });

  it.each([
    ["12,000", "12000.00"],
    ["12000万", "12000.00"],
    ["12000万元", "12000.00"],
    ["1.2亿", "12000.00"],
    ["3.5亿元", "35000.00"],
    ["0.0001亿", "1.00"],
    ["15000元", "1.50"],
    ["１２，０００", "12000.00"],
    [" 2800 万 ", "2800.00"],
    ["7", "7.00"],
  ])("reads %j as %s 万元", (raw, wan) => {
    expect(parseWanInput(raw)).toBe(wan);
  });

  it.each(["", "abc", "1.2.3", "-5", "15001元", "1.234", "1e5", "亿"])("refuses %j", (raw) => {
    expect(parseWanInput(raw)).toBeNull();
  });
});
