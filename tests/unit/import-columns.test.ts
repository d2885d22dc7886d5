import { matchHeaders, normalizeDate, projectColumns, stageCode, yesNo } from "@/lib/imports/columns";
import { cellText, decodeCsv } from "@/lib/imports/read-sheet";
import { enterpriseRowSchema, projectRowSchema, storableText } from "@/lib/imports/schemas";
import { issueKey } from "@/lib/i18n/field-messages";

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

describe("import row schemas refuse what the database could not store", () => {
  const project = (cells: Record<string, string>) =>
    projectRowSchema.safeParse({ code: "ROW-1", ...cells }, { error: issueKey });
  const messageOf = (r: ReturnType<typeof project>) => (r.success ? null : r.error.issues[0].message);

  it("dates: real calendar dates from 1900 to 2100", () => {
    for (const d of ["0000-01-01", "1899-12-31", "2101-01-01", "9999-12-31"])
      expect([d, messageOf(project({ signingDate: d }))]).toEqual([d, "validation.dateRange"]);
    for (const d of ["2026-02-30", "2026-13-01", "26-01-01"])
      expect([d, messageOf(project({ signingDate: d }))]).toEqual([d, "validation.date"]);
    for (const d of ["1900-01-01", "2100-12-31", "2024-02-29", "2026年3月5日"])
      expect([d, project({ signingDate: d }).success]).toEqual([d, true]);
  });

  it("text: no NUL or other control characters but tab and line breaks, no lone surrogates", () => {
    for (const bad of ["a\u0000b", "\u0007", "x\u001b", "\ud800", "a\udc00b", "end\ud83d"]) {
      expect(storableText(bad)).toBe(false);
      expect(messageOf(project({ name: bad }))).toBe("validation.characters");
      expect(messageOf(project({ tags: `好,${bad}` }))).toBe("validation.characters");
      const e = enterpriseRowSchema.safeParse({ name: "企业", contact: bad }, { error: issueKey });
      expect(e.success ? null : e.error.issues[0].message).toBe("validation.characters");
    }
    for (const good of ["第一行\n第二行", "a\tb", "表情\ud83d\ude00", "１２３"]) {
      expect(storableText(good)).toBe(true);
      expect(project({ description: good }).success).toBe(true);
    }
  });
});
