import { matchHeaders, normalizeDate, projectColumns, stageCode, yesNo } from "@/lib/imports/columns";
import { cellText, decodeCsv } from "@/lib/imports/read-sheet";

describe("import columns", () => {
  it("matches Chinese, English and API headers, with or without units, and lists the rest", () => {
    const { mapping, unknown, missing } = matchHeaders(projectColumns, [
      "项目编号",
      " 项目名称 ",
      "Investor",
      "产业",
      "总投资",
      "totalInvestment",
      "预警",
      "Credit code",
    ]);
    expect([...mapping.entries()]).toEqual([
      ["项目编号", "code"],
      [" 项目名称 ", "name"],
      ["Investor", "enterpriseName"],
      ["产业", "industry"],
      ["总投资", "totalInvestment"],
      ["Credit code", "creditCode"],
    ]);
    // A second header for the same column and a column the import does not know are left out.
    expect(unknown).toEqual(["totalInvestment", "预警"]);
    expect(missing).toEqual([]);
    expect(matchHeaders(projectColumns, ["项目名称"]).missing).toEqual([
      "code",
      "enterpriseName",
      "industry",
      "totalInvestment",
    ]);
  });

  it("reads choices, yes/no and dates the way people type them", () => {
    expect(stageCode("洽谈")).toBe("NEGOTIATING");
    expect(stageCode("Construction")).toBe("CONSTRUCTION");
    expect(stageCode("开工")).toBe("开工");
    expect([yesNo("是"), yesNo("否"), yesNo("Y"), yesNo(""), yesNo("也许")]).toEqual([
      true,
      false,
      true,
      undefined,
      "也许",
    ]);
    expect(normalizeDate("2026/3/5")).toBe("2026-03-05");
    expect(normalizeDate("2026年3月5日")).toBe("2026-03-05");
    expect(normalizeDate("2026.12.31")).toBe("2026-12-31");
    expect(normalizeDate("明年")).toBe("明年");
  });

  it("decodes CSV saved by Excel in Chinese (GB18030) as well as UTF-8", () => {
    expect(decodeCsv(new Uint8Array([0xd6, 0xd0, 0xce, 0xc4]))).toBe("中文");
    expect(decodeCsv(new TextEncoder().encode("中文"))).toBe("中文");
  });

  it("turns cells into the text the user typed", () => {
    expect(cellText(new Date(Date.UTC(2026, 2, 5)))).toBe("2026-03-05");
    expect(cellText(0.1 + 0.2)).toBe("0.3");
    expect(cellText({ richText: [{ text: "中" }, { text: "硼" }] })).toBe("中硼");
    expect(cellText({ formula: "A1", result: 12 } as never)).toBe("12");
    expect(cellText(null)).toBe("");
  });
});
