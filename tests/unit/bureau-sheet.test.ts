// Spreadsheets as bureaus keep them: the header found below a title and a 填报单位 row,
// 合计 / 小计 rows however they start, merged cells, units in headers and cells, the forms
// of dates people type, full-width text, and each conversion reported.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { columnAmount, columnScales, convertProjectCells } from "@/lib/imports/cell-values";
import { headerUnit, matchHeaders, normalizeDate, normalizeHeader, projectColumns } from "@/lib/imports/columns";
import { ignoredColumns } from "@/lib/imports/outcome";
import { fillMerged, openSheet, type RawRow } from "@/lib/imports/read-sheet";
import { pickHeader, rowMarker } from "@/lib/imports/sheet-layout";
import { sheetMerges } from "@/lib/imports/xlsx-zip";
import { bureauBytes, bureauHeader } from "../support/bureau-sheet";

describe("rows that are not data in a bureau's table", () => {
  it("knows a 合计 or 小计 row after a blank or a 序号", () => {
    expect(rowMarker(["", "合计", "", "9.1"])).toBe("total");
    expect(rowMarker(["", "小计", "", "7"])).toBe("subtotal");
    expect(rowMarker(["小计："])).toBe("subtotal");
    expect(rowMarker(["3", "小计", "", "7"])).toBe("subtotal");
    expect(rowMarker(["１２", "合计"])).toBe("total");
    expect(rowMarker(["Subtotal", "1"])).toBe("subtotal");
  });

  it("leaves data rows alone, a 序号 before a project too", () => {
    expect(rowMarker(["3", "BU-2026-01", "小计划项目"])).toBeUndefined();
    expect(rowMarker(["3", "合计划项目"])).toBeUndefined();
    expect(rowMarker(["3"])).toBeUndefined();
    expect(rowMarker(["小计划有限公司"])).toBeUndefined();
  });

  it("chooses as header the top row with the most known columns, the first of equals", () => {
    expect(pickHeader([0, 1, 9, 3])).toBe(2);
    expect(pickHeader([0, 4, 4])).toBe(1);
    expect(pickHeader([0, 0])).toBe(0);
    expect(pickHeader([])).toBe(0);
  });
});

describe("headers as bureaus write them", () => {
  it("match with line breaks, stray blanks, full-width brackets, 【】 and their usual names", () => {
    expect(normalizeHeader("项目\n编号")).toBe("项目编号");
    expect(normalizeHeader(" 总投资 （亿元） ")).toBe("总投资");
    expect(normalizeHeader("总投资【万元】")).toBe("总投资");
    const { mapping, unknown, missing } = matchHeaders(projectColumns, bureauHeader);
    expect(Object.fromEntries([...mapping].map(([h, k]) => [k, h]))).toEqual({
      code: "项目\n编号",
      name: " 项目名称 ",
      enterpriseName: "投资企业",
      industry: "所属产业",
      totalInvestment: "总投资（亿元）",
      fixedAssetInvestment: "固定资产投资(万元)",
      stage: "阶段",
      signingDate: "签约日期",
      plannedStartDate: "计划开工时间",
      contractInvestment: "合同投资额（万元）",
    });
    expect(unknown).toEqual(["序号", "备注"]);
    expect(missing).toEqual([]);
    expect(matchHeaders(projectColumns, ["建设单位", "开工时间", "竣工时间"]).mapping).toEqual(
      new Map([
        ["建设单位", "enterpriseName"],
        ["开工时间", "constructionDate"],
        ["竣工时间", "completionDate"],
      ]),
    );
  });

  it("read the unit in brackets", () => {
    expect(headerUnit("总投资（亿元）")).toBe("亿元");
    expect(headerUnit("总投资(万元)")).toBe("万元");
    expect(headerUnit("总投资【亿元】")).toBe("亿元");
    expect(headerUnit("用地（亩）")).toBe("亩");
    expect(headerUnit("总投资")).toBeUndefined();
    const scales = columnScales(
      new Map([
        ["总投资（亿元）", "totalInvestment"],
        ["合同投资额（元）", "contractInvestment"],
        ["固定资产投资（万元）", "fixedAssetInvestment"],
        ["外资（亿美元）", "foreignCapital"],
      ]),
    );
    expect(scales).toEqual({ totalInvestment: "yi", contractInvestment: "yuan", foreignCapital: "yi" });
  });

  it("list the columns the import ignores, but not the two the errors workbook adds", () => {
    expect(ignoredColumns(["序号", " 备注 ", "原行号", "错误", "Row in file", ""])).toEqual(["序号", "备注"]);
  });
});

describe("dates as people and spreadsheets give them", () => {
  it.each([
    ["2026-03-01", "2026-03-01"],
    ["2026/3/1", "2026-03-01"],
    ["2026.3.1", "2026-03-01"],
    ["2026年3月1日", "2026-03-01"],
    ["2026 年 3 月 1 日", "2026-03-01"],
    ["2026年3月", "2026-03-01"],
    ["2026年12月份", "2026-12-01"],
    ["2026-03", "2026-03-01"],
    ["２０２６年３月１日", "2026-03-01"],
    ["2026-03-01 00:00:00", "2026-03-01"],
    ["2026/3/1 8:30", "2026-03-01"],
    ["46082", "2026-03-01"],
    ["46188", "2026-06-15"],
    ["2026", "2026"],
    ["明年三月", "明年三月"],
  ])("%s → %s", (input, output) => expect(normalizeDate(input)).toBe(output));
});

describe("amounts and their conversions", () => {
  it("reads separators and units into the column's unit, the cell's unit first", () => {
    expect(columnAmount("15,000", "wan", undefined)).toBe("15000.00");
    expect(columnAmount("3.5亿", "wan", undefined)).toBe("35000.00");
    expect(columnAmount("3.5亿元", "wan", undefined)).toBe("35000.00");
    expect(columnAmount("2800万", "wan", undefined)).toBe("2800.00");
    expect(columnAmount("3.5", "wan", "yi")).toBe("35000.00");
    expect(columnAmount("2800万", "wan", "yi")).toBe("2800.00");
    expect(columnAmount("１，２００．５", "wan", undefined)).toBe("1200.50");
    expect(columnAmount("150000", "wan", "yuan")).toBe("15.00");
    expect(columnAmount("1.2亿美元", "wanUsd", undefined)).toBe("12000.00");
    expect(columnAmount("80亩", "mu", undefined)).toBe("80.00");
    expect(columnAmount("约3亿", "wan", undefined)).toBeNull();
    expect(columnAmount("3亩", "wan", undefined)).toBeNull();
  });

  it("converts a row and says what it converted, leaving plain values and what it cannot read", () => {
    const { cells, conversions } = convertProjectCells(
      {
        code: "ＢＵ－２０２６－０１",
        name: "项目",
        totalInvestment: "3.5",
        fixedAssetInvestment: "15,000",
        contractInvestment: "3.5亿元",
        expectedAnnualOutput: "120000",
        expectedAnnualTax: "约300万",
        signingDate: "2026-03-05",
        plannedStartDate: "2026年3月",
        constructionDate: "下月",
      },
      { totalInvestment: "yi" },
    );
    expect(cells).toEqual({
      code: "BU-2026-01",
      name: "项目",
      totalInvestment: "35000.00",
      fixedAssetInvestment: "15000.00",
      contractInvestment: "35000.00",
      expectedAnnualOutput: "120000.00",
      expectedAnnualTax: "约300万",
      signingDate: "2026-03-05",
      plannedStartDate: "2026-03-01",
      constructionDate: "下月",
    });
    expect(conversions).toEqual([
      { column: "totalInvestment", kind: "wan", from: "3.5", to: "35000.00" },
      { column: "fixedAssetInvestment", kind: "wan", from: "15,000", to: "15000.00" },
      { column: "contractInvestment", kind: "wan", from: "3.5亿元", to: "35000.00" },
      { column: "plannedStartDate", kind: "date", from: "2026年3月", to: "2026-03-01" },
      { column: "code", kind: "text", from: "ＢＵ－２０２６－０１", to: "BU-2026-01" },
    ]);
    expect(convertProjectCells({ code: "BU-1", totalInvestment: "50000", landArea: "80" }).conversions).toEqual([]);
  });
});

describe("merged cells", () => {
  const rows = (...list: RawRow[]) =>
    (async function* () {
      yield* list;
    })();
  const all = async (g: AsyncIterable<RawRow>) => {
    const out: string[][] = [];
    for await (const r of g) out.push(r.values);
    return out;
  };

  it("repeat the value of a merged area down its first column, not across and not past it", async () => {
    const areas = [
      { top: 1, left: 1, bottom: 1, right: 4 },
      { top: 2, left: 2, bottom: 4, right: 2 },
    ];
    expect(
      await all(
        fillMerged(
          rows(
            { n: 1, values: ["标题", "", "", ""] },
            { n: 2, values: ["1", "高端装备", "A"] },
            { n: 3, values: ["2", "", "B"] },
            { n: 4, values: ["3", "", "C"] },
            { n: 5, values: ["4", "", "D"] },
          ),
          areas,
        ),
      ),
    ).toEqual([
      ["标题", "", "", ""],
      ["1", "高端装备", "A"],
      ["2", "高端装备", "B"],
      ["3", "高端装备", "C"],
      ["4", "", "D"],
    ]);
  });
});

describe("openSheet on a bureau's own table", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bureau-sheet-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const limits = { maxRows: 100, maxUnpackedBytes: 10 * 1024 * 1024 };
  const score = (values: string[]) => matchHeaders(projectColumns, values).mapping.size;

  it("finds the header under the title and 填报单位 rows, fills merged cells and marks 小计 and 合计", async () => {
    const f = path.join(dir, "bureau.xlsx");
    fs.writeFileSync(f, await bureauBytes({ code: (n) => `BU-2026-0${n}`, industry: "新材料" }));
    const sheet = await openSheet(f, f, limits, score);
    expect(sheet).toMatchObject({ headers: bureauHeader.map((h) => h.trim()), headerRow: 3, total: 7 });
    const out = [];
    for await (const r of sheet.rows())
      out.push({
        row: r.row,
        code: r.cells["项目\n编号"],
        industry: r.cells["所属产业"],
        total: r.cells["总投资（亿元）"],
        start: r.cells["计划开工时间"],
        marker: r.marker,
      });
    expect(out).toEqual([
      { row: 4, code: "ＢＵ－２０２６－０１", industry: "新材料", total: "3.5", start: "2026年3月", marker: undefined },
      { row: 5, code: "BU-2026-02", industry: "新材料", total: "2800万", start: "46082", marker: undefined },
      { row: 6, code: "小计", industry: "", total: "7", start: "", marker: "subtotal" },
      { row: 7, code: "BU-2026-03", industry: "新材料", total: "１.２", start: "2026-03-01", marker: undefined },
      { row: 8, code: "BU-2026-04", industry: "新材料", total: "0.6", start: "2026.3.1", marker: undefined },
      { row: 9, code: "", industry: "", total: "9.1", start: "", marker: "total" },
      { row: 10, code: "", industry: "", total: "", start: "", marker: undefined },
    ]);
  });

  it("reads every merged area of a sheet, however the unpacked stream cuts the tags", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("x");
    for (let r = 1; r <= 6000; r++) ws.addRow([`R${r}`, r]);
    for (let k = 0; k < 3000; k++) ws.mergeCells(2 * k + 1, 1, 2 * k + 2, 1);
    const f = path.join(dir, "merges.xlsx");
    await wb.xlsx.writeFile(f);
    const areas = await sheetMerges(f, limits.maxUnpackedBytes);
    expect(areas).toHaveLength(3000);
    expect(areas.every((a, k) => a.top === 2 * k + 1 && a.bottom === 2 * k + 2 && a.left === 1 && a.right === 1)).toBe(
      true,
    );
  });

  it("chooses the header naming the most columns even when a required one is missing", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("x");
    ws.addRow(["项目名称：重点项目表"]);
    ws.addRow(["序号", "项目名称", "投资企业", "所属产业", "总投资（亿元）"]);
    ws.addRow([1, "甲项目", "甲公司", "新材料", 1]);
    const f = path.join(dir, "nocode.xlsx");
    await wb.xlsx.writeFile(f);
    const sheet = await openSheet(f, f, limits, score);
    expect(sheet.headerRow).toBe(2);
    expect(matchHeaders(projectColumns, sheet.headers).missing).toEqual(["code"]);
  });
});
